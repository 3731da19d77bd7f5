package id.go.cilegon.juare.support;

import static id.go.cilegon.juare.support.Api.complaintInput;
import static id.go.cilegon.juare.support.Api.newRequestId;
import static id.go.cilegon.juare.support.Api.operation;

import id.go.cilegon.juare.event.EventStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.graphql.test.tester.WebSocketGraphQlTester;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

/** Helpers for tests of live events. */
public final class Live {

    private Live() {
    }

    /** The MyComplaintEvents subscription, resumed after an id when one is given. */
    @SuppressWarnings("rawtypes")
    public static Flux<Map> myComplaintEvents(WebSocketGraphQlTester ws, String after) {
        var request = operation(ws, "MyComplaintEvents");
        if (after != null) {
            request = request.variable("after", after);
        }
        return request.executeSubscription().toFlux("myComplaintEvents", Map.class);
    }

    /** Waits (on the event, not a clock) until the stream has more than {@code count} subscribers. */
    public static void awaitMoreSubscribersThan(EventStream stream, int count) {
        StepVerifier.create(Flux.interval(Duration.ofMillis(10))
                        .filter(tick -> stream.subscriberCount() > count)
                        .next())
                .expectNextCount(1)
                .verifyComplete();
    }

    /** Files a valid complaint as this resident; returns its id. */
    public static String submitComplaint(Api api, String token) {
        return operation(api.as(token), "SubmitComplaint")
                .variable("input", complaintInput(newRequestId(), List.of()))
                .execute()
                .path("submitComplaint.errors").entityList(Object.class).hasSize(0)
                .path("submitComplaint.complaint.id").entity(String.class).get();
    }
}
