package id.go.cilegon.juare.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A local stand-in for the WhatsApp Cloud API (the edge of the world): records every request and answers like
 * the real one, or with an error status when told to.
 */
public final class WhatsAppStub {

    public static final String PHONE_NUMBER_ID = "109876543210";
    public static final String ACCESS_TOKEN = "test-access-token";
    /** The id every media upload gets. */
    public static final String MEDIA_ID = "4490709327384033";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpServer server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger failWithStatus = new AtomicInteger(0);

    /**
     * One request; {@code body} is its JSON (an empty object for a multipart media upload, whose parts are in
     * {@link #parts()}).
     */
    public record Request(String method, String path, String authorization, JsonNode body, String contentType, byte[] raw) {

        /** The parts of a multipart/form-data request (a media upload), in order. */
        public List<Part> parts() {
            return Multipart.parse(contentType, raw);
        }

        public String to() {
            return body.path("to").asString();
        }

        /** The code of an authentication template message, or null. */
        public String otpCode() {
            JsonNode components = body.path("template").path("components");
            return components.isMissingNode() ? null : components.get(0).path("parameters").get(0).path("text").asString();
        }
    }

    private WhatsAppStub() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newFixedThreadPool(2, Thread.ofPlatform().daemon().factory()));
        server.start();
    }

    public static WhatsAppStub start() {
        try {
            return new WhatsAppStub();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v21.0";
    }

    /** Makes the next requests fail with this HTTP status (0 to answer normally again). */
    public void failWith(int status) {
        failWithStatus.set(status);
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    /** The last sign-in code sent to this E.164 number, waiting up to 5 s for it to arrive. */
    public String lastCodeFor(String phoneE164) {
        String to = phoneE164.startsWith("+") ? phoneE164.substring(1) : phoneE164;
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (System.nanoTime() < deadline) {
            for (Request request : requests.reversed()) {
                if (to.equals(request.to()) && request.otpCode() != null) {
                    return request.otpCode();
                }
            }
            Thread.onSpinWait();
        }
        throw new AssertionError("No code was sent to that number");
    }

    /** A part of a multipart request. */
    public record Part(String name, String filename, String contentType, byte[] content) {

        public String text() {
            return new String(content, StandardCharsets.UTF_8);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        boolean multipart = contentType != null && contentType.startsWith("multipart/");
        String path = exchange.getRequestURI().getPath();
        requests.add(new Request(exchange.getRequestMethod(), path, exchange.getRequestHeaders().getFirst("Authorization"),
                multipart ? JSON.createObjectNode() : JSON.readTree(body), contentType, body));
        int status = failWithStatus.get();
        // a media upload answers with the media's id, as the Cloud API does
        String success = path.endsWith("/media")
                ? "{\"id\":\"" + MEDIA_ID + "\"}"
                : "{\"messaging_product\":\"whatsapp\",\"messages\":[{\"id\":\"wamid.TEST\"}]}";
        byte[] answer = status == 0
                ? success.getBytes(StandardCharsets.UTF_8)
                : "{\"error\":{\"message\":\"stubbed failure\",\"code\":131000}}".getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status == 0 ? 200 : status, answer.length);
        exchange.getResponseBody().write(answer);
        exchange.close();
    }
}
