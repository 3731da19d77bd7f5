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

        // while disconnected, two more happen; on resume they come first, then the live one
        String third = submit(resident);
        String fourth = submit(resident);
        int before = stream.subscriberCount();
        StepVerifier.create(events(ws, lastSeen).take(3))
                .assertNext(e -> assertThat(e.get("complaintId")).isEqualTo(third))
                .assertNext(e -> assertThat(e.get("complaintId")).isEqualTo(fourth))
                .then(() -> awaitSubscribers(before + 1))
                .then(() -> submit(resident))
                .assertNext(e -> assertThat(Long.parseLong((String) e.get("id"))).isGreaterThan(Long.parseLong(lastSeen)))
                .expectComplete()
                .verify(WAIT);
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
