package id.go.cilegon.juare.support;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.cilegon.juare.graphql.OperationDocuments;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.graphql.client.WebSocketGraphQlClientInterceptor;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.graphql.test.tester.WebSocketGraphQlTester;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.socket.client.ReactorNettyWebSocketClient;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/** Talks to a running backend the way the mobile app does: HTTP, graphql-ws, and the photo endpoint. */
public final class Api {

    private final int port;
    private final WhatsAppStub whatsApp;

    public Api(int port, WhatsAppStub whatsApp) {
        this.port = port;
        this.whatsApp = whatsApp;
    }

    public record Resident(String token, String refreshToken, String id, String nik, String phone) {
    }

    /*
     * Pooled connections are let go after 20 s idle, before the server's idle timeout (60 s) closes them: otherwise
     * the pool (oldest first) hands out a connection the server is closing that moment, and the request fails with
     * "Connection has been closed BEFORE response" (seen once in CI, SimulatedMonthProofTest).
     */
    private static final ReactorClientHttpConnector CONNECTOR = new ReactorClientHttpConnector(HttpClient.create(
            ConnectionProvider.builder("tests").maxIdleTime(Duration.ofSeconds(20)).build()));

    public WebTestClient http() {
        return WebTestClient.bindToServer(CONNECTOR)
                .baseUrl("http://localhost:" + port)
                .responseTimeout(Duration.ofSeconds(30))
                .build();
    }

    public HttpGraphQlTester anonymous() {
        return HttpGraphQlTester.create(http().mutate().baseUrl("http://localhost:" + port + "/graphql").build());
    }

    public HttpGraphQlTester as(String token) {
        return HttpGraphQlTester.create(http().mutate()
                .baseUrl("http://localhost:" + port + "/graphql")
                .defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .build());
    }

    /** One of our clients' operations from graphql-documents/, with its fragments. */
    public static GraphQlTester.Request<?> operation(GraphQlTester tester, String name) {
        return tester.document(OperationDocuments.load(name));
    }

    /** Signs a new resident in through requestOtp and verifyOtp. */
    public Resident newResident() {
        return signIn(TestData.nik(), TestData.phone(), "Warga Uji");
    }

    public Resident signIn(String nik, String phone, String name) {
        String challenge = operation(anonymous(), "RequestOtp")
                .variable("input", Map.of("nik", nik, "phone", phone))
                .execute()
                .path("requestOtp.errors").entityList(Object.class).hasSize(0)
                .path("requestOtp.challenge.id").entity(String.class).get();
        String code = whatsApp.lastCodeFor(TestData.e164(phone));
        GraphQlTester.Response response = operation(anonymous(), "VerifyOtp")
                .variable("input", Map.of("challengeId", challenge, "code", code, "name", name))
                .execute();
        response.path("verifyOtp.errors").entityList(Object.class).hasSize(0);
        return new Resident(
                response.path("verifyOtp.session.accessToken").entity(String.class).get(),
                response.path("verifyOtp.session.refreshToken").entity(String.class).get(),
                response.path("verifyOtp.resident.id").entity(String.class).get(),
                nik, phone);
    }

    /**
     * A graphql-ws connection that authenticates in connection_init, already started (the first message on a new
     * connection used to be lost now and then: issue 15, docs/adr/0034).
     */
    public WebSocketGraphQlTester webSocket(String token) {
        WebSocketGraphQlClientInterceptor auth = new WebSocketGraphQlClientInterceptor() {
            @Override
            public Mono<Object> connectionInitPayload() {
                return token == null ? Mono.empty() : Mono.just(Map.of("Authorization", "Bearer " + token));
            }
        };
        WebSocketGraphQlTester tester = WebSocketGraphQlTester.builder(URI.create("ws://localhost:" + port + "/graphql"),
                        new ReactorNettyWebSocketClient())
                .interceptor(auth)
                .build();
        tester.start().block(Duration.ofSeconds(10));
        return tester;
    }

    /** Uploads a photo; returns the response for assertions. */
    public WebTestClient.ResponseSpec uploadPhoto(String token, byte[] content, String filename, MediaType type) {
        MultipartBodyBuilder body = new MultipartBodyBuilder();
        body.part("file", new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return filename;
            }
        }).contentType(type);
        WebTestClient.RequestBodySpec request = http().post().uri("/api/photos");
        if (token != null) {
            request = request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
        }
        return request.contentType(MediaType.MULTIPART_FORM_DATA)
                .body(BodyInserters.fromMultipartData(body.build()))
                .exchange();
    }

    /** Uploads a photo that must be accepted; returns its id. */
    public String uploadedPhotoId(String token, byte[] jpeg) {
        Map<String, Object> created = uploadPhoto(token, jpeg, "bukti.jpg", MediaType.IMAGE_JPEG)
                .expectStatus().isCreated()
                .expectBody(new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() {
                })
                .returnResult()
                .getResponseBody();
        assertThat(created).containsKey("id");
        return (String) created.get("id");
    }

    /** Input for a valid complaint in Cilegon. */
    public static Map<String, Object> complaintInput(String clientRequestId, List<String> photoIds) {
        return Map.of(
                "clientRequestId", clientRequestId,
                "categoryCode", "JALAN",
                "title", "Jalan berlubang",
                "description", "Lubang besar di depan sekolah, berbahaya untuk motor di malam hari.",
                "location", Map.of("lat", TestData.CILEGON_LAT, "lng", TestData.CILEGON_LNG),
                "addressText", "Jl. Ciwedus No. 1",
                "photoIds", photoIds);
    }

    public static String newRequestId() {
        return UUID.randomUUID().toString();
    }
}
