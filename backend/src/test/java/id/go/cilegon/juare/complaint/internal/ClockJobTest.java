package id.go.cilegon.juare.complaint.internal;

import static id.go.cilegon.juare.support.Api.complaintInput;
import static id.go.cilegon.juare.support.Api.newRequestId;
import static id.go.cilegon.juare.support.Api.operation;
import static org.assertj.core.api.Assertions.assertThat;

import id.go.cilegon.juare.event.EventType;
import id.go.cilegon.juare.support.Api;
import id.go.cilegon.juare.support.Images;
import id.go.cilegon.juare.support.IntegrationTest;
import id.go.cilegon.juare.support.SecondInstance;
import id.go.cilegon.juare.support.Staff;
import id.go.cilegon.juare.support.TestData;
import id.go.cilegon.juare.support.WhatsAppStub;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import reactor.core.publisher.Flux;

/** Breached clocks become events exactly once, even with two instances running the job; unanswered resolutions close. */
class ClockJobTest extends IntegrationTest {

    private static ConfigurableApplicationContext second;

    @Autowired ClockJob clockJob;

    @BeforeAll
    static void startSecondInstance() {
        second = SecondInstance.start();
    }

    @AfterAll
    static void stopSecondInstance() {
        if (second != null) {
            second.close();
        }
    }

    private String dispatched(Api.Resident resident, Staff.Member operator, String opd) {
        String id = operation(api().as(resident.token()), "SubmitComplaint")
                .variable("input", complaintInput(newRequestId(), List.of()))
                .execute()
                .path("submitComplaint.complaint.id").entity(String.class).get();
        operation(api().as(operator.token()), "Dispatch")
                .variable("input", Map.of("complaintId", id, "opdCode", opd))
                .execute()
                .path("dispatch.errors").entityList(Object.class).hasSize(0);
        return id;
    }

    private void shift(String id, String sql) {
        db.sql("UPDATE complaint SET " + sql + " WHERE id = :id").bind("id", UUID.fromString(id)).then().block();
    }

    private long events(String id, String type) {
        return db.sql("SELECT count(*) FROM complaint_event WHERE complaint_id = :id AND type = :type")
                .bind("id", UUID.fromString(id)).bind("type", type)
                .map(row -> row.get(0, Long.class)).one().block();
    }

    private List<String> outboxPhonesMasked(String id, String kind) {
        return db.sql("SELECT phone_masked FROM notification_outbox WHERE complaint_id = :id AND kind = :kind ORDER BY id")
                .bind("id", UUID.fromString(id)).bind("kind", kind)
                .map(row -> row.get(0, String.class)).all().collectList().block();
    }

    @Test
    void aBreachedReplyClockIsRecordedOnceAcrossTwoInstancesAndEscalated() {
        Staff staff = new Staff(api());
        String headPhone = TestData.phone();
        staff.create("OPD_HEAD", "DISPERINDAG", headPhone);
        String id = dispatched(api().newResident(), staff.operator(), "DISPERINDAG");
        shift(id, "reply_due_at = now() - interval '1 minute'");

        ClockJob otherJob = second.getBean(ClockJob.class);
        // both instances run at once, several times: the lock lets one in, the guard keeps it to one event anyway
        Flux.merge(clockJob.runOnce(), otherJob.runOnce(), clockJob.runOnce(), otherJob.runOnce())
                .collectList()
                .block(Duration.ofSeconds(30));

        assertThat(events(id, "REPLY_OVERDUE")).isEqualTo(1);
        assertThat(events(id, "FIX_OVERDUE")).isZero();
        // the OPD head and the command centre are told, once each
        String head = TestData.e164(headPhone);
        assertThat(outboxPhonesMasked(id, "REPLY_OVERDUE")).containsExactlyInAnyOrder(
                head.substring(0, 6) + "•".repeat(head.length() - 9) + head.substring(head.length() - 3),
                "+62811•••••001");

        // running again changes nothing
        clockJob.runOnce().block();
        assertThat(events(id, "REPLY_OVERDUE")).isEqualTo(1);
    }

    @Test
    void theGuardAloneKeepsABreachToOneEventWhenTwoMarkItTogether() {
        LifecycleService lifecycle = second.getBean(LifecycleService.class);
        ComplaintRepository complaints = second.getBean(ComplaintRepository.class);
        String id = dispatched(api().newResident(), new Staff(api()).operator(), "DLH");
        shift(id, "fix_due_at = now() - interval '1 minute'");
        var complaint = complaints.findById(UUID.fromString(id)).block();

        Flux.merge(lifecycle.markOverdue(complaint, EventType.FIX_OVERDUE),
                        lifecycle.markOverdue(complaint, EventType.FIX_OVERDUE),
                        lifecycle.markOverdue(complaint, EventType.FIX_OVERDUE))
                .collectList()
                .block(Duration.ofSeconds(30));

        assertThat(events(id, "FIX_OVERDUE")).isEqualTo(1);
    }

    @Test
    void aResolutionTheResidentLeavesUnansweredClosesByItself() {
        Staff staff = new Staff(api());
        Staff.Member responder = staff.responder("DPUPR");
        String id = dispatched(api().newResident(), staff.operator(), "DPUPR");
        String photo = api().uploadedPhotoId(responder.token(), Images.jpeg(100, 100));
        operation(api().as(responder.token()), "Resolve")
                .variable("input", Map.of("complaintId", id, "note", "Selesai diperbaiki pagi ini.", "afterPhotoIds", List.of(photo)))
                .execute()
                .path("resolve.errors").entityList(Object.class).hasSize(0);

        clockJob.runOnce().block();
        assertThat(events(id, "AUTO_CLOSED")).as("not yet: five days to answer").isZero();

        shift(id, "resolved_at = now() - interval '5 days 1 minute'");
        clockJob.runOnce().block();
        assertThat(events(id, "AUTO_CLOSED")).isEqualTo(1);
        Map<String, Object> row = db.sql("SELECT status, auto_closed FROM complaint WHERE id = :id")
                .bind("id", UUID.fromString(id)).fetch().one().block();
        assertThat(row).containsEntry("status", "CLOSED").containsEntry("auto_closed", true);
        assertThat(outboxPhonesMasked(id, "CLOSED")).hasSize(1);
    }
}
