package id.go.cilegon.juare.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.cilegon.juare.event.EventStream;
import id.go.cilegon.juare.graphql.OperationDocuments;
import id.go.cilegon.juare.support.Api;
import id.go.cilegon.juare.support.IntegrationTest;
import id.go.cilegon.juare.support.Live;
import id.go.cilegon.juare.support.RawGraphQlWs;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/**
 * Issue 10, the "low" list: 1,000 subscriptions on one WebSocket were all accepted but only the first 255 received
 * events (GraphQlWebSocketHandler serves a connection's messages through one flatMap of concurrency 256). Now each
 * connection holds at most juare.server.max-subscriptions-per-connection; the next gets an error message with a
 * code, every accepted one receives events, and a completed one frees its place.
 */
@Tag("hostile")
class SubscriptionCapHostileTest extends IntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Autowired
    EventStream stream;

    @Value("${juare.server.max-subscriptions-per-connection}")
    int max;

    @Test
    void subscriptionsOverTheCapGetAnErrorAndEveryAcceptedOneReceivesEvents() throws Exception {
        stream.listening().block(WAIT);
        Api.Resident resident = api().newResident();
        String query = OperationDocuments.load("MyComplaintEvents");
        int attempts = max + 30;
        try (RawGraphQlWs ws = new RawGraphQlWs(port)) {
            ws.acknowledged(resident.token());
            int before = stream.subscriberCount();
            for (int i = 1; i <= attempts; i++) {
                ws.subscribe("s" + i, query);
            }
            List<Map<String, Object>> refused = ws.awaitMatching(m -> "error".equals(m.get("type")), attempts - max, WAIT);
            assertThat(refused).hasSize(attempts - max);
            assertThat(refused).allSatisfy(m -> assertThat(code(m)).isEqualTo("TOO_MANY_SUBSCRIPTIONS"));
            Live.awaitMoreSubscribersThan(stream, before + max - 1);

            String first = Live.submitComplaint(api(), resident.token());
            List<Map<String, Object>> firstEvents = ws.awaitMatching(m -> isNextFor(m, first), max, WAIT);
            Set<Object> received = ids(firstEvents);
            System.out.println("HOSTILE subscriptions: tried=" + attempts + " accepted=" + (attempts - refused.size())
                    + " refusedWithCode=" + refused.size() + " acceptedThatReceivedTheEvent=" + received.size());
            assertThat(received).hasSize(max);
            assertThat(ids(refused)).doesNotContainAnyElementsOf(received);

            // completing some frees their places (messages of a connection are handled in order); new ones,
            // resumed after the first event, receive the next
            String firstEventId = (String) event(firstEvents.getFirst()).get("id");
            List<Object> done = received.stream().limit(5).toList();
            done.forEach(id -> ws.complete((String) id));
            for (int i = 1; i <= 5; i++) {
                ws.send(Map.of("id", "again" + i, "type", "subscribe",
                        "payload", Map.of("query", query, "variables", Map.of("after", firstEventId))));
            }
            String second = Live.submitComplaint(api(), resident.token());
            Set<Object> receivedAgain = ids(ws.awaitMatching(m -> isNextFor(m, second), max, WAIT));
            assertThat(receivedAgain).hasSize(max).contains("again1", "again5").doesNotContainAnyElementsOf(done);
            assertThat(ws.awaitMatching(m -> "error".equals(m.get("type")), attempts - max + 1, Duration.ofMillis(500)))
                    .hasSize(attempts - max);
        }
    }

    private static Map<?, ?> event(Map<String, Object> next) {
        return (Map<?, ?>) ((Map<?, ?>) ((Map<?, ?>) next.get("payload")).get("data")).get("myComplaintEvents");
    }

    private static boolean isNextFor(Map<String, Object> message, String complaintId) {
        if (!"next".equals(message.get("type"))) {
            return false;
        }
        Map<?, ?> data = (Map<?, ?>) ((Map<?, ?>) message.get("payload")).get("data");
        return data != null && complaintId.equals(((Map<?, ?>) data.get("myComplaintEvents")).get("complaintId"));
    }

    private static Set<Object> ids(List<Map<String, Object>> messages) {
        return messages.stream().map(m -> m.get("id")).collect(Collectors.toSet());
    }

    private static String code(Map<String, Object> errorMessage) {
        List<?> errors = (List<?>) errorMessage.get("payload");
        return (String) ((Map<?, ?>) ((Map<?, ?>) errors.getFirst()).get("extensions")).get("code");
    }
}
