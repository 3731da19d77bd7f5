package id.go.cilegon.juare.event;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.cilegon.juare.support.Api;
import id.go.cilegon.juare.support.IntegrationTest;
import id.go.cilegon.juare.support.Live;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.WebSocketGraphQlTester;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

/** myComplaintEvents over graphql-ws: live, filtered to the caller, resumable with after. */
class ComplaintEventsTest extends IntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @Autowired
    EventStream stream;

    @Autowired
    EventLog eventLog;

    private String submit(Api.Resident resident) {
        return Live.submitComplaint(api(), resident.token());
    }

    private static Flux<Map> events(WebSocketGraphQlTester tester, String after) {
        return Live.myComplaintEvents(tester, after);
    }

    /** Waits until the server has subscribed one more listener to the hot stream. */
    private void awaitSubscribers(int count) {
        Live.awaitMoreSubscribersThan(stream, count - 1);
    }

    @Test
    void aResidentSeesTheirOwnNewComplaintLiveAndNobodyElses() {
        stream.listening().block(WAIT);
        Api.Resident resident = api().newResident();
        Api.Resident stranger = api().newResident();
        WebSocketGraphQlTester ws = api().webSocket(resident.token());
        int before = stream.subscriberCount();

        StepVerifier.create(events(ws, null).take(1))
                .then(() -> awaitSubscribers(before + 1))
                .then(() -> submit(stranger))
                .then(() -> submit(resident))
                .assertNext(event -> {
                    assertThat(event.get("type")).isEqualTo("SUBMITTED");
                    assertThat(event.get("status")).isEqualTo("SUBMITTED");
                    assertThat(((Map<?, ?>) event.get("complaint")).get("trackingNumber")).isNotNull();
                })
                .expectComplete()
                .verify(WAIT);
        ws.stop().block(WAIT);
    }

    @Test
    void aSubscriberThatDropsAndResumesWithAfterMissesNothingAndSeesNothingTwice() {
        Api.Resident resident = api().newResident();
        WebSocketGraphQlTester ws = api().webSocket(resident.token());
        String first = submit(resident);
        String second = submit(resident);

        // from the start of the log: both, in order
        List<Map> replayed = events(ws, "0").take(2).collectList().block(WAIT);
        assertThat(replayed).extracting(e -> e.get("complaintId")).containsExactly(first, second);
        String lastSeen = (String) replayed.get(1).get("id");

        // while disconnected, more happen; on resume they come first, in order, then the live one
        List<String> missed = new java.util.ArrayList<>();
        for (int i = 0; i < 6; i++) {
            missed.add(submit(resident));
        }
        int before = stream.subscriberCount();
        List<Map> resumed = new java.util.ArrayList<>();
        StepVerifier.create(events(ws, lastSeen).take(7))
                .recordWith(() -> resumed)
                .expectNextCount(6)
                .then(() -> awaitSubscribers(before + 1))
                .then(() -> submit(resident))
                .expectNextCount(1)
                .expectComplete()
                .verify(WAIT);
        assertThat(resumed.subList(0, 6)).extracting(e -> e.get("complaintId")).containsExactlyElementsOf(missed);
        assertThat(resumed).extracting(e -> Long.parseLong((String) e.get("id"))).isSorted().doesNotHaveDuplicates()
                .allSatisfy(id -> assertThat(id).isGreaterThan(Long.parseLong(lastSeen)));
        ws.stop().block(WAIT);
    }

    @Test
    void aSubscriptionStatesWhereItStartedAndGetsWhatFollows() {
        stream.listening().block(WAIT);
        Api.Resident resident = api().newResident();
        WebSocketGraphQlTester ws = api().webSocket(resident.token());
        String before = submit(resident);
        long committedBefore = eventLog.lastId().block(WAIT);

        // without after: it starts at the newest event committed when it was set up, not before what we saw, and
        // its first event is the first of ours after that (complaints are filed until one arrives: the client cannot
        // know when the server has set the subscription up, which is why it states where it started)
        reactor.core.Disposable filing = Flux.interval(Duration.ofMillis(300)).take(30)
                .publishOn(reactor.core.scheduler.Schedulers.boundedElastic())
                .subscribe(tick -> submit(resident));
        Map first = events(ws, null).blockFirst(WAIT);
        filing.dispose();
        long start = Long.parseLong((String) first.get("subscribedAfter"));
        long firstId = Long.parseLong((String) first.get("id"));
        assertThat(start).isGreaterThanOrEqualTo(committedBefore).isLessThan(firstId);
        long firstOfOursAfterStart = db.sql("SELECT min(id) FROM complaint_event WHERE resident_id = :resident"
                        + " AND visible_to_resident AND id > :start")
                .bind("resident", java.util.UUID.fromString(resident.id())).bind("start", start)
                .map(row -> row.get(0, Long.class)).one().block(WAIT);
        assertThat(firstId).isEqualTo(firstOfOursAfterStart);

        // with after: that id, on every event
        List<Map> resumed = events(ws, "0").take(2).collectList().block(WAIT);
        assertThat(resumed).extracting(e -> e.get("subscribedAfter")).containsOnly("0");
        assertThat(resumed.getFirst().get("complaintId")).isEqualTo(before);
        ws.stop().block(WAIT);
    }

    @Test
    void eventsWhoseSelectionNeedsQueriesStillComeInIdOrder() {
        Api.Resident resident = api().newResident();
        for (int i = 0; i < 8; i++) {
            submit(resident);
        }
        WebSocketGraphQlTester ws = api().webSocket(resident.token());
        // each event's photos, timeline and category are read apart: without ordering, a quick one overtakes
        List<Long> ids = ws.document("""
                        subscription {
                            myComplaintEvents(after: "0") {
                                id
                                complaint { category { nameId } photos { id } timeline { id message } kelurahan { name } }
                            }
                        }""")
                .executeSubscription().toFlux("myComplaintEvents", Map.class)
                .take(8)
                .map(e -> Long.parseLong((String) e.get("id")))
                .collectList()
                .block(WAIT);
        assertThat(ids).hasSize(8).isSorted().doesNotHaveDuplicates();
        ws.stop().block(WAIT);
    }

    @Test
    void anonymousSubscriptionsAreRefusedWithACode() {
        WebSocketGraphQlTester ws = api().webSocket(null);
        StepVerifier.create(events(ws, null))
                .expectErrorSatisfies(error -> assertThat(error.toString()).contains("UNAUTHENTICATED"))
                .verify(WAIT);
        ws.stop().block(WAIT);
    }
}
