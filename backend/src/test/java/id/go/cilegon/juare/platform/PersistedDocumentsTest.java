package id.go.cilegon.juare.platform;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.cilegon.juare.graphql.OperationDocuments;
import id.go.cilegon.juare.support.IntegrationTest;
import id.go.cilegon.juare.support.RawGraphQlWs;
import id.go.cilegon.juare.support.TestData;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * Persisted documents on the real endpoint (docs/adr/0029): Apollo's automatic persisted queries over HTTP and
 * graphql-ws (miss, register, hash only), a text that does not match its hash, GraphQL over HTTP's documentId for
 * one of the dashboard's documents. Trusted mode: PersistedDocumentsModeTest (component level).
 */
class PersistedDocumentsTest extends IntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** What Apollo Client 4's HttpLink sends as Accept. */
    private static final String APOLLO_ACCEPT = "application/graphql-response+json,application/json;q=0.9";

    static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** A document no other test sent: the comment changes its hash, not its meaning. */
    private static String newDocument() {
        return "query Categories { categories { code nameId } } # " + UUID.randomUUID() + "\n";
    }

    private static Map<String, Object> apq(String hash) {
        return Map.of("persistedQuery", Map.of("version", 1, "sha256Hash", hash));
    }

    private record Answer(int status, Map<?, ?> body) {
        Map<?, ?> firstError() {
            List<?> errors = (List<?>) body.get("errors");
            assertThat(errors).as("errors in " + body).isNotEmpty();
            return (Map<?, ?>) errors.getFirst();
        }

        String code() {
            return (String) ((Map<?, ?>) firstError().get("extensions")).get("code");
        }

        List<?> categories() {
            assertThat(body.get("errors")).as("errors in " + body).isNull();
            return (List<?>) ((Map<?, ?>) body.get("data")).get("categories");
        }
    }

    private Answer post(Map<String, Object> body) {
        var result = api().http().post().uri("/graphql")
                .header("Content-Type", "application/json")
                .header("Accept", APOLLO_ACCEPT)
                .bodyValue(body)
                .exchange()
                .expectBody(Map.class)
                .returnResult();
        return new Answer(result.getStatus().value(), result.getResponseBody());
    }

    @Test
    void apqMissThenRegisterThenHashOnlyOverHttp() throws Exception {
        String document = newDocument();
        String hash = sha256(document);

        Answer miss = post(Map.of("operationName", "Categories", "extensions", apq(hash)));
        assertThat(miss.status()).as("Apollo's link retries only on a 200").isEqualTo(200);
        assertThat(miss.code()).isEqualTo("PERSISTED_QUERY_NOT_FOUND");
        assertThat(miss.firstError().get("message")).isEqualTo("PersistedQueryNotFound");
        assertThat(miss.body().get("data")).isNull();

        Answer registered = post(Map.of("query", document, "operationName", "Categories", "extensions", apq(hash)));
        assertThat(registered.status()).isEqualTo(200);
        assertThat(registered.categories()).isNotEmpty();

        Answer hit = post(Map.of("operationName", "Categories", "extensions", apq(hash)));
        assertThat(hit.status()).isEqualTo(200);
        assertThat(hit.categories()).isEqualTo(registered.categories());
    }

    @Test
    void aTextThatIsNotItsHashIsRefusedAndNotStored() throws Exception {
        String document = newDocument();
        String otherHash = sha256(newDocument());

        Answer wrong = post(Map.of("query", document, "extensions", apq(otherHash)));
        assertThat(wrong.code()).isEqualTo("PERSISTED_QUERY_ID_INVALID");
        assertThat(wrong.body().get("data")).isNull();

        assertThat(post(Map.of("extensions", apq(otherHash))).code()).isEqualTo("PERSISTED_QUERY_NOT_FOUND");
    }

    @Test
    void malformedPersistedQueryExtensionsAreRefusedWithACode() {
        assertThat(post(Map.of("extensions", Map.of("persistedQuery", "abc"))).code()).isEqualTo("PERSISTED_QUERY_ID_INVALID");
        assertThat(post(Map.of("extensions", apq("not-a-hash"))).code()).isEqualTo("PERSISTED_QUERY_ID_INVALID");
        assertThat(post(Map.of("documentId", "sha1:0123"))).extracting(Answer::code).isEqualTo("PERSISTED_QUERY_ID_INVALID");
    }

    @Test
    void documentIdRunsADashboardDocument() throws Exception {
        String reference = OperationDocuments.load("ReferenceData");
        Answer answer = post(Map.of("documentId", "sha256:" + sha256(reference), "operationName", "ReferenceData"));
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.categories()).isNotEmpty();

        String locate = OperationDocuments.load("Locate");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("documentId", "sha256:" + sha256(locate));
        body.put("variables", Map.of("location", Map.of("lat", TestData.CILEGON_LAT, "lng", TestData.CILEGON_LNG)));
        Answer withVariables = post(body);
        assertThat(withVariables.body().get("errors")).as("errors in " + withVariables.body()).isNull();
        assertThat(withVariables.body().get("data").toString()).contains("locate=");
    }

    @Test
    void anUnknownDocumentIdIsAGraphQlError() throws Exception {
        Answer answer = post(Map.of("documentId", "sha256:" + sha256(newDocument())));
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.code()).isEqualTo("PERSISTED_QUERY_NOT_FOUND");
    }

    private Answer get(Map<String, String> parameters) {
        StringBuilder query = new StringBuilder();
        parameters.forEach((name, value) -> query.append(query.isEmpty() ? "" : "&").append(name).append('=')
                .append(java.net.URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20")));
        var result = api().http().get().uri(java.net.URI.create("http://localhost:" + port + "/graphql?" + query))
                .header("Accept", APOLLO_ACCEPT)
                .exchange()
                .expectBody(Map.class)
                .returnResult();
        return new Answer(result.getStatus().value(), result.getResponseBody());
    }

    @Test
    void hashedQueriesOverHttpGetAsApolloKotlinSendsThem() throws Exception {
        String document = newDocument();
        String hash = sha256(document);
        String extensions = JSON.writeValueAsString(apq(hash));

        Answer miss = get(Map.of("operationName", "Categories", "extensions", extensions));
        assertThat(miss.status()).isEqualTo(200);
        assertThat(miss.code()).isEqualTo("PERSISTED_QUERY_NOT_FOUND");

        assertThat(post(Map.of("query", document, "extensions", apq(hash))).categories()).isNotEmpty();
        Answer hit = get(Map.of("operationName", "Categories", "extensions", extensions, "variables", "{}"));
        assertThat(hit.status()).isEqualTo(200);
        assertThat(hit.categories()).isNotEmpty();

        assertThat(get(Map.of("query", "{ categories { code } }")).categories()).isNotEmpty();
        String reference = OperationDocuments.load("ReferenceData");
        assertThat(get(Map.of("documentId", "sha256:" + sha256(reference))).categories()).isNotEmpty();
    }

    @Test
    void overHttpGetOnlyAQueryRuns() throws Exception {
        String login = OperationDocuments.load("Login");
        Answer mutation = get(Map.of("documentId", "sha256:" + sha256(login),
                "variables", "{\"input\": {\"username\": \"nobody\", \"password\": \"x\"}}"));
        assertThat(mutation.status()).isEqualTo(405);
        assertThat(mutation.code()).isEqualTo("METHOD_NOT_ALLOWED");
        assertThat(mutation.body().get("data")).isNull();

        assertThat(get(Map.of("query", "{ categories { code } }", "variables", "[1]")).code()).isEqualTo("INVALID_REQUEST");
        // without a document GET is still Boot's 405
        api().http().get().uri("/graphql").exchange().expectStatus().isEqualTo(405);
    }

    /** The guide's example (docs/examples/persisted-queries.sh, curl and jq) runs against the real backend. */
    @Test
    void theGuidesPersistedQueriesScriptRuns() throws Exception {
        java.nio.file.Path output = java.nio.file.Files.createTempFile("persisted-queries", ".log");
        ProcessBuilder builder = new ProcessBuilder("bash", java.nio.file.Path.of("..", "docs", "examples",
                "persisted-queries.sh").toString())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile());
        builder.environment().put("JUARE_API", "http://localhost:" + port);
        Process script = builder.start();
        boolean ended = script.waitFor(60, TimeUnit.SECONDS);
        String log = java.nio.file.Files.readString(output);
        assertThat(ended).as(log).isTrue();
        assertThat(script.exitValue()).as(log).isZero();
        assertThat(log).contains("== 6.").contains("Done: persisted queries");
    }

    @Test
    void apqAndDocumentIdOverGraphQlWs() throws Exception {
        String document = newDocument();
        String hash = sha256(document);
        try (RawGraphQlWs ws = new RawGraphQlWs(port).acknowledged(null)) {

            ws.send(Map.of("id", "1", "type", "subscribe", "payload", Map.of("extensions", apq(hash))));
            Map<String, Object> miss = ws.next(WS_WAIT);
            System.out.println("APQ over graphql-ws, a miss: " + JSON.writeValueAsString(miss));
            assertThat(JSON.writeValueAsString(miss)).contains("PERSISTED_QUERY_NOT_FOUND");
            // a result (next, then complete), not a graphql-ws error: Apollo's link resends only on a result's errors
            assertThat(miss.get("type")).isEqualTo("next");
            drainFor(ws, "1");

            ws.send(Map.of("id", "2", "type", "subscribe", "payload", Map.of("query", document, "extensions", apq(hash))));
            assertThat(dataOf(ws, "2")).containsKey("categories");

            ws.send(Map.of("id", "3", "type", "subscribe", "payload", Map.of("extensions", apq(hash))));
            assertThat(dataOf(ws, "3")).containsKey("categories");

            String reference = OperationDocuments.load("ReferenceData");
            ws.send(Map.of("id", "4", "type", "subscribe", "payload", Map.of("documentId", "sha256:" + sha256(reference))));
            assertThat(dataOf(ws, "4")).containsKeys("categories", "opds", "kecamatanList");
        }
    }

    private static final Duration WS_WAIT = Duration.ofSeconds(15);

    /** The data of operation id's first message, then its complete. */
    private static Map<String, Object> dataOf(RawGraphQlWs ws, String id) throws InterruptedException {
        Map<String, Object> message = ws.next(WS_WAIT);
        assertThat(message.get("id")).isEqualTo(id);
        assertThat(message.get("type")).as(String.valueOf(message)).isEqualTo("next");
        Map<?, ?> payload = (Map<?, ?>) message.get("payload");
        assertThat(payload.get("errors")).as(String.valueOf(message)).isNull();
        drainFor(ws, id);
        @SuppressWarnings("unchecked")
        Map<String, Object> data = (Map<String, Object>) payload.get("data");
        return data;
    }

    /** Reads up to operation id's complete, if the server sends one after what was read. */
    private static void drainFor(RawGraphQlWs ws, String id) throws InterruptedException {
        Map<String, Object> message = ws.poll(Duration.ofSeconds(2));
        if (message != null && !("complete".equals(message.get("type")) && id.equals(message.get("id")))) {
            throw new AssertionError("expected complete for " + id + ", got " + message);
        }
    }
}
