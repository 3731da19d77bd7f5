package id.go.cilegon.juare.hostile;

import static id.go.cilegon.juare.support.Api.operation;
import static org.assertj.core.api.Assertions.assertThat;

import id.go.cilegon.juare.auth.TokenService;
import id.go.cilegon.juare.overview.Seed;
import id.go.cilegon.juare.platform.PersonalDataCipher;
import id.go.cilegon.juare.support.IntegrationTest;
import id.go.cilegon.juare.support.Staff;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;

/**
 * Issue 12, "breaches stay with who caused them" and "one deadline per assignment" (ADR 0022). Each complaint's past
 * is written as the lifecycle would have written it (its row and its events, hours ago), then the move is made through
 * the API now, and the OPD's live figures are read before and after the move: the move must not raise them.
 * <p>
 * OPDs no other hostile test uses: DKPP (sits on a complaint, then asks for a transfer), PERKIM (asks in time), RSUD
 * (keeps a transfer request pending, repeats it), DP3AP2KB (a dispute after the fix deadline), DISPERINDAG (a dispute
 * before it). The demo data DemoDataTest seeds into the same database lies 400 days back, outside the periods read here.
 */
@Tag("hostile")
class BreachHostileTest extends IntegrationTest {

    private static final Map<String, Object> WEEK = Map.of("kind", "LAST_7_DAYS");

    @Autowired PersonalDataCipher cipher;
    @Autowired TokenService tokens;

    private Staff staff() {
        return new Staff(api());
    }

    private static Instant hoursAgo(double hours) {
        return Instant.now().minus(Duration.ofMinutes(Math.round(hours * 60))).truncatedTo(ChronoUnit.MICROS);
    }

    /**
     * A JALAN complaint (24 h to reply, 72 h to fix) dispatched to {@code opd} {@code dispatchedHoursAgo} hours ago,
     * never answered, with its reply breach marked if the clock ran out: the row and the events as the lifecycle writes them.
     */
    private UUID sittingWith(Seed seed, String opd, double dispatchedHoursAgo) {
        Instant dispatched = hoursAgo(dispatchedHoursAgo);
        Instant replyDue = dispatched.plus(Duration.ofHours(24));
        Instant fixDue = dispatched.plus(Duration.ofHours(72));
        Seed.ComplaintSpec spec = seed.complaint().filedAt(dispatched.minus(Duration.ofMinutes(20))).status("DISPATCHED").opd(opd)
                .dispatchedAt(dispatched).replyDue(replyDue).fixDue(fixDue).insert();
        seed.event(spec.id(), "SUBMITTED", "RESIDENT", dispatched.minus(Duration.ofMinutes(20)), "SUBMITTED", null, "{}");
        seed.event(spec.id(), "DISPATCHED", "STAFF", dispatched, "DISPATCHED", opd, clocks(opd, replyDue, fixDue));
        if (replyDue.isBefore(Instant.now())) {
            seed.event(spec.id(), "REPLY_OVERDUE", "SYSTEM", replyDue.plusSeconds(30), "DISPATCHED", opd, "{}");
            db.sql("UPDATE complaint SET reply_overdue_at = :at WHERE id = :id").bind("at", replyDue.plusSeconds(30))
                    .bind("id", spec.id()).then().block();
        }
        return spec.id();
    }

    private static String clocks(String opd, Instant replyDue, Instant fixDue) {
        return "{\"opdCode\": \"" + opd + "\", \"replyDueAt\": \"" + replyDue + "\", \"fixDueAt\": \"" + fixDue + "\"}";
    }

    private GraphQlTester.Response act(String token, String operation, Map<String, Object> input) {
        return operation(api().as(token), operation).variable("input", input).execute();
    }

    private void ok(String token, String operation, Map<String, Object> input) {
        String field = Character.toLowerCase(operation.charAt(0)) + operation.substring(1);
        act(token, operation, input).path(field + ".errors").entityList(Object.class).hasSize(0);
    }

    private String errorCode(String token, String operation, Map<String, Object> input) {
        String field = Character.toLowerCase(operation.charAt(0)) + operation.substring(1);
        List<Map> errors = act(token, operation, input).path(field + ".errors").entityList(Map.class).get();
        return errors.isEmpty() ? null : (String) errors.getFirst().get("code");
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> scorecard(String opd) {
        return (Map<String, Object>) operation(api().as(staff().operator().token()), "OpdScorecard")
                .variable("opdCode", opd).variable("period", WEEK).execute()
                .path("opdScorecard").entity(Map.class).get();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> figures(Map<String, Object> card) {
        return new HashMap<>((Map<String, Object>) card.get("figures"));
    }

    private List<String> behind(String opd, String metric) {
        return operation(api().as(staff().operator().token()), "OpdScorecardComplaints")
                .variable("opdCode", opd).variable("period", WEEK).variable("metric", metric).variable("first", 200).execute()
                .path("opdScorecard.complaints.edges[*].node.complaintId").entityList(String.class).get();
    }

    private static int delta(Map<String, Object> after, Map<String, Object> before, String figure) {
        return ((Number) after.get(figure)).intValue() - ((Number) before.get(figure)).intValue();
    }

    @Test
    void aTransferAskedAfterTheReplyDeadlineKeepsTheLateMarkEvenWhenReroutedAsMisrouted() {
        Seed seed = Seed.with(db, cipher);
        String operator = staff().operator().token();
        // DKPP sat on it for 30 hours (its reply clock ran out 6 hours ago), then asks for a transfer
        UUID late = sittingWith(seed, "DKPP", 30);
        // PERKIM asks 2 hours after receiving it, in time
        UUID early = sittingWith(seed, "PERKIM", 30);
        Instant askedEarly = hoursAgo(28);
        seed.event(early, "TRANSFER_REQUESTED", "STAFF", askedEarly, "DISPATCHED", "PERKIM",
                "{\"message\": \"Bukan kewenangan dinas perumahan.\", \"opdCode\": \"PERKIM\", \"attempt\": 1}");
        db.sql("UPDATE complaint SET transfer_requested_at = :at, transfer_reason = 'Bukan kewenangan dinas perumahan.' WHERE id = :id")
                .bind("at", askedEarly).bind("id", early).then().block();
        Map<String, Object> dkppBefore = figures(scorecard("DKPP"));
        Map<String, Object> perkimBefore = figures(scorecard("PERKIM"));

        String dkpp = Seed.staffToken(db, tokens, "OPD_RESPONDER", "DKPP");
        ok(dkpp, "RequestTransfer", Map.of("complaintId", late.toString(), "reason", "Ini urusan dinas lain, bukan DKPP."));

        // the dashboard's old default: "misrouted" without a word is refused; leaving it out is not valid GraphQL
        assertThat(errorCode(operator, "Reroute", Map.of("complaintId", late.toString(), "opdCode", "DPUPR", "misrouted", true)))
                .isEqualTo("MESSAGE_TOO_SHORT");
        act(operator, "Reroute", Map.of("complaintId", late.toString(), "opdCode", "DPUPR"))
                .errors().satisfy(errors -> assertThat(errors).isNotEmpty());
        ok(operator, "Reroute", Map.of("complaintId", late.toString(), "opdCode", "DPUPR", "misrouted", true,
                "note", "Saluran air kota adalah kewenangan DPUPR."));
        ok(operator, "Reroute", Map.of("complaintId", early.toString(), "opdCode", "DPUPR", "misrouted", true,
                "note", "Jalan rusak adalah kewenangan DPUPR."));

        Map<String, Object> dkppAfter = figures(scorecard("DKPP"));
        Map<String, Object> perkimAfter = figures(scorecard("PERKIM"));
        System.out.println("HOSTILE breach transfer-after-breach opd=DKPP before: received=" + dkppBefore.get("received")
                + " replyDecided=" + dkppBefore.get("replyDecided") + " replyOnTime=" + dkppBefore.get("replyOnTime")
                + " after misrouted reroute: received=" + dkppAfter.get("received") + " misroutedAway=" + dkppAfter.get("misroutedAway")
                + " replyDecided=" + dkppAfter.get("replyDecided") + " replyOnTime=" + dkppAfter.get("replyOnTime")
                + " (before ADR 0022 the reroute took it off: received -1, replyDecided -1)");
        // the late reply stays DKPP's: still received, still decided late, not excused
        assertThat(delta(dkppAfter, dkppBefore, "received")).isZero();
        assertThat(delta(dkppAfter, dkppBefore, "misroutedAway")).isZero();
        assertThat(delta(dkppAfter, dkppBefore, "replyDecided")).isZero();
        assertThat(delta(dkppAfter, dkppBefore, "replyOnTime")).isZero();
        assertThat(behind("DKPP", "REPLY_LATE")).contains(late.toString());
        assertThat(behind("DKPP", "MISROUTED_AWAY")).doesNotContain(late.toString());
        // PERKIM asked before its reply deadline: misrouted excuses it
        assertThat(delta(perkimAfter, perkimBefore, "received")).isEqualTo(-1);
        assertThat(delta(perkimAfter, perkimBefore, "misroutedAway")).isEqualTo(1);
        assertThat(behind("PERKIM", "MISROUTED_AWAY")).contains(early.toString());
        // the operator's choice and the lifecycle's decision are both on the event
        assertThat(payload(late, "REROUTED")).contains("\"misrouted\": true").contains("\"excused\": false");
        assertThat(payload(early, "REROUTED")).contains("\"misrouted\": true").contains("\"excused\": true");
    }

    @Test
    void aPendingTransferHidesNothingAndARepeatedRequestNeedsANewReasonAndIsCounted() {
        Seed seed = Seed.with(db, cipher);
        String operator = staff().operator().token();
        UUID id = sittingWith(seed, "RSUD", 30);
        String rsud = Seed.staffToken(db, tokens, "OPD_RESPONDER", "RSUD");
        Map<String, Object> before = scorecard("RSUD");

        ok(rsud, "RequestTransfer", Map.of("complaintId", id.toString(), "reason", "Bukan kewenangan rumah sakit."));
        // overdue while the request waits: on the scorecard, in its list and on the complaint
        Map<String, Object> pending = scorecard("RSUD");
        assertThat(delta(figures(pending), figures(before), "overdueNow")).isZero();
        assertThat(figures(pending).get("overdueNow")).isNotEqualTo(0);
        assertThat(behind("RSUD", "OVERDUE_NOW")).contains(id.toString());
        operation(api().as(operator), "StaffComplaintDetail").variable("id", id.toString()).execute()
                .path("complaint.replyOverdue").entity(Boolean.class).isEqualTo(true)
                .path("complaint.transferRequested").entity(Boolean.class).isEqualTo(true)
                .path("complaint.transferRequestedAt").hasValue();

        ok(operator, "DeclineTransfer", Map.of("complaintId", id.toString(), "note", "Tetap ditangani RSUD."));
        // the same reason again, however it is dressed up, is refused; a new one is taken and counted
        List<String> repeats = List.of("Bukan kewenangan rumah sakit.", "BUKAN kewenangan rumah sakit!!",
                "  bukan   kewenangan rumah-sakit ");
        int refused = 0;
        for (String reason : repeats) {
            if ("TRANSFER_REASON_REPEATED".equals(errorCode(rsud, "RequestTransfer", Map.of("complaintId", id.toString(), "reason", reason)))) {
                refused++;
            }
        }
        ok(rsud, "RequestTransfer", Map.of("complaintId", id.toString(), "reason", "Pelapor sudah dirujuk ke puskesmas setempat."));
        Map<String, Object> after = scorecard("RSUD");
        @SuppressWarnings("unchecked")
        Map<String, Object> requests = (Map<String, Object>) after.get("transferRequests");
        @SuppressWarnings("unchecked")
        Map<String, Object> requestsBefore = (Map<String, Object>) before.get("transferRequests");
        System.out.println("HOSTILE breach repeated-transfer tries=" + repeats.size() + " refused=" + refused
                + " counted: requests=" + requests + " overdueNow while pending=" + figures(pending).get("overdueNow"));
        assertThat(refused).isEqualTo(repeats.size());
        assertThat(delta(requests, requestsBefore, "requests")).isEqualTo(2);
        assertThat(delta(requests, requestsBefore, "repeated")).isEqualTo(1);
        assertThat(delta(requests, requestsBefore, "declined")).isEqualTo(1);
        assertThat(behind("RSUD", "OVERDUE_NOW")).contains(id.toString());
    }

    @Test
    void aRequestThatAResolutionEndedWasNotDeclined() {
        Seed seed = Seed.with(db, cipher);
        UUID id = sittingWith(seed, "RSUD", 10);
        String reason = "Pasien sudah dirujuk ke rumah sakit lain.";
        // asked, then resolved before any operator answered, then disputed: the same assignment goes on
        seed.event(id, "TRANSFER_REQUESTED", "STAFF", hoursAgo(9), "DISPATCHED", "RSUD",
                "{\"message\": \"" + reason + "\", \"opdCode\": \"RSUD\", \"attempt\": 1}");
        seed.event(id, "RESOLVED", "STAFF", hoursAgo(8), "RESOLVED", "RSUD", "{\"message\": \"Sudah kami tangani di IGD.\", \"afterPhotos\": 1}");
        seed.event(id, "DISPUTED", "RESIDENT", hoursAgo(7), "REOPENED", "RSUD", "{\"message\": \"Belum ditangani sama sekali.\"}");
        db.sql("UPDATE complaint SET status = 'REOPENED', first_reply_at = :at WHERE id = :id").bind("at", hoursAgo(8))
                .bind("id", id).then().block();
        String rsud = Seed.staffToken(db, tokens, "OPD_RESPONDER", "RSUD");
        // nothing was declined: the same reason is taken, and it is not a repeat after a decline
        ok(rsud, "RequestTransfer", Map.of("complaintId", id.toString(), "reason", reason));
        assertThat(payload(id, "TRANSFER_REQUESTED")).contains("\"attempt\": 1");
    }

    /**
     * A complaint resolved in time that the resident disputes: dispatched {@code dispatchedHoursAgo} hours ago (fix
     * clock 72 h), answered after 1 hour, resolved after 20 hours.
     */
    private UUID resolvedBy(Seed seed, String opd, double dispatchedHoursAgo) {
        Instant dispatched = hoursAgo(dispatchedHoursAgo);
        Instant replyDue = dispatched.plus(Duration.ofHours(24));
        Instant fixDue = dispatched.plus(Duration.ofHours(72));
        Seed.ComplaintSpec spec = seed.complaint().filedAt(dispatched.minus(Duration.ofMinutes(20))).status("RESOLVED").opd(opd)
                .dispatchedAt(dispatched).replyDue(replyDue).fixDue(fixDue).repliedAt(dispatched.plus(Duration.ofHours(1))).insert();
        seed.event(spec.id(), "SUBMITTED", "RESIDENT", dispatched.minus(Duration.ofMinutes(20)), "SUBMITTED", null, "{}");
        seed.event(spec.id(), "DISPATCHED", "STAFF", dispatched, "DISPATCHED", opd, clocks(opd, replyDue, fixDue));
        seed.event(spec.id(), "REPLIED", "STAFF", dispatched.plus(Duration.ofHours(1)), "IN_PROGRESS", opd,
                "{\"message\": \"Petugas kami segera meninjau lokasi.\"}");
        seed.event(spec.id(), "RESOLVED", "STAFF", dispatched.plus(Duration.ofHours(20)), "RESOLVED", opd,
                "{\"message\": \"Sudah kami perbaiki dengan baik.\", \"afterPhotos\": 1}");
        db.sql("UPDATE complaint SET resolved_at = :at WHERE id = :id").bind("at", dispatched.plus(Duration.ofHours(20)))
                .bind("id", spec.id()).then().block();
        return spec.id();
    }

    @Test
    void aDisputedComplaintIsLateOrNotLateByItsOneDeadlineOnEveryScreen() {
        Seed seed = Seed.with(db, cipher);
        String resident = tokens.residentSession(seed.residentId()).block().accessToken();
        String operator = staff().operator().token();
        // past its fix deadline (8 hours ago) when the resident disputes, and well before it (2 days to go)
        UUID late = resolvedBy(seed, "DP3AP2KB", 80);
        UUID inTime = resolvedBy(seed, "DISPERINDAG", 22);
        // other tests' complaints of these OPDs may be overdue too: the counters are compared with before the disputes
        Map<String, Integer> countedBefore = Map.of("DP3AP2KB", fixOverdueCounted(operator, "DP3AP2KB"),
                "DISPERINDAG", fixOverdueCounted(operator, "DISPERINDAG"));
        for (UUID id : List.of(late, inTime)) {
            ok(resident, "DisputeResolution", Map.of("complaintId", id.toString(), "reason", "Belum diperbaiki sama sekali, masih rusak."));
        }
        Map<UUID, Instant> dueBefore = Map.of(late, dueOf(late), inTime, dueOf(inTime));
        for (Map.Entry<UUID, String> c : Map.of(late, "DP3AP2KB", inTime, "DISPERINDAG").entrySet()) {
            UUID id = c.getKey();
            String opd = c.getValue();
            boolean expectLate = id.equals(late);
            // the complaint: the deadline it started with, and overdue or not by it
            GraphQlTester.Response detail = operation(api().as(operator), "StaffComplaintDetail").variable("id", id.toString()).execute();
            Instant shown = Instant.parse(detail.path("complaint.fixDueAt").entity(String.class).get());
            assertThat(shown).isEqualTo(dueBefore.get(id));
            detail.path("complaint.fixOverdue").entity(Boolean.class).isEqualTo(expectLate);
            int secondsLeft = detail.path("complaint.fixSecondsLeft").entity(Integer.class).get();
            // the OPD's queue: the same complaint, the same verdict
            String opdToken = Seed.staffToken(db, tokens, "OPD_RESPONDER", opd);
            List<Map> queue = operation(api().as(opdToken), "OpdQueue").variable("first", 100).execute()
                    .path("opdQueue.edges[*].node").entityList(Map.class).get();
            Map<?, ?> queued = queue.stream().filter(n -> id.toString().equals(n.get("id"))).findFirst().orElseThrow();
            assertThat(queued.get("fixOverdue")).isEqualTo(expectLate);
            assertThat(queued.get("fixDueAt")).isEqualTo(dueBefore.get(id).toString());
            // the command centre's counters
            int counted = fixOverdueCounted(operator, opd) - countedBefore.get(opd);
            // the ranking: overdue now, and fixed late for good
            boolean overdueNow = behind(opd, "OVERDUE_NOW").contains(id.toString());
            boolean fixLate = behind(opd, "FIX_LATE").contains(id.toString());
            System.out.println("HOSTILE breach one-deadline opd=" + opd + " disputed " + (expectLate ? "after" : "before")
                    + " the fix deadline: detail overdue=" + detail.path("complaint.fixOverdue").entity(Boolean.class).get()
                    + " secondsLeft=" + secondsLeft + " queue overdue=" + queued.get("fixOverdue") + " counters fixOverdue="
                    + counted + " ranking overdueNow=" + overdueNow + " fixLate=" + fixLate);
            assertThat(secondsLeft < 0).isEqualTo(expectLate);
            assertThat(counted).isEqualTo(expectLate ? 1 : 0);
            assertThat(overdueNow).isEqualTo(expectLate);
            assertThat(fixLate).isEqualTo(expectLate);
        }
    }

    private int fixOverdueCounted(String operator, String opd) {
        return operation(api().as(operator), "ComplaintCounts").variable("filter", Map.of("opdCodes", List.of(opd))).execute()
                .path("complaintCounts.fixOverdue").entity(Integer.class).get();
    }

    private Instant dueOf(UUID id) {
        return db.sql("SELECT fix_due FROM opd_assignment WHERE complaint_id = :id").bind("id", id)
                .map(row -> row.get(0, Instant.class)).one().block();
    }

    private String payload(UUID id, String type) {
        return db.sql("SELECT payload::text FROM complaint_event WHERE complaint_id = :id AND type = :type ORDER BY id DESC LIMIT 1")
                .bind("id", id).bind("type", type).map(row -> row.get(0, String.class)).one().block();
    }
}
