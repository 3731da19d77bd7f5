package id.go.cilegon.juare.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.cilegon.juare.support.Api;
import id.go.cilegon.juare.support.IntegrationTest;
import id.go.cilegon.juare.support.RawGraphQlWs;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import tools.jackson.databind.json.JsonMapper;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import reactor.core.publisher.Flux;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;

/**
 * Issue 10, the "low" list: bodies over the limit answer 413 with a code (not 500), malformed JSON and wrong
 * content types answer 400/415 with a code in the GraphQL error shape, and U+0000 (or another character no person
 * types) anywhere in a request is INVALID_INPUT with the field's path, before any SQL.
 */
@Tag("hostile")
class RequestHostileTest extends IntegrationTest {

    private static final String NUL = "\u0000";
    private static final String SUBMIT = "mutation($input: SubmitComplaintInput!) { submitComplaint(input: $input) "
            + "{ complaint { id } errors { code } } }";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private EntityExchangeResult<Map> postRaw(String contentType, String body) {
        return api().http().post().uri("/graphql")
                .header("Content-Type", contentType)
                .bodyValue(body)
                .exchange()
                .expectBody(Map.class).returnResult();
    }

    private static String code(Map<?, ?> response) {
        List<?> errors = (List<?>) response.get("errors");
        assertThat(errors).as("errors in " + response).isNotEmpty();
        return (String) ((Map<?, ?>) ((Map<?, ?>) errors.getFirst()).get("extensions")).get("code");
    }

    @Test
    void bodiesOverTheLimitAnswer413WithACode() {
        String big = "{\"query\":\"{ city { name } }\",\"variables\":{\"x\":\"" + "a".repeat(600 * 1024) + "\"}}";
        EntityExchangeResult<Map> announced = postRaw("application/json", big);
        assertThat(announced.getStatus().value()).isEqualTo(413);
        assertThat(code(announced.getResponseBody())).isEqualTo("PAYLOAD_TOO_LARGE");

        // the same without a Content-Length (chunked): the codec's limit answers the same
        Flux<DataBuffer> chunks = Flux.range(0, 700).map(i -> DefaultDataBufferFactory.sharedInstance
                .wrap((i == 0 ? "{\"query\":\"{ city { name } }\",\"variables\":{\"x\":\"" : "a".repeat(1024))
                        .getBytes(StandardCharsets.UTF_8)));
        EntityExchangeResult<Map> chunked = api().http().post().uri("/graphql")
                .contentType(MediaType.APPLICATION_JSON)
                .body(chunks, DataBuffer.class)
                .exchange()
                .expectBody(Map.class).returnResult();
        assertThat(chunked.getStatus().value()).isEqualTo(413);
        assertThat(code(chunked.getResponseBody())).isEqualTo("PAYLOAD_TOO_LARGE");
        System.out.println("HOSTILE request: 600 KiB GraphQL body -> " + announced.getStatus().value()
                + ", 700 KiB chunked -> " + chunked.getStatus().value());
    }

    @Test
    void aPhotoOverTenMegabytesStillAnswersItsOwnCode() {
        Api.Resident resident = api().newResident();
        byte[] big = new byte[12 * 1024 * 1024];
        Map<?, ?> body = api().uploadPhoto(resident.token(), big, "besar.jpg", MediaType.IMAGE_JPEG)
                .expectStatus().isEqualTo(413)
                .expectBody(Map.class).returnResult().getResponseBody();
        assertThat(((Map<?, ?>) ((Map<?, ?>) ((java.util.List<?>) body.get("errors")).get(0)).get("extensions")).get("code")).isEqualTo("PHOTO_TOO_LARGE");
    }

    @Test
    void malformedRequestsAnswerAClientErrorWithACode() {
        Map<String, Integer> cases = new java.util.LinkedHashMap<>();
        List<String> failures = new ArrayList<>();
        record Case(String contentType, String body) {
        }
        List<Case> malformed = List.of(
                new Case("application/json", "{\"query\": "),
                new Case("application/json", "not json at all"),
                new Case("application/json", ""),
                new Case("application/json", "[]"),
                new Case("application/json", "{\"query\": 5}"),
                new Case("application/json", "{\"query\": {\"a\": 1}}"),
                new Case("application/json", "{\"query\": \"{ city { name } }\", \"variables\": 7}"),
                new Case("application/json", "{\"query\": \"{ city { name } }\", \"variables\": \"x\"}"),
                new Case("application/json", "{\"query\": \"{ city { name } }\", \"extensions\": []}"),
                new Case("application/json", "{\"query\": \"{ city { name } }\", \"operationName\": 3}"),
                new Case("application/json", "{\"query\": null}"),
                new Case("application/json", "{}"),
                new Case("application/json", "{\"query\": \"subscription { myComplaintEvents { id } }\"}"),
                // persisted documents (ADR 0029): malformed hashes and documentIds are refusals with a code too
                new Case("application/json", "{\"documentId\": 5}"),
                new Case("application/json", "{\"documentId\": {\"a\": 1}}"),
                new Case("application/json", "{\"documentId\": \"sha256:\"}"),
                new Case("application/json", "{\"extensions\": {\"persistedQuery\": []}}"),
                new Case("application/json", "{\"extensions\": {\"persistedQuery\": {\"sha256Hash\": 5}}}"),
                new Case("application/graphql", "{\"documentId\": \"sha256:00\"}"),
                new Case("text/plain", "{\"query\": \"{ city { name } }\"}"),
                new Case("application/xml", "<query/>"),
                new Case("multipart/form-data; boundary=x", "--x--"));
        for (Case c : malformed) {
            EntityExchangeResult<byte[]> result = api().http().post().uri("/graphql")
                    .header("Content-Type", c.contentType())
                    .bodyValue(c.body())
                    .exchange()
                    .expectBody().returnResult();
            int status = result.getStatus().value();
            String text = new String(result.getResponseBody() == null ? new byte[0] : result.getResponseBody(), StandardCharsets.UTF_8);
            cases.put(c.contentType() + " " + c.body(), status);
            boolean coded = text.contains("\"code\"");
            if (status >= 500 || !coded || text.contains("Exception")) {
                failures.add(status + " " + c + " -> " + text);
            }
        }
        System.out.println("HOSTILE request: malformed GraphQL requests cases=" + cases.size() + " failures=" + failures.size()
                + " statuses=" + cases.values());
        assertThat(failures).isEmpty();
        assertThat(code(postRaw("application/json", "{\"query\": ").getResponseBody())).isEqualTo("INVALID_REQUEST");
    }

    @Test
    void nulAnywhereInTheVariablesIsInvalidInputWithItsPath() {
        Api.Resident resident = api().newResident();
        Map<String, Object> input = new HashMap<>(Api.complaintInput(Api.newRequestId(), List.of()));
        input.put("description", "Lubang besar di depan sekolah" + NUL + " berbahaya untuk motor");
        Map<?, ?> response = submit(resident.token(), Map.of("input", input));
        assertThat(code(response)).isEqualTo("INVALID_INPUT");
        assertThat(field(response)).isEqualTo("$input.description");

        // nested in a list
        Map<String, Object> inList = new HashMap<>(Api.complaintInput(Api.newRequestId(), List.of("a", "b" + NUL)));
        assertThat(field(submit(resident.token(), Map.of("input", inList)))).isEqualTo("$input.photoIds[1]");

        // in a key, a lone surrogate, other control characters
        assertThat(code(submit(resident.token(), Map.of("input", Map.of("x" + NUL, 1))))).isEqualTo("INVALID_INPUT");
        Map<String, Object> surrogate = new HashMap<>(Api.complaintInput(Api.newRequestId(), List.of()));
        surrogate.put("title", "Jalan LONE_SURROGATE rusak");
        // a JSON escape: no JSON writer would produce a lone surrogate itself
        String json = JSON.writeValueAsString(Map.of("query", SUBMIT, "variables", Map.of("input", surrogate)))
                .replace("LONE_SURROGATE", "\\uD800");
        Map<?, ?> lone = api().http().post().uri("/graphql")
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + resident.token())
                .bodyValue(json)
                .exchange().expectBody(Map.class).returnResult().getResponseBody();
        assertThat(field(lone)).isEqualTo("$input.title");
        Map<String, Object> bell = new HashMap<>(Api.complaintInput(Api.newRequestId(), List.of()));
        bell.put("addressText", "Jl. Ciwedus\u0007");
        assertThat(code(submit(resident.token(), Map.of("input", bell)))).isEqualTo("INVALID_INPUT");

        // ordinary text with tabs, line breaks, emoji and right-to-left marks is still accepted
        Map<String, Object> fine = new HashMap<>(Api.complaintInput(Api.newRequestId(), List.of()));
        fine.put("description", "Lubang besar\tdi depan sekolah\r\nberbahaya 🚧 \u202Euntuk motor\u202C di malam hari.");
        Map<?, ?> accepted = submit(resident.token(), Map.of("input", fine));
        assertThat(accepted.get("errors")).as(String.valueOf(accepted)).isNull();
    }

    @Test
    void nulInALiteralIsInvalidInputWithItsPath() {
        Map<?, ?> response = api().http().post().uri("/graphql")
                .header("Content-Type", "application/json")
                .bodyValue(Map.of("query", "{ complaintByTrackingNumber(trackingNumber: \"CLG\\u0000\") { id } }"))
                .exchange().expectBody(Map.class).returnResult().getResponseBody();
        assertThat(code(response)).isEqualTo("INVALID_INPUT");
        assertThat(field(response)).isEqualTo("complaintByTrackingNumber.trackingNumber");

        Map<?, ?> nested = api().http().post().uri("/graphql")
                .header("Content-Type", "application/json")
                .bodyValue(Map.of("query", "mutation { requestOtp(input: {nik: \"3672015003900001\", phone: \"0812\\u0000\"}) { errors { code } } }"))
                .exchange().expectBody(Map.class).returnResult().getResponseBody();
        assertThat(field(nested)).isEqualTo("requestOtp.input.phone");
        System.out.println("HOSTILE request: NUL in a literal -> " + code(response) + " at " + field(response));
    }

    @Test
    void nulOverTheWebSocketIsInvalidInputToo() throws Exception {
        Api.Resident resident = api().newResident();
        try (RawGraphQlWs ws = new RawGraphQlWs(port)) {
            ws.acknowledged(resident.token());
            ws.send(Map.of("id", "nul", "type", "subscribe", "payload", Map.of(
                    "query", id.go.cilegon.juare.graphql.OperationDocuments.load("MyComplaintEvents"),
                    "variables", Map.of("after", "1" + NUL))));
            List<Map<String, Object>> answers = ws.awaitMatching(m -> "nul".equals(m.get("id"))
                    && ("next".equals(m.get("type")) || "error".equals(m.get("type"))), 1, java.time.Duration.ofSeconds(10));
            assertThat(answers).hasSize(1);
            Object payload = answers.getFirst().get("payload");
            Object errors = payload instanceof Map<?, ?> map ? map.get("errors") : payload;
            Map<?, ?> first = (Map<?, ?>) ((List<?>) errors).getFirst();
            assertThat(((Map<?, ?>) first.get("extensions")).get("code")).isEqualTo("INVALID_INPUT");
            assertThat(((Map<?, ?>) first.get("extensions")).get("field")).isEqualTo("$after");
            System.out.println("HOSTILE request: NUL in a WebSocket subscription's variables -> INVALID_INPUT at $after");
        }
    }

    @Test
    void nulInHeadersAndInAPhotoFilenameIsRefusedCleanly() throws IOException {
        for (String header : List.of("Authorization: Bearer abc\u0000def", "X-Whatever: a\u0000b", "X-Nul\u0000Name: v")) {
            String status = rawStatus("POST /graphql HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + header + "\r\nContent-Length: 28\r\nConnection: close\r\n\r\n{\"query\":\"{ city { name } }\"}");
            System.out.println("HOSTILE request: header with NUL -> " + status);
            assertThat(status).doesNotStartWith("HTTP/1.1 5").isNotEmpty();
        }
        Api.Resident resident = api().newResident();
        api().uploadPhoto(resident.token(), id.go.cilegon.juare.support.Images.jpeg(400, 300), "bukti\u0000.jpg", MediaType.IMAGE_JPEG)
                .expectStatus().value(status -> assertThat(status).isLessThan(500));
    }

    private String rawStatus(String request) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[4096];
            int n = in.read(buffer);
            String answer = n < 0 ? "(closed)" : new String(buffer, 0, n, StandardCharsets.ISO_8859_1);
            return answer.lines().findFirst().orElse("");
        }
    }

    private Map<?, ?> submit(String token, Map<String, Object> variables) {
        return api().http().post().uri("/graphql")
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token)
                .bodyValue(Map.of("query", SUBMIT, "variables", variables))
                .exchange().expectBody(Map.class).returnResult().getResponseBody();
    }

    private static String field(Map<?, ?> response) {
        List<?> errors = (List<?>) response.get("errors");
        assertThat(errors).as("errors in " + response).isNotEmpty();
        return (String) ((Map<?, ?>) ((Map<?, ?>) errors.getFirst()).get("extensions")).get("field");
    }
}
