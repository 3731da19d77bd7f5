package id.go.cilegon.juare.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.cilegon.juare.event.EventLog;
import id.go.cilegon.juare.event.EventStream;
import id.go.cilegon.juare.support.Api;
import id.go.cilegon.juare.support.IntegrationTest;
import id.go.cilegon.juare.support.Live;
import id.go.cilegon.juare.support.Staff;
import java.time.Duration;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.WebSocketGraphQlTester;
import reactor.core.publisher.Flux;

/**
 * One execution of an event's selection for every subscriber that would get the same (ADR 0038): each still gets its
 * own start point, under its own alias, and the rest exactly as its own execution gave it.
 */
class SharedSubscriptionEventsTest extends IntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final String DOCUMENT = """
            subscription Shared($after: ID) {
                complaintEvents(after: $after) {
                    id type complaintId subscribedAfter start: subscribedAfter
                    complaint { id trackingNumber status location { lat lng } }
                }
            }""";

    @Autowired EventStream stream;
    @Autowired EventLog eventLog;
    @Autowired SharedSubscriptionEvents.Strategy strategy;
    @Autowired DirectFrames.Targets directFrames;

    @SuppressWarnings("rawtypes")
    private static Flux<Map> events(WebSocketGraphQlTester ws, String after) {
        var request = ws.document(DOCUMENT);
        if (after != null) {
            request = request.variable("after", after);
        }
        return request.executeSubscription().toFlux("complaintEvents", Map.class);
    }

    @SuppressWarnings("rawtypes")
    private static Map eventOf(Queue<Map> received, String complaintId) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            for (Map event : received) {
                if (complaintId.equals(event.get("complaintId"))) {
                    return event;
                }
            }
            Thread.sleep(10);
        }
        throw new AssertionError("no event of " + complaintId + " in " + received);
    }

    @Test
    @SuppressWarnings("rawtypes")
    void subscribersWithTheSameSelectionShareOneExecutionAndKeepTheirOwnStartPoint() throws Exception {
        stream.listening().block(WAIT);
        Staff staff = new Staff(api());
        Api.Resident resident = api().newResident();
        WebSocketGraphQlTester first = api().webSocket(staff.operator().token());
        WebSocketGraphQlTester second = api().webSocket(staff.create("OPERATOR", null).token());
        WebSocketGraphQlTester third = api().webSocket(staff.operator().token());
        try {
            // three subscribers, three start points: fresh, after an id, after a later one
            int before = stream.subscriberCount();
            long startOfFirst = eventLog.lastId().block(WAIT);
            Queue<Map> ofFirst = new ConcurrentLinkedQueue<>();
            Queue<Map> ofSecond = new ConcurrentLinkedQueue<>();
            Queue<Map> ofThird = new ConcurrentLinkedQueue<>();
            events(first, null).subscribe(ofFirst::add);
            Live.awaitMoreSubscribersThan(stream, before);
            Live.submitComplaint(api(), resident.token());
            long startOfSecond = eventLog.lastId().block(WAIT);
            events(second, Long.toString(startOfSecond)).subscribe(ofSecond::add);
            Live.awaitMoreSubscribersThan(stream, before + 1);
            Live.submitComplaint(api(), resident.token());
            long startOfThird = eventLog.lastId().block(WAIT);
            events(third, Long.toString(startOfThird)).subscribe(ofThird::add);
            Live.awaitMoreSubscribersThan(stream, before + 2);

            long executedBefore = strategy.executed.sum();
            long sharedBefore = strategy.shared.sum();
            long framesBefore = SharedFrameEncoder.WRITTEN.sum();
            long writtenBefore = DirectFrames.Writer.WRITTEN.sum();
            long directBefore = strategy.direct.sum();
            String target = Live.submitComplaint(api(), resident.token());
            Map a = eventOf(ofFirst, target);
            Map b = eventOf(ofSecond, target);
            Map c = eventOf(ofThird, target);

            assertThat(a.get("subscribedAfter")).isEqualTo(Long.toString(startOfFirst)).isEqualTo(a.get("start"));
            assertThat(b.get("subscribedAfter")).isEqualTo(Long.toString(startOfSecond)).isEqualTo(b.get("start"));
            assertThat(c.get("subscribedAfter")).isEqualTo(Long.toString(startOfThird)).isEqualTo(c.get("start"));
            for (Map other : new Map[] {b, c}) {
                assertThat(other.get("id")).isEqualTo(a.get("id"));
                assertThat(other.get("complaint")).isEqualTo(a.get("complaint"));
                assertThat(other.keySet()).containsExactlyElementsOf(a.keySet());
            }
            assertThat(((Map<?, ?>) a.get("complaint")).get("id")).isEqualTo(target);
            // one of the three ran the selection, the others were given its result
            assertThat(strategy.shared.sum() - sharedBefore).isGreaterThanOrEqualTo(1);
            assertThat(strategy.executed.sum() - executedBefore).isLessThanOrEqualTo(2);
            // a subscriber given the finished result got it without a graphql-java execution of its own (round 4)
            assertThat(strategy.direct.sum() - directBefore).isGreaterThanOrEqualTo(1);
            // and their frames were written from the pre-encoded result, not by Jackson (ADR 0038, round 3)
            assertThat(SharedFrameEncoder.WRITTEN.sum() - framesBefore).isGreaterThanOrEqualTo(3);
            // and written by Juare to each connection, not by Spring's handler (ADR 0049)
            assertThat(DirectFrames.Writer.WRITTEN.sum() - writtenBefore).isGreaterThanOrEqualTo(3);
        } finally {
            first.stop().block(WAIT);
            second.stop().block(WAIT);
            third.stop().block(WAIT);
        }
    }

    /** juare.events.direct-frames=false (or a server that is not Reactor Netty): the same events through Spring's handler. */
    @Test
    @SuppressWarnings("rawtypes")
    void withDirectFramesOffTheSameEventsComeThroughSpringsHandler() throws Exception {
        stream.listening().block(WAIT);
        Staff staff = new Staff(api());
        Api.Resident resident = api().newResident();
        WebSocketGraphQlTester direct = api().webSocket(staff.operator().token());
        WebSocketGraphQlTester handler = api().webSocket(staff.operator().token());
        try {
            long start = eventLog.lastId().block(WAIT);
            String replayed = Live.submitComplaint(api(), resident.token());
            int before = stream.subscriberCount();
            Queue<Map> ofDirect = new ConcurrentLinkedQueue<>();
            Queue<Map> ofHandler = new ConcurrentLinkedQueue<>();
            events(direct, Long.toString(start)).subscribe(ofDirect::add);
            Live.awaitMoreSubscribersThan(stream, before);
            directFrames.enabled = false;
            events(handler, Long.toString(start)).subscribe(ofHandler::add);
            Live.awaitMoreSubscribersThan(stream, before + 1);
            long throughHandler = SharedFrameEncoder.THROUGH_HANDLER.sum();
            long written = DirectFrames.Writer.WRITTEN.sum();
            String live = Live.submitComplaint(api(), resident.token());

            assertThat(eventOf(ofHandler, replayed)).isEqualTo(eventOf(ofDirect, replayed));
            assertThat(eventOf(ofHandler, live)).isEqualTo(eventOf(ofDirect, live));
            assertThat(DirectFrames.Writer.WRITTEN.sum() - written).as("the direct subscriber's frame").isGreaterThanOrEqualTo(1);
            assertThat(SharedFrameEncoder.THROUGH_HANDLER.sum() - throughHandler).as("the other's, through Spring's handler")
                    .isGreaterThanOrEqualTo(1);
        } finally {
            directFrames.enabled = true;
            direct.stop().block(WAIT);
            handler.stop().block(WAIT);
        }
    }
}
