package id.go.cilegon.juare.auth.internal;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.cilegon.juare.support.Api;
import id.go.cilegon.juare.support.IntegrationTest;
import id.go.cilegon.juare.support.Staff;
import id.go.cilegon.juare.support.StaleTokens;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.web.server.authentication.ServerBearerTokenAuthenticationConverter;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * ADR 0048: POST /graphql authenticated by GraphQlBearerAuthentication answers exactly as Spring Security's main chain
 * did — the same status, headers and body for every kind of token an app may send — and the chain no longer takes
 * those requests (it still takes everything else).
 */
class GraphQlBearerAuthenticationTest extends IntegrationTest {

    private static final String FORGED = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl";

    @Autowired GraphQlBearerAuthentication.Switch lean;
    @Autowired SecurityWebFilterChain securityWebFilterChain;
    @Autowired JwtEncoder encoder;

    @AfterEach
    void leanAgain() {
        lean.enabled = true;
    }

    @Test
    void everyKindOfTokenIsAnsweredAsTheSecurityChainAnsweredIt() {
        Api.Resident resident = api().newResident();
        Staff staff = new Staff(api());
        Staff.Member disabled = staff.create("OPERATOR", null);
        api().as(staff.adminToken()).document("""
                        mutation($input: UpdateStaffAccountInput!) { updateStaffAccount(input: $input) { account { active } } }""")
                .variable("input", Map.of("id", disabled.id(), "active", false))
                .execute().path("updateStaffAccount.account.active").entity(Boolean.class).isEqualTo(false);

        Map<String, String> authorizations = new LinkedHashMap<>();
        authorizations.put("none", null);
        authorizations.put("valid", "Bearer " + resident.token());
        authorizations.put("valid, scheme in lower case", "bearer " + resident.token());
        authorizations.put("expired", "Bearer " + expiredToken(resident.id()));
        authorizations.put("forged", "Bearer " + FORGED);
        authorizations.put("not a JWT", "Bearer not-even-a-jwt");
        authorizations.put("malformed", "Bearer two words");
        authorizations.put("empty", "Bearer ");
        authorizations.put("another scheme", "Basic YWRtaW46YWRtaW4=");
        authorizations.put("disabled account", "Bearer " + disabled.token());

        List<Consumer<WebTestClient.RequestHeadersSpec<?>>> variations = List.of(
                request -> { },
                request -> request.header("X-Forwarded-Proto", "https"),
                request -> request.header(HttpHeaders.ORIGIN, "https://elsewhere.example"));
        String query = "{ me { name } myStaffAccount { username } categories { code } }";
        for (Map.Entry<String, String> authorization : authorizations.entrySet()) {
            for (Consumer<WebTestClient.RequestHeadersSpec<?>> variation : variations) {
                lean.enabled = false;
                Answer chain = post(authorization.getValue(), query, variation);
                lean.enabled = true;
                Answer filter = post(authorization.getValue(), query, variation);
                assertThat(filter).as(authorization.getKey()).isEqualTo(chain);
            }
        }
        // and the answers are the ones each case calls for (so the comparison above compares something)
        assertThat(post("Bearer " + resident.token(), "{ me { name } }", r -> { }).body()).contains("\"name\"").doesNotContain("errors");
        assertThat(post("Bearer " + expiredToken(resident.id()), "{ me { name } }", r -> { }).body()).contains("TOKEN_EXPIRED");
        assertThat(post("Bearer two words", "{ me { name } }", r -> { }).body()).contains("TOKEN_INVALID");
        assertThat(post("Bearer " + disabled.token(), "{ myStaffAccount { username } }", r -> { }).body()).contains("TOKEN_REVOKED");
        assertThat(post(null, "{ me { name } }", r -> { }).headers()).containsEntry("X-Content-Type-Options", List.of("nosniff"))
                .containsKey("Cache-Control");
    }

    @Test
    void theMainChainLeavesTheApiToTheFilterAndKeepsEverythingElse() {
        assertThat(matches(MockServerHttpRequest.post("/graphql").build())).isFalse();
        assertThat(matches(MockServerHttpRequest.get("/graphql").build())).isTrue(); // the WebSocket upgrade
        assertThat(matches(MockServerHttpRequest.post("/graphql/x").build())).isTrue();
        assertThat(matches(MockServerHttpRequest.get("/api/reports/daily.pdf").build())).isTrue();
        assertThat(matches(MockServerHttpRequest.post("/api/photos").build())).isTrue();
        lean.enabled = false;
        assertThat(matches(MockServerHttpRequest.post("/graphql").build())).isTrue();
    }

    /** The token Spring's ServerBearerTokenAuthenticationConverter would take from a header, refuse, or not see. */
    @Test
    void theHeaderIsReadAsSpringsConverterReadsIt() {
        List<String> headers = new ArrayList<>(List.of("", "Bearer", "Bearer ", "bearer", "BEARER abc", "bEaReR abc",
                "Bearer abc", "Bearer  abc", "Bearer abc ", "Bearer\tabc", "Bearer abc\n", "Bearerabc", "Bearer a b",
                "Bearer abc==", "Bearer ==", "Bearer =abc", "Bearer ab=c", "Bearer a-._~+/Z09=", "Bearer ä", "Basic abc",
                "Token abc", "Bearer " + FORGED, "Bearer abc,Bearer def", "Bearer \u0000"));
        Random random = new Random(48);
        String alphabet = "Bb eEaArR=-._~+/\t\näzZ09,";
        for (int i = 0; i < 20_000; i++) {
            StringBuilder header = new StringBuilder(random.nextInt(3) == 0 ? "" : random.nextBoolean() ? "Bearer " : "bearer");
            for (int n = random.nextInt(8); n > 0; n--) {
                header.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            headers.add(header.toString());
        }
        ServerBearerTokenAuthenticationConverter spring = new ServerBearerTokenAuthenticationConverter();
        for (String header : headers) {
            MockServerWebExchange exchange = MockServerWebExchange.from(
                    MockServerHttpRequest.post("/graphql").header(HttpHeaders.AUTHORIZATION, header));
            String expected;
            try {
                Authentication token = spring.convert(exchange).block();
                expected = token == null ? null : ((BearerTokenAuthenticationToken) token).getToken();
            } catch (RuntimeException refused) {
                expected = "refused";
            }
            String ours;
            try {
                ours = GraphQlBearerAuthentication.bearerToken(header);
            } catch (RuntimeException refused) {
                ours = "refused";
            }
            assertThat(ours).as("[%s]", header).isEqualTo(expected);
        }
    }

    private boolean matches(MockServerHttpRequest request) {
        return Boolean.TRUE.equals(securityWebFilterChain.matches(MockServerWebExchange.from(request)).block());
    }

    record Answer(int status, Map<String, List<String>> headers, String body) {
    }

    private Answer post(String authorization, String query, Consumer<WebTestClient.RequestHeadersSpec<?>> variation) {
        WebTestClient.RequestHeadersSpec<?> request = api().http().post().uri("/graphql")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("query", query));
        if (authorization != null) {
            request.header(HttpHeaders.AUTHORIZATION, authorization);
        }
        variation.accept(request);
        EntityExchangeResult<String> result = request.exchange().expectBody(String.class).returnResult();
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        result.getResponseHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase(HttpHeaders.DATE) && !name.equalsIgnoreCase(HttpHeaders.CONTENT_LENGTH)) {
                headers.put(name, values);
            }
        });
        return new Answer(result.getStatus().value(), headers, result.getResponseBody());
    }

    /** A token of this resident, correctly signed, that expired a minute ago. */
    private String expiredToken(String residentId) {
        return StaleTokens.expired(encoder, residentId);
    }
}
