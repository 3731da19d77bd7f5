package id.go.cilegon.juare.platform;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.cilegon.juare.support.IntegrationTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The cost limits' figures are cached per document (ADR 0042), yet a list size given in a variable still counts:
 * the same text with a small and a large page is let through and refused, in any order.
 */
class QueryFiguresCacheTest extends IntegrationTest {

    private static final String DOCUMENT = """
            query Page($n: Int, $id: ID!) {
                myComplaints(first: $n) { edges { node { id timeline { id } photos { id } } } }
                complaint(id: $id) { id }
            }""";

    @Test
    void aPageSizeInAVariableStillCounts() {
        for (int n : new int[] {1, 100, 1, 100}) {
            for (String id : List.of("00000000-0000-0000-0000-000000000001", "00000000-0000-0000-0000-000000000002")) {
                Map<?, ?> extensions = firstErrorExtensions(n, id);
                // without a token: a small page runs (and is refused for want of one), a large one is refused by its cost
                assertThat(extensions.containsKey("cost")).as("n=" + n + ": " + extensions).isEqualTo(n == 100);
            }
        }
    }

    private Map<?, ?> firstErrorExtensions(int n, String id) {
        Map<?, ?> response = api().http().post().uri("/graphql")
                .header("Content-Type", "application/json")
                .bodyValue(Map.of("query", DOCUMENT, "variables", Map.of("n", n, "id", id)))
                .exchange()
                .expectStatus().isOk()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
        List<?> errors = (List<?>) response.get("errors");
        assertThat(errors).as(String.valueOf(response)).isNotEmpty();
        return (Map<?, ?>) ((Map<?, ?>) errors.getFirst()).get("extensions");
    }
}
