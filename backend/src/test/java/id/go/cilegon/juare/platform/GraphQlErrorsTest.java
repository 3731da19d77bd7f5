package id.go.cilegon.juare.platform;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.cilegon.juare.support.IntegrationTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every error has extensions.code; the engine's limits hold; no stack trace reaches a client. */
class GraphQlErrorsTest extends IntegrationTest {

    private Map<?, ?> post(String query) {
        return api().http().post().uri("/graphql")
                .header("Content-Type", "application/json")
                .bodyValue(Map.of("query", query))
                .exchange()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
    }

    private static String firstCode(Map<?, ?> response) {
        List<?> errors = (List<?>) response.get("errors");
        assertThat(errors).as("errors in " + response).isNotEmpty();
        return (String) ((Map<?, ?>) ((Map<?, ?>) errors.getFirst()).get("extensions")).get("code");
    }

    @Test
    void syntaxErrorsHaveACode() {
        assertThat(firstCode(post("{ categories { code "))).isEqualTo("GRAPHQL_PARSE_FAILED");
    }

    @Test
    void unknownFieldsHaveACode() {
        assertThat(firstCode(post("{ categories { noSuchField } }"))).isEqualTo("GRAPHQL_VALIDATION_FAILED");
    }

    @Test
    void tooDeepQueriesAreRefused() {
        String deep = "{ kecamatanList { kelurahan { kecamatan { kelurahan { kecamatan { kelurahan { kecamatan { kelurahan "
                + "{ kecamatan { kelurahan { kecamatan { kelurahan { kecamatan { code } } } } } } } } } } } } } }";
        Map<?, ?> response = post(deep);
        assertThat(response.get("data")).isNull();
        assertThat(firstCode(response)).isEqualTo("QUERY_TOO_COMPLEX");
    }

    @Test
    void tooComplexQueriesAreRefused() {
        StringBuilder wide = new StringBuilder("{");
        for (int i = 0; i < 120; i++) {
            wide.append(" a").append(i).append(": categories { code nameId nameEn }");
        }
        Map<?, ?> response = post(wide.append(" }").toString());
        assertThat(response.get("data")).isNull();
        assertThat(firstCode(response)).isEqualTo("QUERY_TOO_COMPLEX");
    }

    @Test
    void anOrdinaryQueryWorksAndIsServedAgainFromTheDocumentCache() {
        for (int i = 0; i < 2; i++) {
            Map<?, ?> response = post("{ categories { code } }");
            assertThat(response.get("errors")).isNull();
            assertThat((List<?>) ((Map<?, ?>) response.get("data")).get("categories")).hasSize(23);
        }
    }

    @Test
    void errorsCarryNoStackTrace() {
        Map<?, ?> response = post("{ complaint(id: \"nope\") { id } }");
        assertThat(response.toString()).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(firstCode(response)).isIn("UNAUTHENTICATED", "INVALID_INPUT");
    }
}
