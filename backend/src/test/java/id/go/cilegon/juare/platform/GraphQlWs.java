package id.go.cilegon.juare.platform;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import reactor.core.Disposable;
import reactor.core.publisher.Sinks;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.client.WebsocketClientSpec;
import tools.jackson.databind.json.JsonMapper;

/** graphql-transport-ws by hand: every message the server sends, and the close code it ends with. */
final class GraphQlWs implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final LinkedBlockingQueue<Map<String, Object>> received = new LinkedBlockingQueue<>();
    private final List<Map<String, Object>> seen = new ArrayList<>();
    private final Sinks.Many<String> outbound = Sinks.many().unicast().onBackpressureBuffer();
    private final CompletableFuture<Integer> closeCode = new CompletableFuture<>();
    private final Disposable connection;

    @SuppressWarnings("unchecked")
    GraphQlWs(int port) {
        connection = HttpClient.create()
                .websocket(WebsocketClientSpec.builder().protocols("graphql-transport-ws").build())
                .uri("ws://localhost:" + port + "/graphql")
                .handle((in, out) -> {
                    in.receiveCloseStatus().subscribe(status -> closeCode.complete(status.code()));
                    return out.sendString(outbound.asFlux()).then()
                            .and(in.receive().asString()
                                    .doOnNext(text -> received.add(JSON.readValue(text, Map.class)))
                                    .then());
                })
                .subscribe();
    }

    synchronized void sendText(String text) {
        outbound.tryEmitNext(text);
    }

    void send(Map<String, Object> message) {
        sendText(JSON.writeValueAsString(message));
    }

    void init(Map<String, Object> payload) {
        send(payload == null ? Map.of("type", "connection_init") : Map.of("type", "connection_init", "payload", payload));
    }

    void subscribe(String id, String query) {
        send(Map.of("id", id, "type", "subscribe", "payload", Map.of("query", query)));
    }

    /** The messages about one operation id, waiting until one of them is of a final type (error or complete). */
    List<Map<String, Object>> untilDone(String id, Duration wait) throws InterruptedException {
        awaitMatching(m -> id.equals(m.get("id")) && ("error".equals(m.get("type")) || "complete".equals(m.get("type"))), 1, wait);
        // a message that would wrongly follow the final one arrives right after it
        awaitMatching(m -> false, 1, Duration.ofMillis(300));
        return seen().stream().filter(m -> id.equals(m.get("id"))).toList();
    }

    synchronized List<Map<String, Object>> seen() {
        received.drainTo(seen);
        return List.copyOf(seen);
    }

    synchronized List<Map<String, Object>> awaitMatching(Predicate<Map<String, Object>> matching, int count, Duration wait)
            throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        while (seen.stream().filter(matching).count() < count) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                break;
            }
            Map<String, Object> message = received.poll(left, TimeUnit.NANOSECONDS);
            if (message != null) {
                seen.add(message);
            }
        }
        return seen.stream().filter(matching).toList();
    }

    /** The close code the server ended the connection with. */
    int closeCode(Duration wait) throws Exception {
        return closeCode.get(wait.toMillis(), TimeUnit.MILLISECONDS);
    }

    Integer closeCodeNow() {
        return closeCode.getNow(null);
    }

    @Override
    public void close() {
        outbound.tryEmitComplete();
        connection.dispose();
    }
}
