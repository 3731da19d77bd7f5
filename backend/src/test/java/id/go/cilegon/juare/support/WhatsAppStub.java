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

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpServer server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger failWithStatus = new AtomicInteger(0);

    public record Request(String method, String path, String authorization, JsonNode body) {

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

    private void handle(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        requests.add(new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                exchange.getRequestHeaders().getFirst("Authorization"), JSON.readTree(body)));
        int status = failWithStatus.get();
        byte[] answer = status == 0
                ? "{\"messaging_product\":\"whatsapp\",\"messages\":[{\"id\":\"wamid.TEST\"}]}".getBytes(StandardCharsets.UTF_8)
                : "{\"error\":{\"message\":\"stubbed failure\",\"code\":131000}}".getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status == 0 ? 200 : status, answer.length);
        exchange.getResponseBody().write(answer);
        exchange.close();
    }
}
