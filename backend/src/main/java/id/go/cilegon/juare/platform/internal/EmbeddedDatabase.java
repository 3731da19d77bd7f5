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

/**
 * With no database configured ({@code spring.r2dbc.url}), starts an embedded PostgreSQL and points R2DBC and
 * Flyway at it. Its data lives in {@code DATA_DIR/postgres}, so a restart keeps what was filed; with
 * {@code juare.database.ephemeral=true} (the tests) it lives in a temporary directory. One server per JVM:
 * every application context in the JVM shares it.
 */
public class EmbeddedDatabase implements EnvironmentPostProcessor, Ordered {

    private static EmbeddedPostgres server;

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
        int port = start(ephemeral ? null : DataDirectory.resolve(environment).resolve("postgres")).getPort();
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("spring.r2dbc.url", "r2dbc:postgresql://localhost:" + port + "/postgres");
        properties.put("spring.r2dbc.username", "postgres");
        properties.put("spring.r2dbc.password", "");
        properties.put("spring.flyway.url", "jdbc:postgresql://localhost:" + port + "/postgres");
        properties.put("spring.flyway.user", "postgres");
        properties.put("spring.flyway.password", "");
        environment.getPropertySources().addLast(new MapPropertySource("juareEmbeddedDatabase", properties));
    }

    private static synchronized EmbeddedPostgres start(Path dataDirectory) {
        if (server != null) {
            return server;
        }
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("max_connections", "200");
            if (dataDirectory == null) {
                // throwaway data: durability buys nothing in tests
                builder.setServerConfig("fsync", "off")
                        .setServerConfig("synchronous_commit", "off")
                        .setServerConfig("full_page_writes", "off");
            } else {
                Files.createDirectories(dataDirectory);
                builder.setDataDirectory(dataDirectory).setCleanDataDirectory(false);
            }
            server = builder.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL. As root it needs a user "
                    + "namespace (run through ./mvnw, which uses unshare -U), or configure spring.r2dbc.url.", e);
        }
    }
}
