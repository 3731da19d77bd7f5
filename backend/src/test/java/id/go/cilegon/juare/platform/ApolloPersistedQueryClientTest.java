package id.go.cilegon.juare.platform;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.cilegon.juare.support.IntegrationTest;
import id.go.cilegon.juare.support.NodeProject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * Apollo Client 4's own {@code PersistedQueryLink} (npm {@code @apollo/client}, the committed project
 * src/test/apollo-client run by {@link NodeProject}) against the server, on Node: a hash-only POST that
 * misses, the retry with the document, then hash-only POSTs that run.
 */
class ApolloPersistedQueryClientTest extends IntegrationTest {

    @Test
    @SuppressWarnings("unchecked")
    void apolloClientsPersistedQueryLinkMissesRetriesAndThenSendsOnlyTheHash() throws Exception {
        NodeProject apollo = NodeProject.install("apollo-client", "@apollo/client");
        NodeProject.Result run = apollo.run(60, null, "node", "apq-client.mjs", "http://localhost:" + port + "/graphql",
                UUID.randomUUID().toString().replace("-", ""));
        String output = run.output();
        assertThat(run.exitCode()).as(output).isZero();
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
    }
}
