package id.go.cilegon.juare.dashboard.backend;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A local stand-in for the WhatsApp Cloud API (the edge of the world) that the test backend sends to: it keeps the
 * last sign-in code per number, so a test can sign a resident in through the real OTP flow.
 */
final class WhatsAppCodes {

    static final String PHONE_NUMBER_ID = "109876543210";
    static final String ACCESS_TOKEN = "dashboard-test-token";

    private static final Pattern TO = Pattern.compile("\"to\"\\s*:\\s*\"(\\d+)\"");
    // an authentication template's first body parameter is the code
    private static final Pattern CODE = Pattern.compile("\"type\"\\s*:\\s*\"text\"\\s*,\\s*\"text\"\\s*:\\s*\"(\\d{6})\""
            + "|\"text\"\\s*:\\s*\"(\\d{6})\"\\s*,\\s*\"type\"\\s*:\\s*\"text\"");

    private final HttpServer server;
    private final Map<String, String> lastCode = new ConcurrentHashMap<>();

    private WhatsAppCodes() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newSingleThreadExecutor(Thread.ofPlatform().daemon().factory()));
        server.start();
    }

    static WhatsAppCodes start() {
        try {
            return new WhatsAppCodes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v21.0";
    }

    /** The last code sent to this number (digits only, as the Cloud API's "to"), waiting up to 10 s for it. */
    synchronized String awaitCode(String digits) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!lastCode.containsKey(digits)) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("no sign-in code was sent to that number");
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return lastCode.remove(digits);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Matcher to = TO.matcher(body);
        Matcher code = CODE.matcher(body);
        if (to.find() && code.find()) {
            synchronized (this) {
                lastCode.put(to.group(1), code.group(1) != null ? code.group(1) : code.group(2));
                notifyAll();
            }
        }
        byte[] answer = "{\"messaging_product\":\"whatsapp\",\"messages\":[{\"id\":\"wamid.TEST\"}]}".getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, answer.length);
        exchange.getResponseBody().write(answer);
        exchange.close();
    }
}
