package id.go.cilegon.juare.complaint;

import static id.go.cilegon.juare.support.Api.operation;
import static org.assertj.core.api.Assertions.assertThat;

import id.go.cilegon.juare.support.Api;
import id.go.cilegon.juare.support.IntegrationTest;
import id.go.cilegon.juare.support.Live;
import id.go.cilegon.juare.support.Staff;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.WebSocketGraphQlTester;

/** latestComplaintEventId: where a staff subscriber that has seen nothing starts complaintEvents without a gap. */
class LatestEventIdTest extends IntegrationTest {

    @Test
    void subscribingAfterTheLatestIdGetsEverythingThatHappensNextAndNothingBefore() {
        Staff.Member operator = new Staff(api()).operator();
        Api.Resident resident = api().newResident();
        String before = Live.submitComplaint(api(), resident.token());
        String latest = operation(api().as(operator.token()), "LatestComplaintEventId").execute()
                .path("latestComplaintEventId").entity(String.class).get();
        long newestInLog = db.sql("SELECT max(id) FROM complaint_event").map(row -> row.get(0, Long.class)).one().block();
        assertThat(Long.parseLong(latest)).isEqualTo(newestInLog);

        // an event between the query and the subscription is not lost
        String after = Live.submitComplaint(api(), resident.token());
        WebSocketGraphQlTester socket = api().webSocket(operator.token());
        @SuppressWarnings("rawtypes")
        List<Map> seen = operation(socket, "ComplaintEvents").variable("after", latest)
                .executeSubscription().toFlux("complaintEvents", Map.class)
                .take(1).collectList().block(Duration.ofSeconds(15));
        assertThat(seen).singleElement().satisfies(e -> {
            assertThat(e.get("complaintId")).isEqualTo(after).isNotEqualTo(before);
            assertThat(Long.parseLong((String) e.get("id"))).isGreaterThan(Long.parseLong(latest));
        });
        socket.stop().block(Duration.ofSeconds(15));
    }

    @Test
    void onlyStaffMayAsk() {
        Api.Resident resident = api().newResident();
        operation(api().as(resident.token()), "LatestComplaintEventId").execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(e -> assertThat(e.getExtensions()).containsEntry("code", "FORBIDDEN")));
        operation(api().anonymous(), "LatestComplaintEventId").execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(e -> assertThat(e.getExtensions()).containsEntry("code", "UNAUTHENTICATED")));
    }
}
