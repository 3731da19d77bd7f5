package id.go.cilegon.juare.staff;

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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.WebSocketGraphQlTester;

/**
 * The staff dashboard's service account from {@code juare.staff.dashboard-password} (set in application-test):
 * a MAYOR that signs in, reads every live event, changes nothing, is on no duty list, and is put back as configured
 * at the next start.
 */
class DashboardAccountTest extends IntegrationTest {

    private static final String USERNAME = "dashboard";
    private static final String PASSWORD = "dashboard-test-password";

    @Autowired
    @Qualifier("dashboardAccount")
    ApplicationRunner dashboardAccount;

    private Staff staff() {
        return new Staff(api());
    }

    private String login() {
        GraphQlTester.Response login = staff().login(USERNAME, PASSWORD);
        login.path("login.errors").entityList(Object.class).hasSize(0)
                .path("login.account.role").entity(String.class).isEqualTo("MAYOR")
                .path("login.account.opd").valueIsNull();
        return login.path("login.session.accessToken").entity(String.class).get();
    }

    @Test
    void theDashboardSignsInAsAMayorAndSeesEveryEventLive() {
        String token = login();
        Staff.Member operator = staff().operator();
        Api.Resident resident = api().newResident();
        String complaint = Live.submitComplaint(api(), resident.token());
        long start = db.sql("SELECT coalesce(max(id), 0) FROM complaint_event").map(row -> row.get(0, Long.class)).one().block();
        operation(api().as(operator.token()), "Dispatch").variable("input", Map.of("complaintId", complaint, "opdCode", "DLH")).execute()
                .path("dispatch.errors").entityList(Object.class).hasSize(0);

        WebSocketGraphQlTester socket = api().webSocket(token);
        @SuppressWarnings("rawtypes")
        List<Map> seen = operation(socket, "ComplaintEvents").variable("after", Long.toString(start))
                .executeSubscription().toFlux("complaintEvents", Map.class)
                .filter(e -> complaint.equals(e.get("complaintId")))
                .take(1).collectList().block(Duration.ofSeconds(15));
        assertThat(seen).singleElement().satisfies(e -> assertThat(e.get("type")).isEqualTo("DISPATCHED"));
        socket.stop().block(Duration.ofSeconds(15));
    }

    @Test
    void theDashboardChangesNothingAndIsOnNoShift() {
        String token = login();
        Api.Resident resident = api().newResident();
        String complaint = Live.submitComplaint(api(), resident.token());
        operation(api().as(token), "Dispatch").variable("input", Map.of("complaintId", complaint, "opdCode", "DLH")).execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(e -> assertThat(e.getExtensions()).containsEntry("code", "FORBIDDEN")));
        assertThat(db.sql("SELECT count(*) FROM staff WHERE username = :u AND role = 'MAYOR' AND shift IS NULL")
                .bind("u", USERNAME).map(row -> row.get(0, Long.class)).one().block()).isEqualTo(1L);
        operation(api().as(staff().adminToken()), "CommandCentre").execute()
                .path("commandCentre.onDuty[*].username").entityList(String.class).doesNotContain(USERNAME);
    }

    @Test
    void theNextStartPutsTheAccountBackAsConfigured() throws Exception {
        String id = operation(api().as(staff().adminToken()), "StaffAccounts").execute()
                .path("staffAccounts[?(@.username == '" + USERNAME + "')].id").entityList(String.class).hasSize(1).get().getFirst();
        operation(api().as(staff().adminToken()), "UpdateStaffAccount")
                .variable("input", Map.of("id", id, "role", "OPERATOR", "shift", "PAGI", "password", "something-else-entirely",
                        "active", false))
                .execute()
                .path("updateStaffAccount.errors").entityList(Object.class).hasSize(0);
        staff().login(USERNAME, PASSWORD).path("login.errors[0].code").entity(String.class).isEqualTo("INVALID_CREDENTIALS");

        dashboardAccount.run(new DefaultApplicationArguments());

        login();
        assertThat(db.sql("SELECT count(*) FROM staff WHERE username = :u").bind("u", USERNAME)
                .map(row -> row.get(0, Long.class)).one().block()).isEqualTo(1L);
    }
}
