package id.go.cilegon.juare.ranking;

import static id.go.cilegon.juare.support.Api.complaintInput;
import static id.go.cilegon.juare.support.Api.newRequestId;
import static id.go.cilegon.juare.support.Api.operation;
import static org.assertj.core.api.Assertions.assertThat;

import id.go.cilegon.juare.support.Api;
import id.go.cilegon.juare.support.Images;
import id.go.cilegon.juare.support.IntegrationTest;
import id.go.cilegon.juare.support.Staff;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.GraphQlTester;

/**
 * The fairness rules, each through the real mutations and then the ranking (today's figures of OPDs no other test
 * uses, each rule its own OPD). How long a misrouted complaint waited is shown in RankingFiguresTest (A4).
 */
class RankingFairnessTest extends IntegrationTest {

    private static final Map<String, Object> TODAY = Map.of("kind", "TODAY");

    private Staff staff() {
        return new Staff(api());
    }

    private static Map<String, Object> input(Object... pairs) {
        Map<String, Object> input = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            input.put((String) pairs[i], pairs[i + 1]);
        }
        return input;
    }

    private GraphQlTester.Response act(String token, String operation, Map<String, Object> input) {
        return operation(api().as(token), operation).variable("input", input).execute();
    }

    private void ok(String token, String operation, Map<String, Object> input) {
        act(token, operation, input).path(Character.toLowerCase(operation.charAt(0)) + operation.substring(1) + ".errors")
                .entityList(Object.class).hasSize(0);
    }

    private void refused(String token, String operation, Map<String, Object> input, String code) {
        act(token, operation, input).path(Character.toLowerCase(operation.charAt(0)) + operation.substring(1) + ".errors[0].code")
                .entity(String.class).isEqualTo(code);
    }

    private void forbidden(String token, String operation, Map<String, Object> input) {
        act(token, operation, input).errors().satisfy(errors -> assertThat(errors).singleElement()
                .satisfies(e -> assertThat(e.getExtensions()).containsEntry("code", "FORBIDDEN")));
    }

    /** A new complaint of the resident, dispatched to the OPD. */
    private String dispatched(Api.Resident resident, String opd) {
        String id = operation(api().as(resident.token()), "SubmitComplaint")
                .variable("input", complaintInput(newRequestId(), List.of()))
                .execute()
                .path("submitComplaint.complaint.id").entity(String.class).get();
        ok(staff().operator().token(), "Dispatch", input("complaintId", id, "opdCode", opd));
        return id;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> figures(String opd) {
        return (Map<String, Object>) operation(api().as(staff().operator().token()), "OpdScorecard")
                .variable("opdCode", opd).variable("period", TODAY).execute()
                .path("opdScorecard.figures").entity(Map.class).get();
    }

    private List<String> behind(String opd, String metric) {
        return operation(api().as(staff().operator().token()), "OpdScorecardComplaints")
                .variable("opdCode", opd).variable("period", TODAY).variable("metric", metric).execute()
                .path("opdScorecard.complaints.edges[*].node.complaintId").entityList(String.class).get();
    }

    @Test
    void aMisroutedComplaintDoesNotCountAgainstTheFirstOpd() {
        Api.Resident resident = api().newResident();
        Staff.Member first = staff().create("OPD_RESPONDER", "BKPSDM");
        String misrouted = dispatched(resident, "BKPSDM");
        ok(first.token(), "RequestTransfer", input("complaintId", misrouted, "reason", "Bukan kewenangan BKPSDM, mohon dialihkan."));
        ok(staff().operator().token(), "Reroute", input("complaintId", misrouted, "opdCode", "BPKAD", "misrouted", true,
                "note", "Urusan kepegawaian BPKAD, bukan BKPSDM."));
        // an operator's reroute that says the first OPD was right: that OPD still answers for the time it had it
        String movedOn = dispatched(resident, "BKPSDM");
        ok(staff().operator().token(), "Reroute", input("complaintId", movedOn, "opdCode", "BPKAD", "misrouted", false));

        assertThat(figures("BKPSDM")).containsEntry("received", 1).containsEntry("misroutedAway", 1);
        assertThat(behind("BKPSDM", "MISROUTED_AWAY")).containsExactly(misrouted);
        assertThat(behind("BKPSDM", "RECEIVED")).containsExactly(movedOn);
        // the second OPD's clocks start at the reroute: both complaints are its own, neither late
        assertThat(figures("BPKAD")).containsEntry("received", 2).containsEntry("replyDecided", 0).containsEntry("openNow", 2);
    }

    @Test
    void aTokenReplyIsRefusedAndDoesNotStopTheReplyClock() {
        Api.Resident resident = api().newResident();
        Staff.Member responder = staff().create("OPD_RESPONDER", "INSPEKTORAT");
        String id = dispatched(resident, "INSPEKTORAT");
        for (String token : List.of("ok", "Siap, dicek ya", "...............................", "ok ok ok ok ok ok")) {
            refused(responder.token(), "Reply", input("complaintId", id, "message", token), "MESSAGE_TOO_SHORT");
        }
        String photo = api().uploadedPhotoId(responder.token(), Images.jpeg(640, 480));
        refused(responder.token(), "Resolve", input("complaintId", id, "note", "Sudah ok ya.", "afterPhotoIds", List.of(photo)),
                "MESSAGE_TOO_SHORT");
        operation(api().as(responder.token()), "StaffComplaintDetail").variable("id", id).execute()
                .path("complaint.firstReplyAt").valueIsNull()
                .path("complaint.status").entity(String.class).isEqualTo("DISPATCHED");
        assertThat(figures("INSPEKTORAT")).containsEntry("replied", 0);

        ok(responder.token(), "Reply", input("complaintId", id, "message", "Laporan Anda sedang kami periksa."));
        assertThat(figures("INSPEKTORAT")).containsEntry("replied", 1).containsEntry("replyOnTime", 1);
    }

    @Test
    void aResolveWithoutAnAfterPhotoIsRefused() {
        Api.Resident resident = api().newResident();
        Staff.Member responder = staff().create("OPD_RESPONDER", "DKISS");
        String id = dispatched(resident, "DKISS");
        refused(responder.token(), "Resolve", input("complaintId", id, "note", "Sudah diperbaiki oleh teknisi kami.",
                "afterPhotoIds", List.of()), "AFTER_PHOTO_REQUIRED");
        assertThat(figures("DKISS")).containsEntry("resolved", 0).containsEntry("fixOnTime", 0).containsEntry("openNow", 1);
    }

    @Test
    void aReopenWithdrawsTheOnTimeCreditOfThatResolution() {
        Api.Resident resident = api().newResident();
        Staff.Member responder = staff().create("OPD_RESPONDER", "DPMPTSP");
        String id = dispatched(resident, "DPMPTSP");
        String photo = api().uploadedPhotoId(responder.token(), Images.jpeg(640, 480));
        ok(responder.token(), "Resolve", input("complaintId", id, "note", "Sudah diperbaiki oleh teknisi kami.", "afterPhotoIds", List.of(photo)));
        assertThat(figures("DPMPTSP")).containsEntry("fixOnTime", 1).containsEntry("fixDecided", 1).containsEntry("reopened", 0);
        assertThat(behind("DPMPTSP", "FIX_ON_TIME")).containsExactly(id);

        ok(resident.token(), "DisputeResolution", input("complaintId", id, "reason", "Masih rusak, belum diperbaiki."));
        // the fix clock set at dispatch still runs: not late yet, but no longer on time
        assertThat(figures("DPMPTSP")).containsEntry("fixOnTime", 0).containsEntry("fixDecided", 0)
                .containsEntry("resolved", 1).containsEntry("reopened", 1);
        assertThat(behind("DPMPTSP", "FIX_ON_TIME")).isEmpty();
        assertThat(behind("DPMPTSP", "REOPENED")).containsExactly(id);
    }

    @Test
    void onlyTheResidentCanConfirm() {
        Api.Resident resident = api().newResident();
        Staff.Member responder = staff().create("OPD_RESPONDER", "DISNAKER");
        String id = dispatched(resident, "DISNAKER");
        String photo = api().uploadedPhotoId(responder.token(), Images.jpeg(640, 480));
        ok(responder.token(), "Resolve", input("complaintId", id, "note", "Sudah diperbaiki oleh teknisi kami.", "afterPhotoIds", List.of(photo)));
        for (String token : List.of(responder.token(), staff().operator().token(), staff().create("MAYOR", null).token())) {
            forbidden(token, "ConfirmResolution", input("complaintId", id, "rating", 5));
        }
        // another resident: not theirs, so not found, as an unknown id (no existence oracle, ADR 0030)
        refused(api().newResident().token(), "ConfirmResolution", input("complaintId", id, "rating", 5), "NOT_FOUND");
        assertThat(figures("DISNAKER")).containsEntry("rated", 0).containsEntry("closed", 0);
        ok(resident.token(), "ConfirmResolution", input("complaintId", id, "rating", 4));
        assertThat(figures("DISNAKER")).containsEntry("rated", 1).containsEntry("closed", 1).containsEntry("averageRating", 4.0);
    }
}
