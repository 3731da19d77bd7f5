package id.go.cilegon.juare.dashboard.complaint.ui;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.cilegon.juare.dashboard.complaint.StaffComplaint;
import id.go.cilegon.juare.dashboard.complaint.StaffComplaint.TimelineEntry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The transfer tab's hand-back sentence follows the backend's rule (Breaches.excused, ADR 0022): the OPD's FIRST
 * transfer request of the assignment decides, so a request declined in time and repeated late is still "in time", and
 * a request from an earlier assignment (before a reroute) does not count.
 */
class TransferHandBackTest {

    private static final Instant DISPATCHED = Instant.parse("2026-12-01T01:00:00Z");
    private static final Instant REPLY_DUE = DISPATCHED.plus(Duration.ofHours(24));

    @Test
    void aRequestBeforeTheReplyDeadlineIsInTime() {
        assertThat(TransferQueuePanel.handBackKey(complaint(REPLY_DUE.minusSeconds(60), requested(REPLY_DUE.minusSeconds(60)))))
                .isEqualTo("transfer.handBack.inTime");
    }

    @Test
    void aRequestAfterTheReplyDeadlineIsLate() {
        assertThat(TransferQueuePanel.handBackKey(complaint(REPLY_DUE.plusSeconds(60), requested(REPLY_DUE.plusSeconds(60)))))
                .isEqualTo("transfer.handBack.late");
    }

    @Test
    void theFirstRequestOfTheAssignmentDecidesNotTheLatest() {
        Instant first = DISPATCHED.plus(Duration.ofHours(2));
        Instant again = REPLY_DUE.plus(Duration.ofHours(3));
        assertThat(TransferQueuePanel.handBackKey(complaint(again, requested(first), declined(first.plusSeconds(600)), requested(again))))
                .isEqualTo("transfer.handBack.inTime");
    }

    @Test
    void aRequestToAnEarlierOpdDoesNotCount() {
        Instant late = REPLY_DUE.plus(Duration.ofHours(1));
        assertThat(TransferQueuePanel.handBackKey(complaint(late, requested(DISPATCHED.minus(Duration.ofHours(5))), requested(late))))
                .isEqualTo("transfer.handBack.late");
    }

    @Test
    void nothingToSayWithoutARequest() {
        assertThat(TransferQueuePanel.handBackKey(null)).isNull();
        assertThat(TransferQueuePanel.handBackKey(complaint(null))).isNull();
    }

    private static TimelineEntry requested(Instant at) {
        return new TimelineEntry(at.toString(), "TRANSFER_REQUESTED", "DISPATCHED", at, "STAFF", "Dishub", "Bukan kewenangan kami", null, true);
    }

    private static TimelineEntry declined(Instant at) {
        return new TimelineEntry(at.toString(), "TRANSFER_DECLINED", "DISPATCHED", at, "STAFF", "Operator", "Tetap di Dishub", null, true);
    }

    private static StaffComplaint complaint(Instant transferRequestedAt, TimelineEntry... timeline) {
        List<TimelineEntry> entries = new ArrayList<>(List.of(timeline));
        return new StaffComplaint("0d9f6f0e-0000-4000-8000-000000000002", "NAG-SH26", "DISPATCHED", null, null, "Lampu mati",
                new StaffComplaint.GeoPoint(-6.0, 106.05), null, null, null, false, new StaffComplaint.Named("DISHUB", "Dinas Perhubungan"),
                List.of(), DISPATCHED, DISPATCHED, 3, DISPATCHED, REPLY_DUE, REPLY_DUE.plus(Duration.ofHours(48)), null, null, null,
                null, null, false, false, null, null, transferRequestedAt != null, transferRequestedAt, "Bukan kewenangan kami",
                null, null, 0, false, null, null, null, entries);
    }
}
