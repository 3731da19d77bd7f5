package id.go.cilegon.juare.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A data directory made by an older version (initdb with trust, every object owned by the superuser) is brought in
 * line on its first start: passwords required, the objects handed to the application's role, which can use them
 * and is no superuser. A second, short-lived PostgreSQL beside the tests' one.
 */
@Tag("hostile")
class EmbeddedDatabaseUpgradeTest {

    @Test
    void anOldTrustingDataDirectoryIsLockedAndHandedToTheAppRole(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("postgres");
        try (EmbeddedPostgres old = EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false)
                .setPGStartupWait(Duration.ofSeconds(60)).start();
             Connection connection = old.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE TYPE mood AS ENUM ('ok', 'bad')");
            statement.execute("CREATE TABLE note (id serial PRIMARY KEY, body text, m mood)");
            statement.execute("CREATE TABLE tally (id bigint GENERATED ALWAYS AS IDENTITY, n int)");
            statement.execute("CREATE SEQUENCE free_counter");
            statement.execute("CREATE FUNCTION count_note() RETURNS trigger LANGUAGE plpgsql AS "
                    + "$$ BEGIN INSERT INTO tally (n) VALUES (1); RETURN NEW; END $$");
            statement.execute("CREATE TRIGGER note_counted AFTER INSERT ON note FOR EACH ROW EXECUTE FUNCTION count_note()");
            statement.execute("CREATE VIEW note_view AS SELECT id, body FROM note");
            statement.execute("INSERT INTO note (body, m) VALUES ('from before', 'ok')");
        }

        try (EmbeddedPostgres upgraded = EmbeddedDatabase.launch(data, "super-secret-1", "app-secret-2")) {
            String url = "jdbc:postgresql://localhost:" + upgraded.getPort() + "/postgres";
            assertThatThrownBy(() -> connect(url, "postgres", null)).isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> connect(url, "juare", null)).isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> connect(url, "postgres", "app-secret-2")).isInstanceOf(SQLException.class);
            try (Connection app = connect(url, "juare", "app-secret-2"); Statement statement = app.createStatement()) {
                try (ResultSet notOwned = statement.executeQuery("""
                        SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                        WHERE n.nspname = 'public' AND c.relkind IN ('r', 'v', 'S') AND c.relowner <> 'juare'::regrole""")) {
                    notOwned.next();
                    assertThat(notOwned.getLong(1)).isZero();
                }
                statement.execute("INSERT INTO note (body, m) VALUES ('after', 'bad')");
                statement.execute("ALTER TABLE note DISABLE TRIGGER note_counted");
                statement.execute("ALTER TABLE note ENABLE TRIGGER note_counted");
                statement.execute("SELECT nextval('free_counter')");
                try (ResultSet rows = statement.executeQuery("SELECT (SELECT count(*) FROM note_view), (SELECT count(*) FROM tally)")) {
                    rows.next();
                    assertThat(rows.getLong(1)).isEqualTo(2);
                    assertThat(rows.getLong(2)).isEqualTo(2);
                }
                assertThatThrownBy(() -> statement.execute("COPY (SELECT 1) TO PROGRAM 'true'")).isInstanceOf(SQLException.class);
            }
            try (Connection superuser = connect(url, "postgres", "super-secret-1"); Statement statement = superuser.createStatement()) {
                assertThat(superuser.isValid(5)).isTrue();
                // kept data is durable: what was acknowledged is on disk (only the tests' throwaway server is not)
                for (String setting : new String[] {"fsync", "synchronous_commit", "full_page_writes"}) {
                    try (ResultSet value = statement.executeQuery("SHOW " + setting)) {
                        value.next();
                        assertThat(value.getString(1)).as(setting).isEqualTo("on");
                    }
                }
            }
            System.out.println("HOSTILE database: an old trusting data directory upgraded: password required, "
                    + "objects owned by the app role, COPY TO PROGRAM refused");
        }
    }

    private static Connection connect(String url, String user, String password) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        if (password != null) {
            properties.setProperty("password", password);
        }
        return DriverManager.getConnection(url, properties);
    }
}
