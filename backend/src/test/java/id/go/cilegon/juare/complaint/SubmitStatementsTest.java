package id.go.cilegon.juare.complaint;

import static id.go.cilegon.juare.support.Api.complaintInput;
import static id.go.cilegon.juare.support.Api.newRequestId;
import static id.go.cilegon.juare.support.Api.operation;
import static org.assertj.core.api.Assertions.assertThat;

import id.go.cilegon.juare.support.Api;
import id.go.cilegon.juare.support.Images;
import id.go.cilegon.juare.support.IntegrationTest;
import id.go.cilegon.juare.support.StatementLog;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.test.util.ReflectionTestUtils;

/**
 * What one submitComplaint sends to PostgreSQL (issue 15, ADR 0040): without photos, one statement on its own (no
 * BEGIN/COMMIT) that stores the complaint and appends SUBMITTED; a retry, that statement storing nothing and one
 * look-up with the photos; with photos, the same statement attaching them too, in a transaction that a photo not
 * attached rolls back. A regression adds a line here.
 */
class SubmitStatementsTest extends IntegrationTest {

    @Autowired ApplicationContext context;

    @AfterEach
    void oneStatementAgain() {
        oneStatement(true);
    }

    private GraphQlTester.Response submit(String token, Map<String, Object> input) {
        return operation(api().as(token), "SubmitComplaint").variable("input", input).execute();
    }

    private long submittedEvents(String complaintId) {
        return db.sql("SELECT count(*) FROM complaint_event WHERE complaint_id = :id AND type = 'SUBMITTED'")
                .bind("id", UUID.fromString(complaintId)).map(row -> row.get(0, Long.class)).one().block();
    }

    /** The account check is cached for a few seconds: the first request of a resident looks it up, later ones do not. */
    private Api.Resident residentWithWarmAccountCheck() {
        Api.Resident resident = api().newResident();
        submit(resident.token(), complaintInput(newRequestId(), List.of())).path("submitComplaint.errors").entityList(Object.class).hasSize(0);
        return resident;
    }

    @Test
    void aComplaintWithoutPhotosIsOneStatementWithItsEventAndARetryTwo() {
        Api.Resident resident = residentWithWarmAccountCheck();
        String requestId = newRequestId();
        try (StatementLog log = StatementLog.start(context)) {
            GraphQlTester.Response filed = submit(resident.token(), complaintInput(requestId, List.of()));

            filed.path("submitComplaint.errors").entityList(Object.class).hasSize(0);
            filed.path("submitComplaint.complaint.photos").entityList(Object.class).hasSize(0);
            String id = filed.path("submitComplaint.complaint.id").entity(String.class).get();
            assertThat(log.lines()).as("one statement, no transaction around it").hasSize(1);
            assertThat(log.sent().getFirst().sql())
                    .contains("INSERT INTO complaint (").contains("INSERT INTO complaint_event").doesNotContain("BEGIN");
            assertThat(submittedEvents(id)).isEqualTo(1);

            log.clear();
            GraphQlTester.Response retried = submit(resident.token(), complaintInput(requestId, List.of()));

            retried.path("submitComplaint.complaint.id").entity(String.class).isEqualTo(id);
            retried.path("submitComplaint.complaint.photos").entityList(Object.class).hasSize(0);
            assertThat(log.lines()).as("the insert that stores nothing, then the complaint with its photos").hasSize(2);
            assertThat(log.sent().get(1).sql()).contains("FROM complaint c").contains("photo_arrays");
            assertThat(submittedEvents(id)).isEqualTo(1);
        }
    }

    @Test
    void aRefusedRequestWhoseIdFiledAnotherComplaintIsAReusedKey() {
        Api.Resident resident = api().newResident();
        String requestId = newRequestId();
        submit(resident.token(), complaintInput(requestId, List.of())).path("submitComplaint.errors").entityList(Object.class).hasSize(0);
        Map<String, Object> tooShort = new HashMap<>(complaintInput(requestId, List.of()));
        tooShort.put("description", "pendek");

        submit(resident.token(), tooShort).path("submitComplaint.errors[0].code").entity(String.class).isEqualTo("IDEMPOTENCY_KEY_REUSED");
        tooShort.put("clientRequestId", newRequestId());
        submit(resident.token(), tooShort).path("submitComplaint.errors[0].code").entity(String.class).isEqualTo("DESCRIPTION_LENGTH");
    }

    @Test
    void aComplaintWithPhotosIsOneStatementInATransaction() {
        Api.Resident resident = residentWithWarmAccountCheck();
        String photo1 = api().uploadedPhotoId(resident.token(), Images.jpeg(640, 480));
        String photo2 = api().uploadedPhotoId(resident.token(), Images.png(300, 400));
        try (StatementLog log = StatementLog.start(context)) {
            GraphQlTester.Response filed = submit(resident.token(), complaintInput(newRequestId(), List.of(photo1, photo2)));

            filed.path("submitComplaint.complaint.photos[*].id").entityList(String.class).containsExactly(photo1, photo2);
            filed.path("submitComplaint.complaint.photos[0].width").entity(Integer.class).isEqualTo(640);
            filed.path("submitComplaint.complaint.photos[1].kind").entity(String.class).isEqualTo("EVIDENCE");
            List<String> lines = log.sent().stream().map(StatementLog.Sent::sql).toList();
            assertThat(lines).satisfiesExactly(
                    begin -> assertThat(begin).isEqualTo("BEGIN"),
                    all -> assertThat(all).contains("INSERT INTO complaint (").contains("UPDATE photo").contains("INSERT INTO complaint_event"),
                    commit -> assertThat(commit).isEqualTo("COMMIT"));
            assertThat(submittedEvents(filed.path("submitComplaint.complaint.id").entity(String.class).get())).isEqualTo(1);
        }
    }

    @Test
    void aPhotoThatCannotBeAttachedRollsTheStatementBack() {
        Api.Resident resident = residentWithWarmAccountCheck();
        String photo = api().uploadedPhotoId(resident.token(), Images.jpeg(640, 480));
        String requestId = newRequestId();
        try (StatementLog log = StatementLog.start(context)) {
            submit(resident.token(), complaintInput(requestId, List.of(photo, UUID.randomUUID().toString())))
                    .path("submitComplaint.errors[0].code").entity(String.class).isEqualTo("PHOTO_NOT_FOUND");

            assertThat(log.sent().stream().map(StatementLog.Sent::sql)).contains("ROLLBACK").doesNotContain("COMMIT");
        }
        assertThat(db.sql("SELECT count(*) FROM complaint WHERE client_request_id = :r").bind("r", requestId)
                .map(row -> row.get(0, Long.class)).one().block()).isZero();
        assertThat(db.sql("SELECT complaint_id FROM photo WHERE id = :id").bind("id", UUID.fromString(photo))
                .map(row -> java.util.Optional.ofNullable(row.get(0, UUID.class))).one().block()).isEmpty();
        // the photo is still free: the same request with it alone files
        submit(resident.token(), complaintInput(requestId, List.of(photo)))
                .path("submitComplaint.complaint.photos[*].id").entityList(String.class).containsExactly(photo);
    }

    @Test
    void theOneStatementAnswersAsTheTransactionDid() {
        Api.Resident resident = residentWithWarmAccountCheck();
        GraphQlTester.Response one = submit(resident.token(), complaintInput(newRequestId(), List.of()));
        oneStatement(false);
        GraphQlTester.Response transaction = submit(resident.token(), complaintInput(newRequestId(), List.of()));

        Map<String, Object> a = new HashMap<>(one.path("submitComplaint.complaint").entity(Map.class).get());
        Map<String, Object> b = new HashMap<>(transaction.path("submitComplaint.complaint").entity(Map.class).get());
        for (String differs : List.of("id", "trackingNumber", "createdAt", "updatedAt")) {
            assertThat(a.remove(differs)).isNotNull();
            assertThat(b.remove(differs)).isNotNull();
        }
        assertThat(a).isEqualTo(b);
        assertThat(submittedEvents(one.path("submitComplaint.complaint.id").entity(String.class).get())).isEqualTo(1);
    }

    private void oneStatement(boolean on) {
        try {
            Object service = context.getBean(Class.forName("id.go.cilegon.juare.complaint.internal.ComplaintService"));
            ReflectionTestUtils.setField(service, "oneStatement", on);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
