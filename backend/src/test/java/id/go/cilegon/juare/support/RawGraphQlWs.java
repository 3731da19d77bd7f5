package id.go.cilegon.juare.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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

/**
 * graphql-ws (graphql-transport-ws) spoken by hand, so a test sees every message the server sends (errors, persisted
 * query misses, a whole introspection answer in one frame) and the close code it ends with, and may send what the
 * protocol does not allow. Spring's client would hide all of that. Read with {@link #next} (one message at a time, in
 * order) or with {@link #awaitMatching} (what matched since the start), not both on one connection.
 */
public final class RawGraphQlWs implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Introspection answers are about 200 KB. */
    private static final int MAX_FRAME = 4 << 20;

    private final LinkedBlockingQueue<Map<String, Object>> received = new LinkedBlockingQueue<>();
    private final List<Map<String, Object>> seen = new ArrayList<>();
    private final Sinks.Many<String> outbound = Sinks.many().unicast().onBackpressureBuffer();
    private final CompletableFuture<Integer> closeCode = new CompletableFuture<>();
    private final Disposable connection;

    @SuppressWarnings("unchecked")
    public RawGraphQlWs(int port) {
        connection = HttpClient.create()
                .websocket(WebsocketClientSpec.builder().protocols("graphql-transport-ws").maxFramePayloadLength(MAX_FRAME).build())
                .uri("ws://localhost:" + port + "/graphql")
                .handle((in, out) -> {
                    in.receiveCloseStatus().subscribe(status -> closeCode.complete(status.code()));
                    return out.sendString(outbound.asFlux()).then()
                            .and(in.aggregateFrames(MAX_FRAME).receive().asString()
                                    .doOnNext(text -> received.add(JSON.readValue(text, Map.class)))
                                    .then());
                })
                .subscribe();
    }

    public synchronized void sendText(String text) {
        outbound.tryEmitNext(text);
    }

    public void send(Map<String, Object> message) {
        sendText(JSON.writeValueAsString(new LinkedHashMap<>(message)));
    }

    /** connection_init with this payload (none for null), not waiting for the answer. */
    public void init(Map<String, Object> payload) {
        send(payload == null ? Map.of("type", "connection_init") : Map.of("type", "connection_init", "payload", payload));
    }

    /** connection_init with the bearer token (none for null), then the connection_ack, which must come. */
    public RawGraphQlWs acknowledged(String token) throws InterruptedException {
        init(token == null ? null : Map.of("Authorization", "Bearer " + token));
        assertThat(awaitMatching(m -> "connection_ack".equals(m.get("type")), 1, Duration.ofSeconds(10)))
                .as("connection_ack within 10 s: " + seen()).hasSize(1);
        return this;
    }

    public void subscribe(String id, String query) {
        send(Map.of("id", id, "type", "subscribe", "payload", Map.of("query", query)));
    }

    public void subscribe(String id, String query, Map<String, Object> variables) {
        send(Map.of("id", id, "type", "subscribe", "payload", Map.of("query", query, "variables", variables)));
    }

    public void complete(String id) {
        send(Map.of("id", id, "type", "complete"));
    }

    /** The next message not read yet, which must come within the wait. */
    public synchronized Map<String, Object> next(Duration wait) throws InterruptedException {
        Map<String, Object> message = received.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
        assertThat(message).as("a message within " + wait).isNotNull();
        seen.add(message);
        return message;
    }

    /** The next message, if one comes within the wait; null otherwise. */
    public synchronized Map<String, Object> poll(Duration wait) throws InterruptedException {
        Map<String, Object> message = received.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
        if (message != null) {
            seen.add(message);
        }
        return message;
    }

    /** The messages about one operation id, waiting until one of them is of a final type (error or complete). */
    public List<Map<String, Object>> untilDone(String id, Duration wait) throws InterruptedException {
        awaitMatching(m -> id.equals(m.get("id")) && ("error".equals(m.get("type")) || "complete".equals(m.get("type"))), 1, wait);
        // a message that would wrongly follow the final one arrives right after it
        awaitMatching(m -> false, 1, Duration.ofMillis(300));
        return seen().stream().filter(m -> id.equals(m.get("id"))).toList();
    }

    /** Every message received so far (for a failure's message). */
    public synchronized List<Map<String, Object>> seen() {
        received.drainTo(seen);
        return List.copyOf(seen);
    }

    /** Waits until {@code count} messages (counted since the start) match, or the time is up; returns all matching. */
    public synchronized List<Map<String, Object>> awaitMatching(Predicate<Map<String, Object>> matching, int count,
                                                               Duration wait) throws InterruptedException {
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
    public int closeCode(Duration wait) throws Exception {
        return closeCode.get(wait.toMillis(), TimeUnit.MILLISECONDS);
    }

    public Integer closeCodeNow() {
        return closeCode.getNow(null);
    }

    @Override
    public void close() {
        outbound.tryEmitComplete();
        connection.dispose();
    }
}
