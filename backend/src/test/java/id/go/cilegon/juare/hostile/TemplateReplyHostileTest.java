package id.go.cilegon.juare.hostile;

import static id.go.cilegon.juare.support.Api.complaintInput;
import static id.go.cilegon.juare.support.Api.newRequestId;
import static id.go.cilegon.juare.support.Api.operation;
import static org.assertj.core.api.Assertions.assertThat;

import id.go.cilegon.juare.ranking.OpdStanding;
import id.go.cilegon.juare.ranking.RankingHistory;
import id.go.cilegon.juare.support.Api;
import id.go.cilegon.juare.support.IntegrationTest;
import id.go.cilegon.juare.support.Staff;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 12, "template replies" (ADR 0018): an OPD that answers every complaint on time with "okokok…" or with one
 * boilerplate gains nothing over an OPD that does not answer at all; distinct real replies still count. Four OPDs no
 * other test uses, five complaints each, judged by the ranking as of 26 hours later (every reply clock, 24 h, has run
 * out by then) and by the live scorecard now.
 */
@Tag("hostile")
class TemplateReplyHostileTest extends IntegrationTest {

    private static final int COMPLAINTS = 5;
    private static final ZoneId WIB = ZoneId.of("Asia/Jakarta");
    private static final List<String> REAL = List.of(
            "Petugas kami akan memeriksa lokasi besok pagi.",
            "Sudah kami teruskan ke kepala seksi kebersihan.",
            "Mohon kirim foto tambahan dari sisi jalan utama.",
            "Tim lapangan menjadwalkan perbaikan hari Kamis.",
            "Kami koordinasikan dulu dengan pihak kelurahan.");

    @Autowired
    RankingHistory history;

    private Staff staff() {
        return new Staff(api());
    }

    /** Five complaints dispatched to the OPD, each answered with reply(i) unless it is null. */
    private List<String> answered(String opd, IntFunction<String> reply) {
        Api.Resident resident = api().newResident();
        Staff.Member responder = staff().create("OPD_RESPONDER", opd);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < COMPLAINTS; i++) {
            String id = operation(api().as(resident.token()), "SubmitComplaint")
                    .variable("input", complaintInput(newRequestId(), List.of())).execute()
                    .path("submitComplaint.complaint.id").entity(String.class).get();
            operation(api().as(staff().operator().token()), "Dispatch")
                    .variable("input", Map.of("complaintId", id, "opdCode", opd)).execute()
                    .path("dispatch.errors").entityList(Object.class).hasSize(0);
            String message = reply.apply(i);
            if (message != null) {
                // accepted: the resident gets it, whatever the ranking makes of it
                operation(api().as(responder.token()), "Reply")
                        .variable("input", Map.of("complaintId", id, "message", message)).execute()
                        .path("reply.errors").entityList(Object.class).hasSize(0)
                        .path("reply.complaint.status").entity(String.class).isEqualTo("IN_PROGRESS");
            }
            ids.add(id);
        }
        return ids;
    }

    private OpdStanding later(String opd) {
        LocalDate today = LocalDate.now(WIB);
        return history.standings(today, today, Instant.now().plus(Duration.ofHours(26))).block(Duration.ofSeconds(30))
                .stream().filter(s -> s.opdCode().equals(opd)).findFirst().orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> scorecard(String opd, String path) {
        return (Map<String, Object>) operation(api().as(staff().operator().token()), "OpdScorecard")
                .variable("opdCode", opd).variable("period", Map.of("kind", "TODAY")).execute()
                .path("opdScorecard." + path).entity(Map.class).get();
    }

    /** Asserts that the complaint has no first reply: its reply clock still runs. */
    private void firstReplyAt(String id) {
        operation(api().as(staff().operator().token()), "StaffComplaintDetail").variable("id", id).execute()
                .path("complaint.firstReplyAt").valueIsNull();
    }

    @Test
    void templateRepliesDoNotRaiseTheScoreOverNotReplying() {
        answered("KEC-GROGOL", i -> null);
        List<String> okok = answered("KEC-JOMBANG", i -> "okokokokokokokokok");
        answered("KEC-CITANGKIL", i -> "Laporan JUA-" + (1000 + i) + " sedang kami proses. Terima kasih!");
        answered("KEC-PURWAKARTA", REAL::get);

        OpdStanding silent = later("KEC-GROGOL");
        OpdStanding repeated = later("KEC-JOMBANG");
        OpdStanding boilerplate = later("KEC-CITANGKIL");
        OpdStanding honest = later("KEC-PURWAKARTA");
        for (OpdStanding s : List.of(silent, repeated, boilerplate, honest)) {
            System.out.println("HOSTILE template-replies opd=" + s.opdCode() + " received=" + s.received()
                    + " replyOnTimeShare=" + s.replyOnTimeShare() + " score=" + s.score());
        }
        assertThat(silent.replyOnTimeShare()).isEqualTo(0.0);
        // "okokok…" on time: exactly as if it had not answered
        assertThat(repeated.replyOnTimeShare()).isEqualTo(silent.replyOnTimeShare());
        assertThat(repeated.score()).isEqualTo(silent.score());
        // one boilerplate: its first use is a reply like any other, the four copies are not
        assertThat(boilerplate.replyOnTimeShare()).isEqualTo(1.0 / COMPLAINTS);
        assertThat(honest.replyOnTimeShare()).isEqualTo(1.0);
        assertThat(honest.score()).isGreaterThan(boilerplate.score());
        assertThat(boilerplate.score()).isGreaterThanOrEqualTo(silent.score());

        // the live figures and the complaint agree: no first reply, the reply clock still runs
        assertThat(scorecard("KEC-JOMBANG", "figures")).containsEntry("replied", 0);
        assertThat(scorecard("KEC-CITANGKIL", "figures")).containsEntry("replied", 1);
        assertThat(scorecard("KEC-PURWAKARTA", "figures")).containsEntry("replied", COMPLAINTS);
        firstReplyAt(okok.getFirst());  // no first reply on the complaint either

        // the scorecard's new figure
        assertThat(scorecard("KEC-JOMBANG", "templateReplies")).containsEntry("replies", COMPLAINTS)
                .containsEntry("templates", COMPLAINTS).containsEntry("share", 1.0);
        assertThat(scorecard("KEC-CITANGKIL", "templateReplies")).containsEntry("replies", COMPLAINTS)
                .containsEntry("templates", COMPLAINTS - 1).containsEntry("share", 0.8);
        assertThat(scorecard("KEC-PURWAKARTA", "templateReplies")).containsEntry("templates", 0).containsEntry("share", 0.0);
        assertThat(scorecard("KEC-GROGOL", "templateReplies")).containsEntry("replies", 0).containsEntry("share", null);
    }

    @Test
    void tokenAndRepeatedRepliesNeverStopTheReplyClock() {
        Api.Resident resident = api().newResident();
        Staff.Member responder = staff().create("OPD_RESPONDER", "KEC-PULOMERAK");
        String id = operation(api().as(resident.token()), "SubmitComplaint")
                .variable("input", complaintInput(newRequestId(), List.of())).execute()
                .path("submitComplaint.complaint.id").entity(String.class).get();
        operation(api().as(staff().operator().token()), "Dispatch")
                .variable("input", Map.of("complaintId", id, "opdCode", "KEC-PULOMERAK")).execute()
                .path("dispatch.errors").entityList(Object.class).hasSize(0);
        List<String> moves = List.of("ok", "siap . . . . . . . . . .", "okokokokokokokokok", "OK OK OK OK OK OK OK OK",
                "sudah sudah sudah sudah", "Siap, siap, siap, siap!!!", "ok siap ok siap ok siap ok siap",
                "hahahahahahahahahaha", "JUA-2026-000123 ok", "123456789012345678", "baik baik baik baik baik baik ok");
        int refused = 0;
        int sentButNotCounted = 0;
        for (String move : moves) {
            List<Object> errors = operation(api().as(responder.token()), "Reply")
                    .variable("input", Map.of("complaintId", id, "message", move)).execute()
                    .path("reply.errors").entityList(Object.class).get();
            if (errors.isEmpty()) {
                sentButNotCounted++;
            } else {
                refused++;
            }
            firstReplyAt(id);
        }
        System.out.println("HOSTILE template-replies moves=" + moves.size() + " refused=" + refused
                + " sentButNotCounted=" + sentButNotCounted + " stoppedTheClock=0");
        assertThat(refused + sentButNotCounted).isEqualTo(moves.size());
        assertThat(refused).isPositive();
        assertThat(sentButNotCounted).isPositive();
        // a real answer after all that does stop it
        operation(api().as(responder.token()), "Reply")
                .variable("input", Map.of("complaintId", id, "message", "Petugas kecamatan sudah meninjau lokasi tadi siang.")).execute()
                .path("reply.errors").entityList(Object.class).hasSize(0)
                .path("reply.complaint.firstReplyAt").hasValue();
    }
}
