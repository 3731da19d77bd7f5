package id.go.cilegon.juare.hostile;

import static id.go.cilegon.juare.support.Api.complaintInput;
import static id.go.cilegon.juare.support.Api.newRequestId;
import static id.go.cilegon.juare.support.Api.operation;
import static org.assertj.core.api.Assertions.assertThat;

import id.go.cilegon.juare.support.Api;
import id.go.cilegon.juare.support.IntegrationTest;
import id.go.cilegon.juare.support.Staff;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import reactor.core.publisher.Mono;

/**
 * Issue 12, "one lifecycle definition": a move that used the screens' different ideas of "overdue". A template reply
 * (ADR 0018) moves a complaint to IN_PROGRESS without stopping its reply clock; the clock job and the command-centre
 * counters looked for a running reply clock only in DISPATCHED and REOPENED, so "okokok…" took a late reply off the
 * counters and spared the OPD its escalation while the complaint's own page said "overdue". With one definition (the
 * clocks run at an OPD), every screen says the same.
 */
@Tag("hostile")
class LifecycleHostileTest extends IntegrationTest {

    /** An OPD no other test uses, so that its counts move only with this test. */
    private static final String OPD = "KEC-CIWANDAN";

    @Autowired
    ApplicationContext context;

    @Test
    void aTemplateReplyDoesNotTakeALateReplyOffAnyScreen() throws Exception {
        Staff staff = new Staff(api());
        Staff.Member operator = staff.operator();
        Staff.Member responder = staff.create("OPD_RESPONDER", OPD);
        Api.Resident resident = api().newResident();
        String id = operation(api().as(resident.token()), "SubmitComplaint")
                .variable("input", complaintInput(newRequestId(), List.of())).execute()
                .path("submitComplaint.complaint.id").entity(String.class).get();
        operation(api().as(operator.token()), "Dispatch")
                .variable("input", Map.of("complaintId", id, "opdCode", OPD)).execute()
                .path("dispatch.errors").entityList(Object.class).hasSize(0);
        operation(api().as(responder.token()), "Reply")
                .variable("input", Map.of("complaintId", id, "message", "okokokokokokokokokok")).execute()
                .path("reply.errors").entityList(Object.class).hasSize(0)
                .path("reply.complaint.status").entity(String.class).isEqualTo("IN_PROGRESS")
                .path("reply.complaint.firstReplyAt").valueIsNull();
        int countedBefore = replyOverdueCount(operator);

        // the reply deadline passes with no real reply
        db.sql("UPDATE complaint SET reply_due_at = now() - interval '1 minute' WHERE id = :id")
                .bind("id", UUID.fromString(id)).then().block();

        boolean detail = operation(api().as(operator.token()), "StaffComplaintDetail").variable("id", id).execute()
                .path("complaint.replyOverdue").entity(Boolean.class).get();
        int counted = replyOverdueCount(operator) - countedBefore;
        boolean queue = operation(api().as(responder.token()), "OpdQueue").variable("first", 50).execute()
                .path("opdQueue.edges[*].node").entityList(Map.class).get().stream()
                .filter(node -> id.equals(node.get("id"))).map(node -> (Boolean) node.get("replyOverdue"))
                .findFirst().orElseThrow();
        int overdueNow = ((Number) operation(api().as(operator.token()), "OpdScorecard")
                .variable("opdCode", OPD).variable("period", Map.of("kind", "TODAY")).execute()
                .path("opdScorecard.figures.overdueNow").entity(Object.class).get()).intValue();
        runClockJob();
        long marked = db.sql("SELECT count(*) FROM complaint_event WHERE complaint_id = :id AND type = 'REPLY_OVERDUE'")
                .bind("id", UUID.fromString(id)).map(row -> row.get(0, Long.class)).one().block();

        System.out.println("HOSTILE lifecycle template-reply-then-late: detail=" + detail + " queue=" + queue
                + " commandCentreCounter=+" + counted + " scorecardOverdueNow=" + overdueNow + " clockJobMarks=" + marked);
        assertThat(detail).as("the complaint's page").isTrue();
        assertThat(queue).as("the OPD's queue").isTrue();
        assertThat(counted).as("the command centre's reply-overdue counter").isEqualTo(1);
        assertThat(overdueNow).as("the ranking's overdue now").isPositive();
        assertThat(marked).as("the clock job's REPLY_OVERDUE (and escalation)").isEqualTo(1);
    }

    private int replyOverdueCount(Staff.Member operator) {
        return operation(api().as(operator.token()), "ComplaintCounts")
                .variable("filter", Map.of("opdCodes", List.of(OPD))).execute()
                .path("complaintCounts.replyOverdue").entity(Integer.class).get();
    }

    /** The clock job is off in tests (juare.clocks.enabled=false) and internal to its module: one run, as it would. */
    private void runClockJob() throws Exception {
        Object job = context.getBean("clockJob");
        Method runOnce = job.getClass().getDeclaredMethod("runOnce");
        runOnce.setAccessible(true);
        ((Mono<?>) runOnce.invoke(job)).block();
    }
}
