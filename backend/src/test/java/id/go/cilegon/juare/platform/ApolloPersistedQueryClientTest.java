package id.go.cilegon.juare.platform;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.cilegon.juare.support.IntegrationTest;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * Apollo Client 4's own {@code PersistedQueryLink} (npm {@code @apollo/client}, installed by scripts/setup.sh into
 * {@code .tools/apollo-client}, or {@code JUARE_APOLLO_CLIENT}) against the server, on Node: a hash-only POST that
 * misses, the retry with the document, then hash-only POSTs that run.
 */
class ApolloPersistedQueryClientTest extends IntegrationTest {

    private static Path clientDirectory() {
        String configured = System.getenv("JUARE_APOLLO_CLIENT");
        Path here = Path.of("").toAbsolutePath();
        Path root = Files.exists(here.resolve("mvnw")) ? here : here.getParent();
        Path directory = configured != null && !configured.isBlank() ? Path.of(configured) : root.resolve(".tools/apollo-client");
        if (!Files.isDirectory(directory.resolve("node_modules/@apollo/client"))) {
            throw new IllegalStateException("No @apollo/client in " + directory
                    + ": run scripts/setup.sh (it installs it from npm), or set JUARE_APOLLO_CLIENT");
        }
        return directory;
    }

    @Test
    @SuppressWarnings("unchecked")
    void apolloClientsPersistedQueryLinkMissesRetriesAndThenSendsOnlyTheHash() throws Exception {
        Path directory = clientDirectory();
        // the script beside node_modules, so that its imports resolve there
        Path script = directory.resolve("apq-client-" + UUID.randomUUID() + ".mjs");
        try (InputStream in = getClass().getResourceAsStream("/apollo/apq-client.mjs")) {
            Files.write(script, in.readAllBytes());
        }
        try {
            Process process = new ProcessBuilder("node", script.toString(), "http://localhost:" + port + "/graphql",
                    UUID.randomUUID().toString().replace("-", ""))
                    .redirectErrorStream(true)
                    .start();
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("node finished").isTrue();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.exitValue()).as(output).isZero();
            Map<String, Object> result = JsonMapper.builder().build().readValue(output.lines()
                    .filter(line -> line.startsWith("{")).reduce((a, b) -> b).orElseThrow(), Map.class);

            List<Map<String, Object>> exchanges = (List<Map<String, Object>>) result.get("exchanges");
            assertThat(exchanges).as(output).hasSize(3);
            String hash = (String) exchanges.getFirst().get("hash");
            assertThat(hash).hasSize(64);
            // 1: the hash alone, unknown: 200 with PERSISTED_QUERY_NOT_FOUND
            assertThat(exchanges.get(0)).containsEntry("query", false).containsEntry("status", 200)
                    .containsEntry("code", "PERSISTED_QUERY_NOT_FOUND").containsEntry("data", false);
            // 2: the link's retry with the document and the same hash: stored, answered
            assertThat(exchanges.get(1)).containsEntry("query", true).containsEntry("hash", hash)
                    .containsEntry("status", 200).containsEntry("data", true);
            assertThat(exchanges.get(1).get("code")).isNull();
            // 3: the next query: the hash alone, answered
            assertThat(exchanges.get(2)).containsEntry("query", false).containsEntry("hash", hash)
                    .containsEntry("status", 200).containsEntry("data", true);
            assertThat((Integer) result.get("first")).isPositive();
            assertThat(result.get("second")).isEqualTo(result.get("first"));
        } finally {
            Files.deleteIfExists(script);
        }
    }
}
