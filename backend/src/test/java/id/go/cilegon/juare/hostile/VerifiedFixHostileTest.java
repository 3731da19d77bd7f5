package id.go.cilegon.juare.hostile;

import static id.go.cilegon.juare.support.Api.complaintInput;
import static id.go.cilegon.juare.support.Api.newRequestId;
import static id.go.cilegon.juare.support.Api.operation;
import static org.assertj.core.api.Assertions.assertThat;

import id.go.cilegon.juare.complaint.internal.AutoClosing;
import id.go.cilegon.juare.ranking.OpdStanding;
import id.go.cilegon.juare.ranking.RankingHistory;
import id.go.cilegon.juare.support.Api;
import id.go.cilegon.juare.support.Images;
import id.go.cilegon.juare.support.IntegrationTest;
import id.go.cilegon.juare.support.Staff;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;

/**
 * Issue 12, "verified fixes" (ADR 0021): the move "resolve without work and let it close by itself" ("TL asal"). Three
 * OPDs no other test uses, six complaints each, every one answered and resolved at once:
 * <ul>
 *     <li>DAMKAR games: its after-photo is the resident's own before-photo, downloaded and uploaded again; nobody answers,
 *     so it closes by itself; the closure is queued (SAME_PHOTO), an operator rejects it: reopened, a dispute, the fix
 *     no longer on time and the score drops;</li>
 *     <li>SATPOLPP resolves with photos of its own, nobody answers and nobody samples them (sample share 0 in tests):
 *     the on-time fixes count only the definition's unverified credit (0.5);</li>
 *     <li>BPBD resolves and the residents confirm: full credit, the best score.</li>
 * </ul>
 * Scores are the ranking as of five days later (every clock decided), before and after the operator's check.
 */
@Tag("hostile")
class VerifiedFixHostileTest extends IntegrationTest {

    private static final int COMPLAINTS = 6;
    private static final ZoneId WIB = ZoneId.of("Asia/Jakarta");
    private static final String GAMING = "DAMKAR";
    private static final String IDLE = "SATPOLPP";
    private static final String HONEST = "BPBD";
    /** Six different real replies (the same text twice would be a template, ADR 0018). */
    private static final List<String> REPLIES = List.of(
            "Petugas kami akan memeriksa lokasi besok pagi.",
            "Sudah kami teruskan ke kepala seksi lapangan.",
            "Mohon kirim foto tambahan dari sisi jalan utama.",
            "Tim lapangan menjadwalkan perbaikan hari Kamis.",
            "Kami koordinasikan dulu dengan pihak kelurahan.",
            "Regu piket sedang menuju titik yang dilaporkan.");
    private static final List<String> NOTES = List.of(
            "Perbaikan selesai dikerjakan tim pagi tadi.",
            "Perbaikan selesai, lubang sudah ditutup aspal.",
            "Perbaikan selesai setelah material datang siang ini.",
            "Perbaikan selesai bersama warga sekitar lokasi.",
            "Perbaikan selesai dan area sudah dibersihkan.",
            "Perbaikan selesai, rambu sementara sudah diangkat.");

    @Autowired
    RankingHistory history;

    @Autowired
    ApplicationContext context;

    private Staff staff;

    @org.junit.jupiter.api.BeforeEach
    void staff() {
        staff = new Staff(api());
    }

    private record Filed(String id, Api.Resident resident, String evidencePhoto) {
    }

    /** Six complaints of six residents, each with a street photo of its own, dispatched to the OPD and answered. */
    private List<Filed> filed(String opd, Staff.Member responder, long seed) {
        List<Filed> filed = new ArrayList<>();
        for (int i = 0; i < COMPLAINTS; i++) {
            Api.Resident resident = api().newResident();
            String photo = api().uploadedPhotoId(resident.token(), Images.jpeg(Images.street(seed + i, 800, 600), 0.85f));
            String id = operation(api().as(resident.token()), "SubmitComplaint")
                    .variable("input", complaintInput(newRequestId(), List.of(photo))).execute()
                    .path("submitComplaint.complaint.id").entity(String.class).get();
            operation(api().as(staff.operator().token()), "Dispatch")
                    .variable("input", Map.of("complaintId", id, "opdCode", opd)).execute()
                    .path("dispatch.errors").entityList(Object.class).hasSize(0);
            operation(api().as(responder.token()), "Reply")
                    .variable("input", Map.of("complaintId", id, "message", REPLIES.get(i)))
                    .execute().path("reply.errors").entityList(Object.class).hasSize(0);
            filed.add(new Filed(id, resident, photo));
        }
        return filed;
    }

    private void resolve(Staff.Member responder, String id, byte[] afterPhoto, int i) {
        String photo = api().uploadedPhotoId(responder.token(), afterPhoto);
        operation(api().as(responder.token()), "Resolve")
                .variable("input", Map.of("complaintId", id, "note", NOTES.get(i),
                        "afterPhotoIds", List.of(photo)))
                .execute().path("resolve.errors").entityList(Object.class).hasSize(0);
    }

    /** The stored photo as the OPD can download it (the resident's evidence of a complaint it handles). */
    private byte[] download(String token, String photoId) {
        return api().http().get().uri("/api/photos/" + photoId).header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .exchange().expectStatus().isOk().expectBody(byte[].class).returnResult().getResponseBody();
    }

    private OpdStanding standing(String opd, Instant asOf) {
        LocalDate today = LocalDate.now(WIB);
        return history.standings(today, today, asOf).block(Duration.ofSeconds(30))
                .stream().filter(s -> s.opdCode().equals(opd)).findFirst().orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> scorecard(String opd) {
        return (Map<String, Object>) operation(api().as(staff.operator().token()), "OpdScorecard")
                .variable("opdCode", opd).variable("period", Map.of("kind", "TODAY")).execute()
                .path("opdScorecard").entity(Map.class).get();
    }

    /** The queued complaints among these, with their reason, from the operators' queue (every page). */
    @SuppressWarnings("unchecked")
    private Map<String, String> queued(List<Filed> filed) {
        List<String> ids = filed.stream().map(Filed::id).toList();
        Map<String, String> reasons = new HashMap<>();
        String after = null;
        do {
            var request = operation(api().as(staff.operator().token()), "VerificationQueue").variable("first", 100);
            if (after != null) {
                request = request.variable("after", after);
            }
            Map<String, Object> page = request.execute().path("verificationQueue").entity(Map.class).get();
            for (Map<String, Object> edge : (List<Map<String, Object>>) page.get("edges")) {
                Map<String, Object> node = (Map<String, Object>) edge.get("node");
                if (ids.contains((String) node.get("id"))) {
                    Map<String, Object> verification = (Map<String, Object>) node.get("verification");
                    reasons.put((String) node.get("id"), verification.get("reason") + " " + verification.get("resolutionNote"));
                }
            }
            Map<String, Object> pageInfo = (Map<String, Object>) page.get("pageInfo");
            after = Boolean.TRUE.equals(pageInfo.get("hasNextPage")) ? (String) pageInfo.get("endCursor") : null;
        } while (after != null);
        return reasons;
    }

    @Test
    void resolvingWithTheBeforePhotoAndLettingItCloseNoLongerPays() {
        Staff.Member gaming = staff.create("OPD_RESPONDER", GAMING);
        Staff.Member idle = staff.create("OPD_RESPONDER", IDLE);
        Staff.Member honest = staff.create("OPD_RESPONDER", HONEST);
        List<Filed> gamed = filed(GAMING, gaming, 1000);
        List<Filed> unanswered = filed(IDLE, idle, 2000);
        List<Filed> confirmed = filed(HONEST, honest, 3000);
        Map<String, Instant> fixDue = new HashMap<>();

        for (int i = 0; i < COMPLAINTS; i++) {
            // the gaming OPD's "after" photo is the resident's before-photo, saved from the dashboard and sent again
            Filed g = gamed.get(i);
            resolve(gaming, g.id(), download(gaming.token(), g.evidencePhoto()), i);
            fixDue.put(g.id(), Instant.parse(operation(api().as(staff.operator().token()), "StaffComplaintDetail")
                    .variable("id", g.id()).execute().path("complaint.fixDueAt").entity(String.class).get()));
            resolve(idle, unanswered.get(i).id(), Images.jpeg(Images.street(2500 + i, 800, 600), 0.85f), i);
            Filed h = confirmed.get(i);
            resolve(honest, h.id(), Images.jpeg(Images.street(3500 + i, 800, 600), 0.85f), i);
            operation(api().as(h.resident().token()), "ConfirmResolution")
                    .variable("input", Map.of("complaintId", h.id(), "rating", 4)).execute()
                    .path("confirmResolution.errors").entityList(Object.class).hasSize(0);
        }
        // five days pass without an answer: the clock job's auto-closure
        gamed.forEach(f -> assertThat(AutoClosing.closeNow(context, f.id())).isTrue());
        unanswered.forEach(f -> assertThat(AutoClosing.closeNow(context, f.id())).isTrue());

        // every closure with the resident's own photo waits for an operator; the others were not drawn
        Map<String, String> queuedGamed = queued(gamed);
        assertThat(queuedGamed).hasSize(COMPLAINTS);
        assertThat(queuedGamed.values()).allMatch(reason -> reason.startsWith("SAME_PHOTO Perbaikan selesai"));
        assertThat(queued(unanswered)).isEmpty();
        Map<String, Object> payload = db.sql("SELECT payload::text AS p FROM complaint_event WHERE complaint_id = :id AND type = 'AUTO_CLOSED'")
                .bind("id", UUID.fromString(gamed.getFirst().id())).fetch().one().block();
        assertThat(payload.get("p").toString()).contains("\"verification\": \"QUEUED\"").contains("\"verificationReason\": \"SAME_PHOTO\"");

        Instant later = Instant.now().plus(Duration.ofDays(5));
        OpdStanding gamingBefore = standing(GAMING, later);

        // the operator looks: not fixed. A resident would have disputed; the operator does it for them
        for (Filed g : gamed) {
            int version = operation(api().as(staff.operator().token()), "StaffComplaintDetail").variable("id", g.id()).execute()
                    .path("complaint.version").entity(Integer.class).get();
            operation(api().as(staff.operator().token()), "RejectFix")
                    .variable("input", Map.of("complaintId", g.id(), "expectedVersion", version,
                            "reason", "Foto sesudah sama dengan foto sebelum dari warga"))
                    .execute().path("rejectFix.errors").entityList(Object.class).hasSize(0)
                    .path("rejectFix.complaint.status").entity(String.class).isEqualTo("REOPENED")
                    .path("rejectFix.complaint.verification.status").entity(String.class).isEqualTo("REJECTED")
                    // one deadline per assignment: the fix deadline it was dispatched with
                    .path("rejectFix.complaint.fixDueAt").entity(String.class)
                    .satisfies(due -> assertThat(Instant.parse(due)).isEqualTo(fixDue.get(g.id())));
        }
        assertThat(queued(gamed)).isEmpty();
        // the OPD has them back in its queue, as after a resident's dispute
        String gamingQueue = operation(api().as(gaming.token()), "OpdQueue").variable("opdCode", GAMING).variable("first", 100).execute()
                .path("opdQueue").entity(Map.class).get().toString();
        gamed.forEach(g -> assertThat(gamingQueue).contains(g.id()));
        // and a second check of the same closure is refused
        operation(api().as(staff.operator().token()), "VerifyFix")
                .variable("input", Map.of("complaintId", gamed.getFirst().id())).execute()
                .path("verifyFix.errors[0].code").entity(String.class).isEqualTo("INVALID_TRANSITION");

        OpdStanding gamingAfter = standing(GAMING, later);
        OpdStanding idleStanding = standing(IDLE, later);
        OpdStanding honestStanding = standing(HONEST, later);
        System.out.println("HOSTILE verified-fixes gaming opd=" + GAMING + " before-check score=" + gamingBefore.score()
                + " fixOnTimeShare=" + gamingBefore.fixOnTimeShare() + " after-reject score=" + gamingAfter.score()
                + " fixOnTimeShare=" + gamingAfter.fixOnTimeShare());
        System.out.println("HOSTILE verified-fixes unverified opd=" + IDLE + " score=" + idleStanding.score()
                + " fixOnTimeShare(plain)=" + idleStanding.fixOnTimeShare() + " honest opd=" + HONEST + " score=" + honestStanding.score()
                + " definition=" + honestStanding.definitionVersion());

        assertThat(gamingBefore.fixOnTimeShare()).isEqualTo(1.0);
        assertThat(gamingAfter.fixOnTimeShare()).isEqualTo(0.0);
        assertThat(gamingAfter.score()).isLessThan(gamingBefore.score());
        assertThat(idleStanding.score()).isGreaterThan(gamingAfter.score());
        assertThat(honestStanding.score()).isGreaterThan(idleStanding.score());
        assertThat(honestStanding.definitionVersion()).isGreaterThanOrEqualTo(3);

        // the live scorecard shows the unverified auto-closures, the reopened fixes and the credit
        Map<String, Object> idleCard = scorecard(IDLE);
        @SuppressWarnings("unchecked") Map<String, Object> idleFigures = (Map<String, Object>) idleCard.get("figures");
        assertThat(idleFigures).containsEntry("autoClosed", COMPLAINTS).containsEntry("autoClosedUnverified", COMPLAINTS)
                .containsEntry("autoClosedVerified", 0).containsEntry("fixOnTime", COMPLAINTS)
                .containsEntry("fixOnTimeUnverified", COMPLAINTS);
        @SuppressWarnings("unchecked") Map<String, Object> definition = (Map<String, Object>) idleCard.get("definition");
        assertThat(((Number) definition.get("unverifiedCredit")).doubleValue()).isEqualTo(0.5);
        @SuppressWarnings("unchecked") Map<String, Object> gamingFigures = (Map<String, Object>) scorecard(GAMING).get("figures");
        assertThat(gamingFigures).containsEntry("reopened", COMPLAINTS).containsEntry("closed", 0).containsEntry("autoClosed", 0)
                .containsEntry("fixOnTime", 0);
    }

    /** A verified auto-closure counts fully again: the same OPD's fix part before and after the operator's yes. */
    @Test
    void aVerifiedAutoClosureCountsFully() {
        Staff.Member responder = staff.create("OPD_RESPONDER", "KEC-CIWANDAN");
        List<Filed> filed = filed("KEC-CIWANDAN", responder, 4000);
        for (int i = 0; i < COMPLAINTS; i++) {
            Filed f = filed.get(i);
            resolve(responder, f.id(), download(responder.token(), f.evidencePhoto()), i);
            assertThat(AutoClosing.closeNow(context, f.id())).isTrue();
        }
        Instant later = Instant.now().plus(Duration.ofDays(5));
        OpdStanding unverified = standing("KEC-CIWANDAN", later);
        for (Filed f : filed) {
            operation(api().as(staff.operator().token()), "VerifyFix")
                    .variable("input", Map.of("complaintId", f.id(), "note", "Dicek lewat telepon ke warga: sudah beres."))
                    .execute().path("verifyFix.errors").entityList(Object.class).hasSize(0)
                    .path("verifyFix.complaint.status").entity(String.class).isEqualTo("CLOSED")
                    .path("verifyFix.complaint.verification.status").entity(String.class).isEqualTo("VERIFIED");
        }
        OpdStanding verified = standing("KEC-CIWANDAN", later);
        System.out.println("HOSTILE verified-fixes verified opd=KEC-CIWANDAN unverified score=" + unverified.score()
                + " verified score=" + verified.score());
        assertThat(verified.score()).isGreaterThan(unverified.score());
        @SuppressWarnings("unchecked") Map<String, Object> figures = (Map<String, Object>) scorecard("KEC-CIWANDAN").get("figures");
        assertThat(figures).containsEntry("autoClosedVerified", COMPLAINTS).containsEntry("fixOnTimeUnverified", 0);
    }

    /** Stable history: the credit is part of the recorded definition, so rankings as of an instant before it keep full credit. */
    @Test
    void theCreditAppliesFromItsOwnDefinitionOnly() {
        List<Map<String, Object>> definitions = db.sql("""
                        SELECT version, unverified_credit, effective_from FROM ranking_definition WHERE version <= 3 ORDER BY version""")
                .fetch().all().collectList().block();
        assertThat(definitions).extracting(d -> ((Number) d.get("unverified_credit")).doubleValue()).containsExactly(1.0, 1.0, 0.5);
        assertThat((java.time.OffsetDateTime) definitions.get(2).get("effective_from"))
                .isAfterOrEqualTo((java.time.OffsetDateTime) definitions.get(1).get("effective_from"));
    }
}
