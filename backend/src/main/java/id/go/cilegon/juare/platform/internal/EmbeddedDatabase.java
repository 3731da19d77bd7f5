package id.go.cilegon.juare.platform.internal;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import id.go.cilegon.juare.platform.DataDirectory;
import id.go.cilegon.juare.platform.SecretFiles;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * With no database configured ({@code spring.r2dbc.url}), starts an embedded PostgreSQL and points R2DBC and
 * Flyway at it. Its data lives in {@code DATA_DIR/postgres}, so a restart keeps what was filed; with
 * {@code juare.database.ephemeral=true} (the tests) it lives in a temporary directory. One server per JVM:
 * every application context in the JVM shares it. Nothing is trusted: the superuser has a generated password and
 * every connection must prove it with scram-sha-256 (ADR 0014).
 */
public class EmbeddedDatabase implements EnvironmentPostProcessor, Ordered {

    static final String SUPERUSER = "postgres";
    static final String PASSWORD_FILE = "database-password.txt";
    // the application's own role: owns the schema's objects, no superuser powers (no COPY … TO PROGRAM)
    static final String APP_ROLE = "juare";
    static final String APP_PASSWORD_FILE = "database-app-password.txt";
    // every connection, local socket or TCP, proves the password; nothing is trusted
    static final String PG_HBA = """
            # Written by Juare at every start (ADR 0014): every connection needs the password (scram-sha-256).
            local   all          all                  scram-sha-256
            host    all          all   127.0.0.1/32   scram-sha-256
            host    all          all   ::1/128        scram-sha-256
            local   replication  all                  scram-sha-256
            host    replication  all   127.0.0.1/32   scram-sha-256
            host    replication  all   ::1/128        scram-sha-256
            """;

    private static EmbeddedPostgres server;
    private static String password;
    private static String appPassword;

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.containsProperty("spring.r2dbc.url")
                || !environment.getProperty("juare.database.embedded", Boolean.class, true)) {
            return;
        }
        boolean ephemeral = environment.getProperty("juare.database.ephemeral", Boolean.class, false);
        Path dataRoot = DataDirectory.resolve(environment);
        int port = start(ephemeral ? null : dataRoot.resolve("postgres"), dataRoot).getPort();
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("spring.r2dbc.url", "r2dbc:postgresql://localhost:" + port + "/postgres");
        properties.put("spring.r2dbc.username", APP_ROLE);
        properties.put("spring.r2dbc.password", appPassword);
        properties.put("spring.flyway.url", "jdbc:postgresql://localhost:" + port + "/postgres");
        properties.put("spring.flyway.user", APP_ROLE);
        properties.put("spring.flyway.password", appPassword);
        environment.getPropertySources().addLast(new MapPropertySource("juareEmbeddedDatabase", properties));
    }

    /**
     * The server's superuser password and the application role's: generated once into
     * {@code DATA_DIR/secrets/database-password.txt} and {@code database-app-password.txt} (0600) for a kept
     * database, per JVM for a throwaway one.
     */
    private static synchronized EmbeddedPostgres start(Path dataDirectory, Path dataRoot) {
        if (server != null) {
            return server;
        }
        if (dataDirectory == null) {
            password = SecretFiles.randomToken(24);
            appPassword = SecretFiles.randomToken(24);
        } else {
            Path secrets = SecretFiles.directory(dataRoot);
            password = SecretFiles.readOrCreate(secrets.resolve(PASSWORD_FILE), () -> SecretFiles.randomToken(24));
            appPassword = SecretFiles.readOrCreate(secrets.resolve(APP_PASSWORD_FILE), () -> SecretFiles.randomToken(24));
        }
        server = launch(dataDirectory, password, appPassword);
        return server;
    }

    /** Starts a server (initdb first if its directory is new) that asks every connection for a password. */
    static EmbeddedPostgres launch(Path dataDirectory, String password, String appPassword) {
        Path passwordFile = null;
        try {
            // initdb reads the superuser's password from a file; scram-sha-256 replaces the "-A trust" zonky passes
            passwordFile = Files.createTempFile("juare-pg", ".pw",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(passwordFile, password);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("password_encryption", "scram-sha-256")
                    .setLocaleConfig("auth", "scram-sha-256")
                    .setLocaleConfig("pwfile", passwordFile.toString())
                    .setConnectConfig("password", password);
            if (dataDirectory == null) {
                // throwaway data: durability buys nothing in tests
                builder.setServerConfig("fsync", "off")
                        .setServerConfig("synchronous_commit", "off")
                        .setServerConfig("full_page_writes", "off");
            } else {
                // kept data (./run.sh's data/): durable, so a complaint the resident saw acknowledged survives a power
                // cut. The library's own default is synchronous_commit=off.
                Files.createDirectories(dataDirectory);
                builder.setDataDirectory(dataDirectory).setCleanDataDirectory(false)
                        .setServerConfig("fsync", "on")
                        .setServerConfig("synchronous_commit", "on")
                        .setServerConfig("full_page_writes", "on");
            }
            EmbeddedPostgres started = builder.start();
            requirePassword(started, password);
            appRole(started, appPassword, dataDirectory == null);
            return started;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL. As root it needs a user "
                    + "namespace (run through ./mvnw, which uses unshare -U), or configure spring.r2dbc.url.", e);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not require a password of the embedded PostgreSQL", e);
        } finally {
            if (passwordFile != null) {
                try {
                    Files.deleteIfExists(passwordFile);
                } catch (IOException ignored) {
                    // a temporary file readable by us only
                }
            }
        }
    }

    /**
     * The role the application (R2DBC and Flyway) connects as: no superuser, owner of the public schema's objects so
     * its migrations and the demo data's bulk load (which switches triggers off) work. Objects made by an older
     * version as the superuser are handed over on the first start.
     */
    private static void appRole(EmbeddedPostgres server, String appPassword, boolean throwaway) throws SQLException {
        try (Connection connection = server.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '" + APP_ROLE + "') "
                    + "THEN CREATE ROLE " + APP_ROLE + "; END IF; END $$");
            // the password is base64url: no quote can end the literal
            statement.execute("ALTER ROLE " + APP_ROLE + " WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION "
                    + "NOBYPASSRLS PASSWORD '" + appPassword + "'");
            statement.execute("GRANT CONNECT, TEMPORARY ON DATABASE postgres TO " + APP_ROLE);
            statement.execute("GRANT USAGE, CREATE ON SCHEMA public TO " + APP_ROLE);
            statement.execute(HAND_OVER);
            if (throwaway) {
                // the tests' check of the data files on disk (PrivacyTest) flushes them and asks where they are
                statement.execute("GRANT pg_checkpoint, pg_read_all_settings TO " + APP_ROLE);
            }
        }
    }

    // tables, views and their sequences, free sequences, functions and types of the public schema, to the app role
    private static final String HAND_OVER = """
            DO $$
            DECLARE
                app oid := '%1$s'::regrole;
                statement text;
            BEGIN
                FOR statement IN
                    SELECT format('ALTER TABLE %%I.%%I OWNER TO %1$s', n.nspname, c.relname)
                    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                    WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm', 'f') AND c.relowner <> app
                    UNION ALL
                    SELECT format('ALTER SEQUENCE %%I.%%I OWNER TO %1$s', n.nspname, c.relname)
                    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                    WHERE n.nspname = 'public' AND c.relkind = 'S' AND c.relowner <> app
                      AND NOT EXISTS (SELECT FROM pg_depend d WHERE d.classid = 'pg_class'::regclass
                                      AND d.objid = c.oid AND d.deptype IN ('a', 'i'))
                    UNION ALL
                    SELECT format('ALTER ROUTINE %%s OWNER TO %1$s', p.oid::regprocedure)
                    FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
                    WHERE n.nspname = 'public' AND p.proowner <> app AND p.prokind IN ('f', 'p')
                    UNION ALL
                    SELECT format('ALTER TYPE %%s OWNER TO %1$s', t.oid::regtype)
                    FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
                    WHERE n.nspname = 'public' AND t.typowner <> app AND t.typtype IN ('e', 'd')
                LOOP
                    EXECUTE statement;
                END LOOP;
            END $$
            """.formatted(APP_ROLE);

    /**
     * Sets the superuser's password and writes a pg_hba.conf that asks every connection for it. A database made by
     * an older version (initdb with trust, no password) is brought in line here on its first start.
     */
    private static void requirePassword(EmbeddedPostgres server, String password) throws SQLException, IOException {
        try (Connection connection = server.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            // the password is base64url: no quote can end the literal
            statement.execute("ALTER ROLE " + SUPERUSER + " PASSWORD '" + password + "'");
            String hbaFile;
            try (ResultSet rs = statement.executeQuery("SHOW hba_file")) {
                rs.next();
                hbaFile = rs.getString(1);
            }
            Path hba = Path.of(hbaFile);
            if (!PG_HBA.equals(Files.readString(hba))) {
                Files.writeString(hba, PG_HBA);
                statement.execute("SELECT pg_reload_conf()");
            }
        }
    }
}
