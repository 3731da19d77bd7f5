package id.go.cilegon.juare.complaint;

import static id.go.cilegon.juare.support.Api.complaintInput;
import static id.go.cilegon.juare.support.Api.newRequestId;
import static id.go.cilegon.juare.support.Api.operation;
import static org.assertj.core.api.Assertions.assertThat;

import id.go.cilegon.juare.support.Api;
import id.go.cilegon.juare.support.Images;
import id.go.cilegon.juare.support.IntegrationTest;
import id.go.cilegon.juare.support.Staff;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.GraphQlTester;

/** The whole loop and each transition, over real HTTP against PostgreSQL, with the roles that may do them. */
class LifecycleTest extends IntegrationTest {

    private Staff staff() {
        return new Staff(api());
    }

    private String submit(Api.Resident resident) {
        return operation(api().as(resident.token()), "SubmitComplaint")
                .variable("input", complaintInput(newRequestId(), List.of()))
                .execute()
                .path("submitComplaint.complaint.id").entity(String.class).get();
    }

    private String submitAt(Api.Resident resident, double lat, double lng) {
        Map<String, Object> complaint = new HashMap<>(complaintInput(newRequestId(), List.of()));
        complaint.put("location", Map.of("lat", lat, "lng", lng));
        return operation(api().as(resident.token()), "SubmitComplaint")
                .variable("input", complaint)
                .execute()
                .path("submitComplaint.complaint.id").entity(String.class).get();
    }

    static Map<String, Object> input(Object... pairs) {
        Map<String, Object> input = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            input.put((String) pairs[i], pairs[i + 1]);
        }
        return input;
    }

    private GraphQlTester.Response act(String token, String operation, Map<String, Object> input) {
        return operation(api().as(token), operation).variable("input", input).execute();
    }

    private static String field(String operation) {
        return Character.toLowerCase(operation.charAt(0)) + operation.substring(1);
    }

    private GraphQlTester.Response ok(String token, String operation, Map<String, Object> input) {
        GraphQlTester.Response response = act(token, operation, input);
        response.path(field(operation) + ".errors").entityList(Object.class).hasSize(0);
        return response;
    }

    private void fails(String token, String operation, Map<String, Object> input, String code) {
        act(token, operation, input).path(field(operation) + ".errors[0].code").entity(String.class).isEqualTo(code);
    }

    private void forbidden(String token, String operation, Map<String, Object> input) {
        act(token, operation, input).errors().satisfy(errors -> assertThat(errors).singleElement()
                .satisfies(e -> assertThat(e.getExtensions()).containsEntry("code", "FORBIDDEN")));
    }

    /**
     * Whether a queue lists the complaint on any page: other tests' complaints (load-test data among them) may come
     * before it in the shared database.
     */
    private boolean inQueue(String token, String queue, String id) {
        String field = Character.toLowerCase(queue.charAt(0)) + queue.substring(1);
        String after = null;
        while (true) {
            GraphQlTester.Request<?> request = operation(api().as(token), queue).variable("first", 100);
            if (after != null) {
                request = request.variable("after", after);
            }
            GraphQlTester.Response page = request.execute();
            if (page.path(field + ".edges[*].node.id").entityList(String.class).get().contains(id)) {
                return true;
            }
            if (!page.path(field + ".pageInfo.hasNextPage").entity(Boolean.class).get()) {
                return false;
            }
            after = page.path(field + ".pageInfo.endCursor").entity(String.class).get();
        }
    }

    private GraphQlTester.Response detail(String token, String id) {
        return operation(api().as(token), "StaffComplaintDetail").variable("id", id).execute();
    }

    private List<String> outboxKinds(String complaintId) {
        return db.sql("SELECT kind FROM notification_outbox WHERE complaint_id = :id ORDER BY id")
                .bind("id", UUID.fromString(complaintId))
                .map(row -> row.get(0, String.class))
                .all().collectList().block();
    }

    private List<String> eventTypes(String complaintId) {
        return db.sql("SELECT type FROM complaint_event WHERE complaint_id = :id ORDER BY id")
                .bind("id", UUID.fromString(complaintId))
                .map(row -> row.get(0, String.class))
                .all().collectList().block();
    }

    @Test
    void theWholeLoopFromSubmissionToConfirmation() {
        Api.Resident resident = api().newResident();
        Staff.Member operator = staff().operator();
        Staff.Member responder = staff().responder("DPUPR");
        String id = submit(resident);

        // the operator finds it in the intake queue with the category's suggested OPD
        assertThat(inQueue(operator.token(), "IntakeQueue", id)).isTrue();
        detail(operator.token(), id)
                .path("complaint.suggestedOpd.code").entity(String.class).isEqualTo("DPUPR")
                .path("complaint.reporter.name").entity(String.class).isEqualTo("Warga Uji")
                .path("complaint.reporter.phone").entity(String.class).isEqualTo("+62" + resident.phone().substring(1));

        Instant before = Instant.now();
        ok(operator.token(), "Dispatch", input("complaintId", id, "opdCode", "DPUPR", "note", "Prioritas, dekat sekolah"))
                .path("dispatch.complaint.status").entity(String.class).isEqualTo("DISPATCHED")
                .path("dispatch.complaint.opd.code").entity(String.class).isEqualTo("DPUPR")
                .path("dispatch.complaint.replyDueAt").entity(String.class)
                .satisfies(due -> assertThat(Instant.parse(due)).isBetween(before.plus(Duration.ofHours(24)), Instant.now().plus(Duration.ofHours(24))))
                .path("dispatch.complaint.fixDueAt").entity(String.class)
                .satisfies(due -> assertThat(Instant.parse(due)).isBetween(before.plus(Duration.ofHours(72)), Instant.now().plus(Duration.ofHours(72))));

        // the OPD sees it in its queue, with both clocks running, and without the resident's identity
        assertThat(inQueue(responder.token(), "OpdQueue", id)).isTrue();
        detail(responder.token(), id)
                .path("complaint.replySecondsLeft").entity(Integer.class).satisfies(s -> assertThat(s).isBetween(86_000, 86_400))
                .path("complaint.reporter").valueIsNull();

        fails(responder.token(), "Reply", input("complaintId", id, "message", "ok"), "MESSAGE_TOO_SHORT");
        ok(responder.token(), "Reply", input("complaintId", id, "message", "Tim kami akan meninjau lokasi besok pagi."))
                .path("reply.complaint.status").entity(String.class).isEqualTo("IN_PROGRESS")
                .path("reply.complaint.firstReplyAt").hasValue()
                .path("reply.complaint.replySecondsLeft").valueIsNull();
        ok(responder.token(), "AddInternalNote", input("complaintId", id, "note", "Perlu alat berat"));

        fails(responder.token(), "Resolve", input("complaintId", id, "note", "Sudah ditambal dengan aspal.", "afterPhotoIds", List.of()),
                "AFTER_PHOTO_REQUIRED");
        String after = api().uploadedPhotoId(responder.token(), Images.jpeg(640, 480));
        ok(responder.token(), "Resolve", input("complaintId", id, "note", "Sudah ditambal dengan aspal.", "afterPhotoIds", List.of(after)))
                .path("resolve.complaint.status").entity(String.class).isEqualTo("RESOLVED")
                .path("resolve.complaint.photos[?(@.kind == 'AFTER')].id").entityList(String.class).containsExactly(after);

        fails(resident.token(), "ConfirmResolution", input("complaintId", id, "rating", 6), "INVALID_RATING");
        ok(resident.token(), "ConfirmResolution", input("complaintId", id, "rating", 5, "comment", "Terima kasih, cepat sekali"))
                .path("confirmResolution.complaint.status").entity(String.class).isEqualTo("CLOSED")
                .path("confirmResolution.complaint.rating").entity(Integer.class).isEqualTo(5);

        assertThat(eventTypes(id)).containsExactly("SUBMITTED", "DISPATCHED", "REPLIED", "INTERNAL_NOTE", "RESOLVED", "CONFIRMED");
        // the resident's timeline leaves out the internal note and names offices, not people
        operation(api().as(resident.token()), "ComplaintDetail").variable("id", id).execute()
                .path("complaint.timeline[*].type").entityList(String.class)
                .containsExactly("SUBMITTED", "DISPATCHED", "REPLIED", "RESOLVED", "CONFIRMED");
        detail(operator.token(), id)
                .path("complaint.timeline[?(@.type == 'INTERNAL_NOTE')].note").entityList(String.class).containsExactly("Perlu alat berat")
                .path("complaint.timeline[?(@.type == 'DISPATCHED')].actorName").entityList(String.class)
                .containsExactly("Petugas " + operator.username());
        // and heard of it on WhatsApp at each step that matters to them
        assertThat(outboxKinds(id)).containsExactly("DISPATCHED", "FIRST_REPLY", "RESOLVED", "CLOSED");

        // the complaint's photos: its OPD and the operators may see them, another OPD may not
        api().http().get().uri("/api/photos/" + after).header("Authorization", "Bearer " + operator.token())
                .exchange().expectStatus().isOk();
        api().http().get().uri("/api/photos/" + after + "/thumbnail").header("Authorization", "Bearer " + resident.token())
                .exchange().expectStatus().isOk();
        api().http().get().uri("/api/photos/" + after).header("Authorization", "Bearer " + staff().responder("DLH").token())
                .exchange().expectStatus().isNotFound();
    }

    @Test
    void aMisroutedComplaintGoesBackAndItsClocksStartAgainAtTheRightOpd() {
        Api.Resident resident = api().newResident();
        Staff.Member operator = staff().operator();
        Staff.Member wrong = staff().responder("DISHUB");
        Staff.Member right = staff().responder("DPUPR");
        String id = submit(resident);
        ok(operator.token(), "Dispatch", input("complaintId", id, "opdCode", "DISHUB"));
        ok(wrong.token(), "Reply", input("complaintId", id, "message", "Sedang kami periksa kewenangannya."));

        fails(wrong.token(), "RequestTransfer", input("complaintId", id, "reason", "x"), "MESSAGE_TOO_SHORT");
        ok(wrong.token(), "RequestTransfer", input("complaintId", id, "reason", "Jalan kota, kewenangan DPUPR."))
                .path("requestTransfer.complaint.transferRequested").entity(Boolean.class).isEqualTo(true);
        assertThat(operation(api().as(operator.token()), "TransferQueue").variable("first", 100).execute()
                .path("transferQueue.edges[*].node.id").entityList(String.class).get()).contains(id);

        // "misrouted" takes DISHUB's time off its record: the operator must say why
        fails(operator.token(), "Reroute", input("complaintId", id, "opdCode", "DPUPR", "misrouted", true), "MESSAGE_TOO_SHORT");
        ok(operator.token(), "Reroute", input("complaintId", id, "opdCode", "DPUPR", "misrouted", true,
                "note", "Jalan kota: kewenangan DPUPR."))
                .path("reroute.complaint.opd.code").entity(String.class).isEqualTo("DPUPR")
                .path("reroute.complaint.status").entity(String.class).isEqualTo("DISPATCHED")
                .path("reroute.complaint.transferRequested").entity(Boolean.class).isEqualTo(false)
                .path("reroute.complaint.firstReplyAt").valueIsNull();
        String payload = db.sql("SELECT payload::text FROM complaint_event WHERE complaint_id = :id AND type = 'REROUTED'")
                .bind("id", UUID.fromString(id)).map(row -> row.get(0, String.class)).one().block();
        // asked within its reply clock: the lifecycle excuses DISHUB (ADR 0022)
        assertThat(payload).contains("\"misrouted\": true").contains("\"excused\": true").contains("\"fromOpd\": \"DISHUB\"");

        // the first OPD no longer sees it (null, as an unknown id: issue 14, ADR 0030); the second does
        detail(wrong.token(), id).path("complaint").valueIsNull();
        ok(right.token(), "Reply", input("complaintId", id, "message", "Kami tangani minggu ini, terima kasih."));
    }

    @Test
    void anOperatorCanDeclineATransfer() {
        Api.Resident resident = api().newResident();
        Staff.Member operator = staff().operator();
        Staff.Member responder = staff().responder("DLH");
        String id = submit(resident);
        ok(operator.token(), "Dispatch", input("complaintId", id, "opdCode", "DLH"));
        ok(responder.token(), "RequestTransfer", input("complaintId", id, "reason", "Bukan urusan kami menurut kami."));
        fails(operator.token(), "DeclineTransfer", input("complaintId", id, "note", ""), "MESSAGE_TOO_SHORT");
        ok(operator.token(), "DeclineTransfer", input("complaintId", id, "note", "Tetap DLH sesuai Perwal"))
                .path("declineTransfer.complaint.transferRequested").entity(Boolean.class).isEqualTo(false)
                .path("declineTransfer.complaint.opd.code").entity(String.class).isEqualTo("DLH");
    }

    @Test
    void aDisputedResolutionReopensAndTheFixClockStartsAgain() {
        Api.Resident resident = api().newResident();
        Staff.Member operator = staff().operator();
        Staff.Member responder = staff().responder("DPUPR");
        String id = submit(resident);
        ok(operator.token(), "Dispatch", input("complaintId", id, "opdCode", "DPUPR"));
        String after = api().uploadedPhotoId(responder.token(), Images.jpeg(320, 240));
        ok(responder.token(), "Resolve", input("complaintId", id, "note", "Sudah diperbaiki kemarin.", "afterPhotoIds", List.of(after)));
        String evidence = api().uploadedPhotoId(resident.token(), Images.jpeg(320, 240));

        Instant before = Instant.now();
        ok(resident.token(), "DisputeResolution", input("complaintId", id, "reason", "Lubangnya masih ada, lihat foto.", "photoIds", List.of(evidence)))
                .path("disputeResolution.complaint.status").entity(String.class).isEqualTo("REOPENED")
                .path("disputeResolution.complaint.reopenCount").entity(Integer.class).isEqualTo(1)
                .path("disputeResolution.complaint.fixDueAt").entity(String.class)
                .satisfies(due -> assertThat(Instant.parse(due)).isAfter(before.plus(Duration.ofHours(71))))
                .path("disputeResolution.complaint.photos[?(@.kind == 'DISPUTE')].id").entityList(String.class).containsExactly(evidence);

        ok(responder.token(), "Reply", input("complaintId", id, "message", "Mohon maaf, kami kembali ke lokasi."))
                .path("reply.complaint.status").entity(String.class).isEqualTo("IN_PROGRESS");
    }

    @Test
    void rejectingAndMarkingDuplicatesCloseTheComplaint() {
        Api.Resident resident = api().newResident();
        Staff.Member operator = staff().operator();
        // a spot of their own (Bagendung), so that other tests' complaints are not the nearest
        double lat = -6.05747 + java.util.concurrent.ThreadLocalRandom.current().nextDouble(-0.002, 0.002);
        double lng = 106.02938 + java.util.concurrent.ThreadLocalRandom.current().nextDouble(-0.002, 0.002);
        String original = submitAt(resident, lat, lng);
        String copy = submitAt(resident, lat + 0.0002, lng);
        String spam = submit(resident);

        // same category, same place: each is the other's possible duplicate
        detail(operator.token(), copy).path("complaint.possibleDuplicates[*].id").entityList(String.class).contains(original);

        // the original as the resident reads its number out: any case, found by staff who may see it
        String trackingNumber = detail(operator.token(), original).path("complaint.trackingNumber").entity(String.class).get();
        operation(api().as(operator.token()), "ComplaintByTrackingNumber")
                .variable("trackingNumber", " " + trackingNumber.toLowerCase(java.util.Locale.ROOT) + " ").execute()
                .path("complaintByTrackingNumber.id").entity(String.class).isEqualTo(original);
        operation(api().as(operator.token()), "ComplaintByTrackingNumber").variable("trackingNumber", "ZZZ-ZZZZ").execute()
                .path("complaintByTrackingNumber").valueIsNull();
        // staff who may not see it: null, as an unknown number (issue 14, ADR 0030; was FORBIDDEN)
        operation(api().as(staff().responder("DLH").token()), "ComplaintByTrackingNumber")
                .variable("trackingNumber", trackingNumber).execute()
                .path("complaintByTrackingNumber").valueIsNull();
        operation(api().as(resident.token()), "ComplaintByTrackingNumber").variable("trackingNumber", trackingNumber).execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(e -> assertThat(e.getExtensions()).containsEntry("code", "FORBIDDEN")));

        ok(operator.token(), "MarkDuplicate", input("complaintId", copy, "duplicateOfId", original))
                .path("markDuplicate.complaint.status").entity(String.class).isEqualTo("REJECTED")
                .path("markDuplicate.complaint.rejectReason").entity(String.class).isEqualTo("DUPLICATE")
                .path("markDuplicate.complaint.duplicateOf.id").entity(String.class).isEqualTo(original);
        fails(operator.token(), "MarkDuplicate", input("complaintId", original, "duplicateOfId", original), "INVALID_INPUT");

        ok(operator.token(), "Reject", input("complaintId", spam, "reason", "SPAM", "note", "Iklan"))
                .path("reject.complaint.status").entity(String.class).isEqualTo("REJECTED")
                .path("reject.complaint.rejectReason").entity(String.class).isEqualTo("SPAM");
        assertThat(outboxKinds(spam)).containsExactly("REJECTED");
    }

    @Test
    void transitionsAreRefusedFromTheWrongStateOrForTheWrongPerson() {
        Api.Resident resident = api().newResident();
        Api.Resident stranger = api().newResident();
        Staff.Member operator = staff().operator();
        Staff.Member responder = staff().responder("DPUPR");
        Staff.Member otherOpd = staff().responder("DLH");
        Staff.Member mayor = staff().create("MAYOR", null);
        String id = submit(resident);

        fails(operator.token(), "Dispatch", input("complaintId", id, "opdCode", "NOPE"), "UNKNOWN_OPD");
        forbidden(responder.token(), "Dispatch", input("complaintId", id, "opdCode", "DPUPR"));
        forbidden(mayor.token(), "Dispatch", input("complaintId", id, "opdCode", "DPUPR"));
        forbidden(resident.token(), "Dispatch", input("complaintId", id, "opdCode", "DPUPR"));
        ok(operator.token(), "Dispatch", input("complaintId", id, "opdCode", "DPUPR"));

        fails(operator.token(), "Dispatch", input("complaintId", id, "opdCode", "DPUPR"), "INVALID_TRANSITION");
        fails(operator.token(), "Reject", input("complaintId", id, "reason", "SPAM"), "INVALID_TRANSITION");
        // a complaint the caller may not see answers as an unknown one (issue 14, ADR 0030; was FORBIDDEN)
        fails(otherOpd.token(), "Reply", input("complaintId", id, "message", "Bukan OPD kami tapi coba jawab."), "NOT_FOUND");
        fails(resident.token(), "ConfirmResolution", input("complaintId", id, "rating", 4), "INVALID_TRANSITION");
        fails(stranger.token(), "ConfirmResolution", input("complaintId", id, "rating", 4), "NOT_FOUND");
        forbidden(operator.token(), "ConfirmResolution", input("complaintId", id, "rating", 4));
        fails(operator.token(), "Dispatch", input("complaintId", UUID.randomUUID().toString(), "opdCode", "DPUPR"), "NOT_FOUND");

        // an action on a version the caller did not see is a conflict
        fails(responder.token(), "Reply", input("complaintId", id, "message", "Jawaban berdasarkan data lama.", "expectedVersion", 0),
                "CONFLICT");
        // nothing of the refused attempts was recorded
        assertThat(eventTypes(id)).containsExactly("SUBMITTED", "DISPATCHED");
    }

    @Test
    void twoOperatorsDispatchingAtOnceOneWinsTheOthersGetConflict() throws Exception {
        Api.Resident resident = api().newResident();
        List<Staff.Member> operators = List.of(staff().create("OPERATOR", null), staff().create("OPERATOR", null),
                staff().create("OPERATOR", null), staff().create("OPERATOR", null));
        String id = submit(resident);
        List<Callable<String>> calls = new ArrayList<>();
        for (Staff.Member operator : operators) {
            calls.add(() -> {
                GraphQlTester.Response response = act(operator.token(), "Dispatch",
                        input("complaintId", id, "opdCode", "DPUPR", "expectedVersion", 0));
                List<Object> errors = response.path("dispatch.errors").entityList(Object.class).get();
                return errors.isEmpty() ? "OK" : response.path("dispatch.errors[0].code").entity(String.class).get();
            });
        }
        List<String> outcomes = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(operators.size())) {
            for (Future<String> outcome : pool.invokeAll(calls)) {
                outcomes.add(outcome.get());
            }
        }
        assertThat(outcomes).containsOnlyOnce("OK");
        assertThat(outcomes).filteredOn(o -> !o.equals("OK")).containsOnly("CONFLICT");
        assertThat(eventTypes(id)).containsExactly("SUBMITTED", "DISPATCHED");
    }
}
