package id.go.cilegon.juare.hostile;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import reactor.core.Disposable;
import reactor.core.publisher.Sinks;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.client.WebsocketClientSpec;
import tools.jackson.databind.json.JsonMapper;

/**
 * A graphql-ws (graphql-transport-ws) client speaking the protocol by hand, so a test sees every message the server
 * sends, errors included, and can open many subscriptions on one connection.
 */
final class RawGraphQlWs implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final LinkedBlockingQueue<Map<String, Object>> received = new LinkedBlockingQueue<>();
    private final List<Map<String, Object>> seen = new ArrayList<>();
    private final Sinks.Many<String> outbound = Sinks.many().unicast().onBackpressureBuffer();
    private final Disposable connection;

    @SuppressWarnings("unchecked")
    RawGraphQlWs(int port) {
        connection = HttpClient.create()
                .websocket(WebsocketClientSpec.builder().protocols("graphql-transport-ws").build())
                .uri("ws://localhost:" + port + "/graphql")
                .handle((in, out) -> out.sendString(outbound.asFlux()).then()
                        .and(in.receive().asString()
                                .doOnNext(text -> received.add(JSON.readValue(text, Map.class)))
                                .then()))
                .subscribe();
    }

    synchronized void send(Map<String, Object> message) {
        outbound.tryEmitNext(JSON.writeValueAsString(message));
    }

    /** connection_init with the token, then waits for connection_ack. */
    void init(String token) throws InterruptedException {
        send(Map.of("type", "connection_init", "payload", Map.of("Authorization", "Bearer " + token)));
        awaitMatching(m -> "connection_ack".equals(m.get("type")), 1, Duration.ofSeconds(10));
    }

    void subscribe(String id, String query) {
        send(Map.of("id", id, "type", "subscribe", "payload", Map.of("query", query)));
    }

    void subscribe(String id, String query, Map<String, Object> variables) {
        send(Map.of("id", id, "type", "subscribe", "payload", Map.of("query", query, "variables", variables)));
    }

    /** Every message received so far (for a failure's message). */
    synchronized List<Map<String, Object>> seen() {
        received.drainTo(seen);
        return List.copyOf(seen);
    }

    void complete(String id) {
        send(Map.of("id", id, "type", "complete"));
    }

    /** Waits until {@code count} messages (counted since the start) match, or the time is up; returns all matching. */
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

    @Override
    public void close() {
        outbound.tryEmitComplete();
        connection.dispose();
    }
}
