package id.go.cilegon.juare.platform;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.cilegon.juare.support.IntegrationTest;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.client.SubscriptionErrorException;
import org.springframework.graphql.client.WebSocketGraphQlClientInterceptor;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.WebSocketGraphQlTester;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.socket.client.ReactorNettyWebSocketClient;
import reactor.core.publisher.Mono;

/**
 * Every message the API sends is in the caller's language, one at a time (docs/adr/0031): a payload error, a
 * GraphQL error (UNAUTHENTICATED, a limit refusal) and an HTTP endpoint's error, in English and in Bahasa
 * Indonesia, over HTTP (Accept-Language) and over graphql-ws (the connection_init payload, else the upgrade
 * request's Accept-Language).
 */
class CallerLanguageTest extends IntegrationTest {

    /** A payload error: a NIK that is not a Cilegon one, refused before anything runs. */
    private static final String BAD_NIK = """
            mutation { requestOtp(input: {nik: "123", phone: "081234567890"}) { errors { code message field } } }""";
    /** A GraphQL error: a resident's list without a token. */
    private static final String SIGNED_OUT = "{ myComplaints(first: 1) { edges { cursor } } }";
    /** A limit refusal: two sign-in mutations in one document, refused before either runs. */
    private static final String TWO_SIGN_INS = """
            mutation {
              a: requestOtp(input: {nik: "1", phone: "1"}) { errors { code } }
              b: requestOtp(input: {nik: "1", phone: "1"}) { errors { code } }
            }""";

    private static final String NIK_ID = "NIK harus 16 angka dari KTP Kota Cilegon (3672…)";
    private static final String NIK_EN = "NIK must be the 16 digits of a Cilegon ID card";

    @Test
    void overHttpAcceptLanguageChoosesOneLanguageIndonesianByDefault() {
        assertThat(payloadMessage(http("en"))).isEqualTo(NIK_EN);
        assertThat(payloadMessage(http("en-GB,en;q=0.9,id;q=0.8"))).isEqualTo(NIK_EN);
        assertThat(payloadMessage(http("id"))).isEqualTo(NIK_ID);
        assertThat(payloadMessage(http(null))).isEqualTo(NIK_ID);
        assertThat(payloadMessage(http("fr"))).isEqualTo(NIK_ID);

        assertThat(error(http("en"), SIGNED_OUT, "UNAUTHENTICATED")).isEqualTo("Please sign in");
        assertThat(error(http("id"), SIGNED_OUT, "UNAUTHENTICATED")).isEqualTo("Silakan masuk terlebih dahulu");
        assertThat(error(http("en"), TWO_SIGN_INS, "ONE_SIGN_IN_PER_REQUEST"))
                .isEqualTo("One login, requestOtp or verifyOtp per request");
        assertThat(error(http(null), TWO_SIGN_INS, "ONE_SIGN_IN_PER_REQUEST"))
                .isEqualTo("Satu permintaan hanya boleh berisi satu login, requestOtp atau verifyOtp");
    }

    @Test
    void thePhotoEndpointsRefusalIsInTheCallersLanguage() {
        String token = api().newResident().token();
        assertThat(photoRefusal(token, "en")).isEqualTo("The photo must be an intact JPEG or PNG file");
        assertThat(photoRefusal(token, "id")).isEqualTo("Foto harus berupa file JPEG atau PNG yang utuh");
        assertThat(photoRefusal(token, null)).isEqualTo("Foto harus berupa file JPEG atau PNG yang utuh");
        // the 401 of a token that is no longer valid, before the endpoint
        assertThat(photoRefusal("not.a.token", "en")).isEqualTo("Please sign in again");
        assertThat(photoRefusal("not.a.token", "id")).isEqualTo("Silakan masuk lagi");
    }

    @Test
    void overWebSocketTheConnectionPayloadChoosesForEveryOperation() {
        WebSocketGraphQlTester english = webSocket(Map.of("language", "en"), null);
        try {
            assertThat(payloadMessage(english)).isEqualTo(NIK_EN);
            assertThat(error(english, SIGNED_OUT, "UNAUTHENTICATED")).isEqualTo("Please sign in");
            assertThat(error(english, TWO_SIGN_INS, "ONE_SIGN_IN_PER_REQUEST"))
                    .isEqualTo("One login, requestOtp or verifyOtp per request");
            // a subscription's stream that fails: the graphql-ws error message, through the subscription resolver
            assertThat(subscriptionError(english)).isEqualTo("Please sign in");
        } finally {
            english.stop().block(Duration.ofSeconds(5));
        }
        WebSocketGraphQlTester header = webSocket(Map.of("Accept-Language", "en-GB,en;q=0.9"), null);
        try {
            assertThat(payloadMessage(header)).isEqualTo(NIK_EN);
        } finally {
            header.stop().block(Duration.ofSeconds(5));
        }
        // the payload wins over the upgrade request's header
        WebSocketGraphQlTester indonesian = webSocket(Map.of("language", "id"), "en");
        try {
            assertThat(payloadMessage(indonesian)).isEqualTo(NIK_ID);
            assertThat(error(indonesian, SIGNED_OUT, "UNAUTHENTICATED")).isEqualTo("Silakan masuk terlebih dahulu");
            assertThat(subscriptionError(indonesian)).isEqualTo("Silakan masuk terlebih dahulu");
        } finally {
            indonesian.stop().block(Duration.ofSeconds(5));
        }
    }

    @Test
    void overWebSocketWithoutALanguageTheUpgradeHeaderElseIndonesian() {
        WebSocketGraphQlTester upgrade = webSocket(Map.of(), "en");
        try {
            assertThat(payloadMessage(upgrade)).isEqualTo(NIK_EN);
        } finally {
            upgrade.stop().block(Duration.ofSeconds(5));
        }
        WebSocketGraphQlTester none = webSocket(Map.of(), null);
        try {
            assertThat(payloadMessage(none)).isEqualTo(NIK_ID);
            assertThat(error(none, TWO_SIGN_INS, "ONE_SIGN_IN_PER_REQUEST"))
                    .isEqualTo("Satu permintaan hanya boleh berisi satu login, requestOtp atau verifyOtp");
        } finally {
            none.stop().block(Duration.ofSeconds(5));
        }
    }

    private GraphQlTester http(String acceptLanguage) {
        return acceptLanguage == null ? api().anonymous()
                : api().anonymous().mutate().header(HttpHeaders.ACCEPT_LANGUAGE, acceptLanguage).build();
    }

    private static String payloadMessage(GraphQlTester tester) {
        GraphQlTester.Response response = tester.document(BAD_NIK).execute();
        response.path("requestOtp.errors[0].code").entity(String.class).isEqualTo("INVALID_NIK");
        return response.path("requestOtp.errors[0].message").entity(String.class).get();
    }

    private static String error(GraphQlTester tester, String document, String code) {
        String[] message = new String[1];
        tester.document(document).execute().errors().satisfy(errors -> {
            assertThat(errors).hasSize(1);
            ResponseError error = errors.getFirst();
            assertThat(error.getExtensions()).containsEntry("code", code);
            message[0] = error.getMessage();
        });
        return message[0];
    }

    /** complaintEvents without a token: the stream ends with UNAUTHENTICATED (graphql-ws "error"). */
    private static String subscriptionError(WebSocketGraphQlTester tester) {
        Throwable failure = tester.document("subscription { complaintEvents { id } }").executeSubscription()
                .toFlux().then().timeout(Duration.ofSeconds(10)).map(nothing -> (Throwable) null)
                .onErrorResume(Mono::just).block();
        assertThat(failure).isInstanceOf(SubscriptionErrorException.class);
        List<ResponseError> errors = ((SubscriptionErrorException) failure).getErrors();
        assertThat(errors).hasSize(1);
        assertThat(errors.getFirst().getExtensions()).containsEntry("code", "UNAUTHENTICATED");
        return errors.getFirst().getMessage();
    }

    private String photoRefusal(String token, String acceptLanguage) {
        MultipartBodyBuilder body = new MultipartBodyBuilder();
        byte[] pdf = "%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
        body.part("file", new ByteArrayResource(pdf) {
            @Override
            public String getFilename() {
                return "photo.jpg";
            }
        }).contentType(MediaType.IMAGE_JPEG);
        var request = api().http().post().uri("/api/photos").header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
        if (acceptLanguage != null) {
            request = request.header(HttpHeaders.ACCEPT_LANGUAGE, acceptLanguage);
        }
        // GraphQL-shaped since issue 14 (ADR 0030): {"errors":[{"message":…,"extensions":{"code":…}}]}
        @SuppressWarnings("unchecked")
        Map<String, List<Map<String, Object>>> answer = request.contentType(MediaType.MULTIPART_FORM_DATA)
                .body(BodyInserters.fromMultipartData(body.build()))
                .exchange()
                .expectStatus().is4xxClientError()
                .expectBody(Map.class).returnResult().getResponseBody();
        assertThat(answer).containsKey("errors");
        return (String) answer.get("errors").getFirst().get("message");
    }

    /** An anonymous graphql-ws connection with this connection_init payload and upgrade Accept-Language. */
    private WebSocketGraphQlTester webSocket(Map<String, Object> payload, String acceptLanguage) {
        WebSocketGraphQlClientInterceptor init = new WebSocketGraphQlClientInterceptor() {
            @Override
            public Mono<Object> connectionInitPayload() {
                return Mono.just(new HashMap<>(payload));
            }
        };
        var builder = WebSocketGraphQlTester.builder(URI.create("ws://localhost:" + port + "/graphql"),
                new ReactorNettyWebSocketClient()).interceptor(init);
        if (acceptLanguage != null) {
            builder.header(HttpHeaders.ACCEPT_LANGUAGE, acceptLanguage);
        }
        WebSocketGraphQlTester tester = builder.build();
        tester.start().block(Duration.ofSeconds(10));
        return tester;
    }
}
