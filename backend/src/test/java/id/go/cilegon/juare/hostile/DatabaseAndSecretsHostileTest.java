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

    @Value("${spring.flyway.user}")
    String user;

    @Autowired
    DataDirectory dataDirectory;

    @Test
    void theEmbeddedDatabaseRefusesConnectionsWithoutThePasswordAndTheAppIsNoSuperuser() throws SQLException {
        assertThat(password).isNotBlank();
        int tried = 0;
        for (String who : new String[] {"postgres", user}) {
            for (String wrong : new String[] {null, "", "postgres", who.equals("postgres") ? password : "wrong-" + password}) {
                Properties properties = new Properties();
                properties.setProperty("user", who);
                if (wrong != null) {
                    properties.setProperty("password", wrong);
                }
                assertThatThrownBy(() -> DriverManager.getConnection(jdbcUrl, properties).close())
                        .as(who + " with " + wrong).isInstanceOf(SQLException.class);
                tried++;
            }
        }
        Properties right = new Properties();
        right.setProperty("user", user);
        right.setProperty("password", password);
        try (Connection connection = DriverManager.getConnection(jdbcUrl, right);
             Statement statement = connection.createStatement()) {
            try (ResultSet role = statement.executeQuery("SELECT rolsuper FROM pg_roles WHERE rolname = current_user")) {
                role.next();
                assertThat(role.getBoolean(1)).as("the application's role is a superuser").isFalse();
            }
            assertThatThrownBy(() -> statement.execute("COPY (SELECT 1) TO PROGRAM 'true'"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("pg_execute_server_program");
            System.out.println("HOSTILE database: connections without the right password tried=" + tried + " refused=" + tried
                    + "; the app connects as '" + user + "', no superuser, COPY TO PROGRAM refused");
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
