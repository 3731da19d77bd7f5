package id.go.cilegon.juare.complaint;

import static id.go.cilegon.juare.support.Api.operation;
import static org.assertj.core.api.Assertions.assertThat;

import id.go.cilegon.juare.event.EventStream;
import id.go.cilegon.juare.support.Api;
import id.go.cilegon.juare.support.IntegrationTest;
import id.go.cilegon.juare.support.Live;
import id.go.cilegon.juare.support.Staff;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.WebSocketGraphQlTester;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

/** complaintEvents for staff: operators see everything, an OPD its own; filters; resume with after. */
class StaffEventsTest extends IntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(15);

    @Autowired
    EventStream stream;

    @SuppressWarnings("rawtypes")
    private static Flux<Map> events(WebSocketGraphQlTester ws, Map<String, Object> filter, String after) {
        var request = operation(ws, "ComplaintEvents");
        if (filter != null) {
            request = request.variable("filter", filter);
        }
        if (after != null) {
            request = request.variable("after", after);
        }
        return request.executeSubscription().toFlux("complaintEvents", Map.class);
    }

    private void dispatch(Staff.Member operator, String id, String opd) {
        operation(api().as(operator.token()), "Dispatch").variable("input", Map.of("complaintId", id, "opdCode", opd)).execute()
                .path("dispatch.errors").entityList(Object.class).hasSize(0);
    }

    @Test
    void anOpdSeesOnlyItsOwnComplaintsEventsAndAnOperatorSeesAll() {
        Staff staff = new Staff(api());
        Staff.Member operator = staff.operator();
        Staff.Member dlh = staff.responder("DLH");
        Api.Resident resident = api().newResident();
        String toDishub = Live.submitComplaint(api(), resident.token());
        String toDlh = Live.submitComplaint(api(), resident.token());
        long start = db.sql("SELECT coalesce(max(id), 0) FROM complaint_event").map(row -> row.get(0, Long.class)).one().block();
        dispatch(operator, toDishub, "DISHUB");
        dispatch(operator, toDlh, "DLH");

        // replayed from the log: DLH's responder gets only its own DISPATCHED
        WebSocketGraphQlTester dlhSocket = api().webSocket(dlh.token());
        List<Map> seen = events(dlhSocket, Map.of("types", List.of("DISPATCHED")), Long.toString(start)).take(1).collectList().block(WAIT);
        assertThat(seen).singleElement().satisfies(e -> {
            assertThat(e.get("complaintId")).isEqualTo(toDlh);
            assertThat(e.get("opdCode")).isEqualTo("DLH");
        });
        dlhSocket.stop().block(WAIT);

        // the operator sees both, live after the replay, in order
        WebSocketGraphQlTester operatorSocket = api().webSocket(operator.token());
        List<Map> all = events(operatorSocket, Map.of("types", List.of("DISPATCHED")), Long.toString(start))
                .filter(e -> List.of(toDishub, toDlh).contains(e.get("complaintId")))
                .take(2).collectList().block(WAIT);
        assertThat(all).extracting(e -> e.get("complaintId")).containsExactly(toDishub, toDlh);
        operatorSocket.stop().block(WAIT);
    }

    @Test
    void residentsCannotSubscribeToStaffEvents() {
        Api.Resident resident = api().newResident();
        WebSocketGraphQlTester ws = api().webSocket(resident.token());
        StepVerifier.create(events(ws, null, null))
                .expectErrorSatisfies(error -> assertThat(error.toString()).contains("FORBIDDEN"))
                .verify(WAIT);
        ws.stop().block(WAIT);
    }

    @Test
    void liveEventsReachAnOperatorAsTheyHappen() {
        stream.listening().block(WAIT);
        Staff.Member operator = new Staff(api()).operator();
        Api.Resident resident = api().newResident();
        WebSocketGraphQlTester ws = api().webSocket(operator.token());
        int before = stream.subscriberCount();
        // a place of its own, known before the complaint exists, picks our event out of everyone else's
        double lat = -6.035 + java.util.concurrent.ThreadLocalRandom.current().nextDouble(-0.001, 0.001);
        Map<String, Object> input = new java.util.HashMap<>(id.go.cilegon.juare.support.Api.complaintInput(
                id.go.cilegon.juare.support.Api.newRequestId(), List.of()));
        input.put("location", Map.of("lat", lat, "lng", 106.04035));
        StepVerifier.create(events(ws, Map.of("types", List.of("SUBMITTED")), null)
                        .filter(e -> ((Number) ((Map<?, ?>) ((Map<?, ?>) e.get("complaint")).get("location")).get("lat")).doubleValue() == lat)
                        .take(1))
                .then(() -> Live.awaitMoreSubscribersThan(stream, before))
                .then(() -> operation(api().as(resident.token()), "SubmitComplaint").variable("input", input).execute()
                        .path("submitComplaint.errors").entityList(Object.class).hasSize(0))
                .assertNext(e -> assertThat(e.get("type")).isEqualTo("SUBMITTED"))
                .expectComplete()
                .verify(WAIT);
        ws.stop().block(WAIT);
    }
}
