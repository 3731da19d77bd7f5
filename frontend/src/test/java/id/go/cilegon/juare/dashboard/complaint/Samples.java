package id.go.cilegon.juare.dashboard.complaint;

import id.go.cilegon.juare.dashboard.complaint.StaffComplaint.Category;
import id.go.cilegon.juare.dashboard.complaint.StaffComplaint.Named;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Complaints for unit tests, in the states the screens care about. */
final class Samples {

    private Samples() {
    }

    static StaffComplaint submitted() {
        return complaint("SUBMITTED", null, null, null, null, new Category("JALAN_RUSAK", "Jalan rusak", "Damaged road", 24, 72), null);
    }

    /** At an OPD, dispatched at {@code dispatchedAt}, with the category's clocks (hours may be null: not asked). */
    static StaffComplaint atOpd(String status, Instant dispatchedAt, Instant firstReplyAt, Integer replyHours, Integer fixHours) {
        Category category = new Category("JALAN_RUSAK", "Jalan rusak", "Damaged road", replyHours, fixHours);
        return complaint(status, dispatchedAt, dispatchedAt.plus(Duration.ofHours(24)), dispatchedAt.plus(Duration.ofHours(72)),
                firstReplyAt, category, new Named("DPUPR", "Dinas Pekerjaan Umum dan Penataan Ruang"));
    }

    static StaffComplaint withStatus(StaffComplaint c, String status) {
        return new StaffComplaint(c.id(), c.trackingNumber(), status, c.category(), c.title(), c.description(), c.location(),
                c.addressText(), c.kecamatan(), c.kelurahan(), c.confidential(), c.opd(), c.photos(), c.createdAt(), c.updatedAt(),
                c.version() + 1, c.dispatchedAt(), c.replyDueAt(), c.fixDueAt(), c.firstReplyAt(), c.resolvedAt(), c.closedAt(),
                c.replySecondsLeft(), c.fixSecondsLeft(), c.replyOverdue(), c.fixOverdue(), c.rejectReason(), c.duplicateOf(),
                c.transferRequested(), c.transferRequestedAt(), c.transferReason(), c.rating(), c.residentComment(), c.reopenCount(), c.autoClosed(),
                c.reporter(), c.suggestedOpd(), c.possibleDuplicates(), c.timeline());
    }

    private static StaffComplaint complaint(String status, Instant dispatchedAt, Instant replyDueAt, Instant fixDueAt,
                                            Instant firstReplyAt, Category category, Named opd) {
        Instant created = dispatchedAt == null ? Instant.parse("2026-05-07T01:00:00Z") : dispatchedAt.minus(Duration.ofMinutes(30));
        return new StaffComplaint("0d9f6f0e-0000-4000-8000-000000000001", "JRX-7K4M", status, category, null,
                "Jalan berlubang besar di depan sekolah", new StaffComplaint.GeoPoint(-6.0, 106.05), "Jl. Sudirman",
                new Named("367201", "Cilegon"), new Named("3672011001", "Ciwaduk"), false, opd, List.of(), created, created, 3,
                dispatchedAt, replyDueAt, fixDueAt, firstReplyAt, null, null, null, null, false, false, null, null, false, null, null,
                null, null, 0, false, null, new Named("DPUPR", "DPUPR"), null, null);
    }
}
