package id.go.cilegon.juare.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.cilegon.juare.support.IntegrationTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Sinks;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.client.WebsocketClientSpec;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 15: "about 0.8 % of WebSocket connections that send connection_init at once never get connection_ack and are
 * closed with 4408 after 30 s". Many raw graphql-ws connections opened together, each sending connection_init the
 * instant its socket is open and a subscribe the instant connection_ack arrives; every one must be acknowledged and
 * answered before Spring's connection-init timeout closes it (4408). Half carry a token (the authentication interceptor answers later, on another
 * thread), half none.
 */
@Tag("hostile")
class WebSocketFirstMessageHostileTest extends IntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int CONNECTIONS = Integer.getInteger("juare.hostile.ws.connections", 600);
    private static final int ROUNDS = Integer.getInteger("juare.hostile.ws.rounds", 2);
    private static final Duration WAIT = Duration.ofSeconds(5);
    /** Past Spring's connection-init timeout (30 s): by then a connection_init the server read was answered. */
    private static final Duration LOST = Duration.ofSeconds(35);

    /** What one connection saw: when it was acknowledged, when its subscribe was answered, its close code. */
    static final class Outcome {
        final CompletableFuture<Long> acknowledged = new CompletableFuture<>();
        final CompletableFuture<Long> answered = new CompletableFuture<>();
        final CompletableFuture<Integer> closed = new CompletableFuture<>();
        final CompletableFuture<Long> opened = new CompletableFuture<>();
        final CompletableFuture<Long> ended = new CompletableFuture<>();
        final long started = System.nanoTime();
        Disposable connection;
        boolean withToken;
    }

    @Test
    void everyConnectionThatSendsConnectionInitAtOnceIsAcknowledgedAndItsFirstSubscribeAnswered() throws Exception {
        String token = api().newResident().token();
        int lost = 0;
        int unanswered = 0;
        int notOpened = 0;
        int total = 0;
        long slowestAck = 0;
        for (int round = 1; round <= ROUNDS; round++) {
            List<Outcome> outcomes = new ArrayList<>();
            for (int i = 0; i < CONNECTIONS; i++) {
                outcomes.add(open(i % 2 == 0 ? token : null));
            }
            int roundLost = 0;
            int roundUnanswered = 0;
            int roundNotOpened = 0;
            int roundSlow = 0;
            // a lost connection_init is answered by nothing but Spring's 4408 after its 30 s init timeout; a
            // connection acknowledged late (the machine is shared) is slow, not lost
            long deadline = System.nanoTime() + LOST.toNanos();
            for (Outcome outcome : outcomes) {
                long at;
                try {
                    at = outcome.acknowledged.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                } catch (TimeoutException none) {
                    if (!outcome.opened.isDone()) {
                        // the handshake itself failed (the test profile's 3 s header deadline on a loaded machine)
                        roundNotOpened++;
                        continue;
                    }
                    roundLost++;
                    System.out.printf("WS-FIRST-MESSAGE lost: opened after %d ms, token %s, closed %s (code %s)%n",
                            millis(outcome.opened.join() - outcome.started), outcome.withToken,
                            outcome.ended.isDone() ? "after " + millis(outcome.ended.join() - outcome.started) + " ms" : "not",
                            outcome.closed.getNow(null));
                    continue;
                }
                slowestAck = Math.max(slowestAck, millis(at - outcome.started));
                if (at - outcome.started > WAIT.toNanos()) {
                    roundSlow++;
                }
                try {
                    outcome.answered.get(Math.max(WAIT.toNanos(), deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                } catch (TimeoutException none) {
                    roundUnanswered++;
                }
            }
            outcomes.forEach(outcome -> outcome.connection.dispose());
            System.out.printf("WS-FIRST-MESSAGE round %d: %d connections, %d never acknowledged, %d acknowledged but "
                            + "their first subscribe unanswered, %d acknowledged after more than %d s, %d handshakes failed%n",
                    round, CONNECTIONS, roundLost, roundUnanswered, roundSlow, WAIT.toSeconds(), roundNotOpened);
            lost += roundLost;
            unanswered += roundUnanswered;
            notOpened += roundNotOpened;
            total += CONNECTIONS;
        }
        int opened = total - notOpened;
        System.out.printf("WS-FIRST-MESSAGE total: %d connections opened, never acknowledged %d (%.2f %%), first subscribe "
                        + "unanswered %d (%.2f %%), slowest ack %d ms%n", opened, lost, 100.0 * lost / Math.max(1, opened),
                unanswered, 100.0 * unanswered / Math.max(1, opened), slowestAck);
        assertThat(opened).as("connections opened").isPositive();
        assertThat(lost).as("connections never acknowledged").isZero();
        assertThat(unanswered).as("first subscribes never answered").isZero();
    }

    private static long millis(long nanos) {
        return nanos / 1_000_000;
    }

    @SuppressWarnings("unchecked")
    private Outcome open(String token) {
        Outcome outcome = new Outcome();
        outcome.withToken = token != null;
        String init = JSON.writeValueAsString(token == null ? Map.of("type", "connection_init")
                : Map.of("type", "connection_init", "payload", Map.of("Authorization", "Bearer " + token)));
        String subscribe = JSON.writeValueAsString(Map.of("id", "1", "type", "subscribe",
                "payload", Map.of("query", "{ categories { code } }")));
        outcome.connection = HttpClient.newConnection()
                .websocket(WebsocketClientSpec.builder().protocols("graphql-transport-ws").build())
                .uri("ws://localhost:" + port + "/graphql")
                .handle((in, out) -> {
                    Sinks.Many<String> outbound = Sinks.many().unicast().onBackpressureBuffer();
                    outcome.opened.complete(System.nanoTime());
                    // the instant the socket is open, before anything was read
                    outbound.tryEmitNext(init);
                    in.receiveCloseStatus().subscribe(status -> outcome.closed.complete(status.code()));
                    return out.sendString(outbound.asFlux()).then()
                            .and(in.receive().asString().doOnNext(text -> {
                                Map<String, Object> message = JSON.readValue(text, Map.class);
                                Object type = message.get("type");
                                if ("connection_ack".equals(type)) {
                                    outcome.acknowledged.complete(System.nanoTime());
                                    outbound.tryEmitNext(subscribe);
                                } else if ("1".equals(message.get("id"))) {
                                    outcome.answered.complete(System.nanoTime());
                                }
                            }).then().doFinally(signal -> outcome.ended.complete(System.nanoTime())));
                })
                .subscribe(null, error -> outcome.closed.complete(-1));
        return outcome;
    }
}
