package id.go.cilegon.juare.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.go.cilegon.juare.platform.DataDirectory;
import id.go.cilegon.juare.platform.SecretFiles;
import id.go.cilegon.juare.support.IntegrationTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/**
 * Issue 10, item 8: the embedded PostgreSQL trusted every local connection as superuser, and generated secrets were
 * world-readable. Now a connection without the generated password (or with a wrong one) is refused, pg_hba has no
 * trust line, and secrets files are 0600 in a 0700 directory, older ones tightened.
 */
@Tag("hostile")
class DatabaseAndSecretsHostileTest extends IntegrationTest {

    @Value("${spring.flyway.url}")
    String jdbcUrl;

    @Value("${spring.flyway.password}")
    String password;

    @Autowired
    DataDirectory dataDirectory;

    @Test
    void theEmbeddedDatabaseRefusesConnectionsWithoutThePassword() throws SQLException {
        assertThat(password).isNotBlank();
        int refused = 0;
        for (String tried : new String[] {null, "", "postgres", "wrong-" + password}) {
            Properties properties = new Properties();
            properties.setProperty("user", "postgres");
            if (tried != null) {
                properties.setProperty("password", tried);
            }
            assertThatThrownBy(() -> DriverManager.getConnection(jdbcUrl, properties).close())
                    .isInstanceOf(SQLException.class);
            refused++;
        }
        Properties right = new Properties();
        right.setProperty("user", "postgres");
        right.setProperty("password", password);
        try (Connection connection = DriverManager.getConnection(jdbcUrl, right);
             Statement statement = connection.createStatement();
             ResultSet rules = statement.executeQuery(
                     "SELECT count(*) FILTER (WHERE auth_method IN ('trust', 'password', 'md5')), count(*) FROM pg_hba_file_rules")) {
            rules.next();
            System.out.println("HOSTILE database: connections without the right password tried=" + refused
                    + " refused=" + refused + "; pg_hba rules=" + rules.getLong(2) + " weaker than scram=" + rules.getLong(1));
            assertThat(rules.getLong(1)).isZero();
            assertThat(rules.getLong(2)).isPositive();
        }
    }

    @Test
    void generatedSecretsAreReadableByTheirOwnerOnly() throws Exception {
        Path secrets = dataDirectory.root().resolve(SecretFiles.DIRECTORY);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secrets))).isEqualTo("rwx------");
        List<Path> files;
        try (Stream<Path> listed = Files.list(secrets)) {
            files = listed.filter(Files::isRegularFile).toList();
        }
        assertThat(files).isNotEmpty();
        for (Path file : files) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).as(file.toString()).isEqualTo("rw-------");
        }
        System.out.println("HOSTILE secrets: files=" + files.size() + " all 0600 in a 0700 directory");
    }

    @Test
    void olderWorldReadableSecretsAreTightenedAndNewOnesAreBornPrivate(@TempDir Path root) throws Exception {
        Path dir = root.resolve(SecretFiles.DIRECTORY);
        Files.createDirectories(dir);
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path old = dir.resolve("admin-password.txt");
        Files.writeString(old, "geheim");
        Files.setPosixFilePermissions(old, PosixFilePermissions.fromString("rw-r--r--"));

        SecretFiles.directory(root);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(old))).isEqualTo("rw-------");

        Path fresh = dir.resolve("new.key");
        assertThat(SecretFiles.readOrCreate(fresh, () -> "value")).isEqualTo("value");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(fresh))).isEqualTo("rw-------");
        assertThat(SecretFiles.readOrCreate(fresh, () -> "other")).isEqualTo("value");
    }
}
