package id.go.cilegon.juare.platform;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.cilegon.juare.support.Api;
import id.go.cilegon.juare.support.IntegrationTest;
import id.go.cilegon.juare.support.RawGraphQlWs;
import id.go.cilegon.juare.support.StaleTokens;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Issue 14, part D (docs/adr/0030), over the real HTTP and WebSocket endpoint: a stale token does not block what needs
 * none; every HTTP error is GraphQL-shaped with a code; graphql-ws refusals are one error message; close codes.
 */
class ApiErrorsTest extends IntegrationTest {

    private static final String FORGED = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl";
    private static final Duration WAIT = Duration.ofSeconds(10);

    @Autowired
    JwtEncoder encoder;

    /** A token of this resident, correctly signed, that expired a minute ago. */
    private String expiredToken(String residentId) {
        return StaleTokens.expired(encoder, residentId);
    }

    private WebTestClient.ResponseSpec post(String token, Object body) {
        return api().http().post().uri("/graphql")
                .header("Authorization", "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange();
    }

    // ---- 1. stale tokens

    @Test
    void aPublicQueryAnswersWhateverStaleTokenIsAttached() {
        Api.Resident resident = api().newResident();
        for (String token : List.of(expiredToken(resident.id()), FORGED, "not-even-a-jwt")) {
            post(token, Map.of("query", "{ categories { code } }"))
                    .expectStatus().isOk()
                    .expectBody().jsonPath("$.errors").doesNotExist()
                    .jsonPath("$.data.categories[0].code").isNotEmpty();
        }
    }

    @Test
    void refreshSessionWorksWithTheExpiredTokenStillAttached() {
        Api.Resident resident = api().newResident();
        post(expiredToken(resident.id()), Map.of("query", """
                        mutation($input: RefreshSessionInput!) { refreshSession(input: $input) {
                            session { accessToken } errors { code } } }""",
                "variables", Map.of("input", Map.of("refreshToken", resident.refreshToken()))))
                .expectStatus().isOk()
                .expectBody().jsonPath("$.errors").doesNotExist()
                .jsonPath("$.data.refreshSession.errors").isEmpty()
                .jsonPath("$.data.refreshSession.session.accessToken").isNotEmpty();
    }

    @Test
    void anOperationThatNeedsACallerSaysWhyTheTokenWasNotTaken() {
        Api.Resident resident = api().newResident();
        post(expiredToken(resident.id()), Map.of("query", "{ me { id } }"))
                .expectStatus().isOk()
                .expectBody().jsonPath("$.errors[0].extensions.code").isEqualTo("UNAUTHENTICATED")
                .jsonPath("$.errors[0].extensions.reason").isEqualTo("TOKEN_EXPIRED");
        post(FORGED, Map.of("query", "{ me { id } }"))
                .expectStatus().isOk()
                .expectBody().jsonPath("$.errors[0].extensions.code").isEqualTo("UNAUTHENTICATED")
                .jsonPath("$.errors[0].extensions.reason").isEqualTo("TOKEN_INVALID");
        // no token: nothing to refresh, no reason
        api().http().post().uri("/graphql").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("query", "{ me { id } }")).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.errors[0].extensions.code").isEqualTo("UNAUTHENTICATED")
                .jsonPath("$.errors[0].extensions.reason").doesNotExist();
        // the valid token of the same resident still works
        post(resident.token(), Map.of("query", "{ me { id } }"))
                .expectStatus().isOk()
                .expectBody().jsonPath("$.data.me.id").isEqualTo(resident.id());
    }

    @Test
    void theFileEndpointsStillRequireAValidTokenAndAnswerGraphQlShaped() {
        Api.Resident resident = api().newResident();
        String photo = api().uploadedPhotoId(resident.token(), id.go.cilegon.juare.support.Images.jpeg(64, 48));
        api().http().get().uri("/api/photos/" + photo).header("Authorization", "Bearer " + expiredToken(resident.id()))
                .exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectBody().jsonPath("$.errors[0].extensions.code").isEqualTo("UNAUTHENTICATED")
                .jsonPath("$.errors[0].extensions.reason").isEqualTo("TOKEN_EXPIRED")
                .jsonPath("$.errors[0].message").isNotEmpty();
        api().http().get().uri("/api/reports/2026-01-01.pdf").exchange()
                .expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.errors[0].extensions.code").isEqualTo("UNAUTHENTICATED")
                .jsonPath("$.errors[0].extensions.reason").doesNotExist();
    }

    // ---- 2. every HTTP error GraphQL-shaped

    @Test
    void httpRefusalsAreGraphQlShapedInTheTypeTheClientAccepts() {
        // 415 from our filter, as application/graphql-response+json when the client asks for it
        api().http().post().uri("/graphql").contentType(MediaType.TEXT_PLAIN)
                .header("Accept", "application/graphql-response+json, application/json;q=0.9")
                .bodyValue("{ categories { code } }").exchange()
                .expectStatus().isEqualTo(415)
                .expectHeader().contentTypeCompatibleWith(HttpErrors.GRAPHQL_RESPONSE)
                .expectBody().jsonPath("$.errors[0].extensions.code").isEqualTo("INVALID_REQUEST");
        // Spring's own 400 for a body that is not a GraphQL request, as application/json by default
        api().http().post().uri("/graphql").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"query\": ").exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectBody().jsonPath("$.errors[0].extensions.code").isEqualTo("INVALID_REQUEST");
        // an unknown API path
        api().http().get().uri("/api/nothing-here").exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.errors[0].extensions.code").isEqualTo("NOT_FOUND");
        // the photo endpoint's own refusals
        Api.Resident resident = api().newResident();
        api().http().get().uri("/api/photos/" + UUID.randomUUID()).header("Authorization", "Bearer " + resident.token())
                .exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.errors[0].extensions.code").isEqualTo("NOT_FOUND")
                .jsonPath("$.error").doesNotExist();
    }

    // ---- 3. graphql-ws

    @Test
    void anExpiredTokenInConnectionInitMakesTheConnectionNobodys() throws Exception {
        Api.Resident resident = api().newResident();
        try (RawGraphQlWs ws = acknowledged(Map.of("Authorization", "Bearer " + expiredToken(resident.id())))) {
            ws.subscribe("public", "{ categories { code } }");
            assertThat(ws.untilDone("public", WAIT)).extracting(m -> m.get("type")).containsExactly("next", "complete");
            ws.subscribe("me", "{ me { id } }");
            List<Map<String, Object>> me = ws.untilDone("me", WAIT);
            // a field error is an execution result: next
            assertThat(me).extracting(m -> m.get("type")).containsExactly("next", "complete");
            assertThat(firstError(me.getFirst())).containsEntry("code", "UNAUTHENTICATED").containsEntry("reason", "TOKEN_EXPIRED");
            ws.subscribe("events", "subscription { myComplaintEvents { id } }");
            List<Map<String, Object>> events = ws.untilDone("events", WAIT);
            assertThat(events).extracting(m -> m.get("type")).containsExactly("error");
            assertThat(errorsOfErrorMessage(events.getFirst()).getFirst()).extracting("extensions").asInstanceOf(
                    org.assertj.core.api.InstanceOfAssertFactories.MAP)
                    .containsEntry("code", "UNAUTHENTICATED").containsEntry("reason", "TOKEN_EXPIRED");
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void refusalsBeforeExecutionAreOneErrorMessage() throws Exception {
        try (RawGraphQlWs ws = acknowledged(null)) {
            Map<String, String> expected = Map.of(
                    "{ noSuchField }", "GRAPHQL_VALIDATION_FAILED",
                    "{ categories { code }", "GRAPHQL_PARSE_FAILED",
                    "subscription { noSuchStream }", "GRAPHQL_VALIDATION_FAILED",
                    "query($x: String) { categories { code } }", "INVALID_INPUT");
            int n = 0;
            for (Map.Entry<String, String> entry : expected.entrySet()) {
                String id = "op" + (n++);
                // the variable carries a character no person types (RequestHygiene)
                ws.send(Map.of("id", id, "type", "subscribe", "payload", entry.getKey().contains("$x")
                        ? Map.of("query", entry.getKey(), "variables", Map.of("x", "a\u0000b"))
                        : Map.of("query", entry.getKey())));
                List<Map<String, Object>> messages = ws.untilDone(id, WAIT);
                assertThat(messages).as(entry.getKey() + " " + ws.seen()).extracting(m -> m.get("type")).containsExactly("error");
                assertThat(errorsOfErrorMessage(messages.getFirst())).as(entry.getKey()).allSatisfy(error ->
                        assertThat((Map<Object, Object>) error.get("extensions")).containsEntry("code", entry.getValue()));
            }
        }
    }

    @Test
    void aPongIsTaken() throws Exception {
        // a pong (the answer to a ping, or a one-way heartbeat) is fine
        try (RawGraphQlWs ws = new RawGraphQlWs(port)) {
            ws.init(null);
            ws.awaitMatching(m -> "connection_ack".equals(m.get("type")), 1, WAIT);
            ws.send(Map.of("type", "pong"));
            ws.send(Map.of("type", "ping"));
            assertThat(ws.awaitMatching(m -> "pong".equals(m.get("type")), 1, WAIT)).as(ws.seen() + " " + ws.closeCodeNow()).hasSize(1);
            ws.subscribe("after-pong", "{ categories { code } }");
            assertThat(ws.untilDone("after-pong", WAIT)).extracting(m -> m.get("type")).containsExactly("next", "complete");
        }
    }

    @Test
    void closeCodesFollowTheProtocol() throws Exception {
        // 4400: a message of a type or format the protocol does not specify
        for (String invalid : List.of("{\"type\":\"hello\"}", "not json", "[1]",
                "{\"type\":\"subscribe\",\"payload\":{\"query\":\"{ categories { code } }\"}}")) {
            try (RawGraphQlWs ws = new RawGraphQlWs(port)) {
                ws.init(null);
                ws.awaitMatching(m -> "connection_ack".equals(m.get("type")), 1, WAIT);
                ws.sendText(invalid);
                assertThat(ws.closeCode(WAIT)).as(invalid).isEqualTo(4400);
            }
        }
        // 4401: subscribe before the connection was acknowledged
        try (RawGraphQlWs ws = new RawGraphQlWs(port)) {
            ws.subscribe("early", "{ categories { code } }");
            assertThat(ws.closeCode(WAIT)).isEqualTo(4401);
        }
        // 4429: a second connection_init
        try (RawGraphQlWs ws = new RawGraphQlWs(port)) {
            ws.init(null);
            ws.awaitMatching(m -> "connection_ack".equals(m.get("type")), 1, WAIT);
            ws.init(null);
            assertThat(ws.closeCode(WAIT)).isEqualTo(4429);
        }
        // 4409: a second subscribe with the id of one still running
        Api.Resident resident = api().newResident();
        try (RawGraphQlWs ws = new RawGraphQlWs(port)) {
            ws.init(Map.of("Authorization", "Bearer " + resident.token()));
            ws.awaitMatching(m -> "connection_ack".equals(m.get("type")), 1, WAIT);
            ws.subscribe("same", "subscription { myComplaintEvents { id } }");
            ws.subscribe("same", "subscription { myComplaintEvents { id } }");
            assertThat(ws.closeCode(WAIT)).isEqualTo(4409);
        }
    }

    /** A connection whose connection_init was acknowledged (sent at once: issue 15 made that safe). */
    private RawGraphQlWs acknowledged(Map<String, Object> payload) throws InterruptedException {
        RawGraphQlWs ws = new RawGraphQlWs(port);
        ws.init(payload);
        assertThat(ws.awaitMatching(m -> "connection_ack".equals(m.get("type")), 1, WAIT)).as("connection_ack").hasSize(1);
        return ws;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> firstError(Map<String, Object> next) {
        Map<String, Object> payload = (Map<String, Object>) next.get("payload");
        return (Map<String, Object>) ((List<Map<String, Object>>) payload.get("errors")).getFirst().get("extensions");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> errorsOfErrorMessage(Map<String, Object> error) {
        return (List<Map<String, Object>>) error.get("payload");
    }
}
