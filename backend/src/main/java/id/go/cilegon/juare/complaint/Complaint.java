package id.go.cilegon.juare.complaint;

import java.time.Instant;
import java.util.UUID;

/** A complaint as stored. Clocks and outcomes are null until the lifecycle reaches them. */
public record Complaint(UUID id, String trackingNumber, UUID residentId, String clientRequestId, String categoryCode,
                        String title, String description, double lat, double lng, String kecamatanCode,
                        String kelurahanCode, String addressText, boolean confidential, ComplaintStatus status,
                        String opdCode, int version, Instant createdAt, Instant updatedAt,
                        Instant dispatchedAt, Instant replyDueAt, Instant fixDueAt, Instant firstReplyAt,
                        Instant resolvedAt, Instant closedAt, Instant replyOverdueAt, Instant fixOverdueAt,
                        Instant transferRequestedAt, String transferReason, String rejectReason, UUID duplicateOf,
                        Integer rating, String residentComment, int reopenCount, boolean autoClosed) {

    /** A complaint just filed. */
    public static Complaint submitted(UUID id, String trackingNumber, UUID residentId, String clientRequestId,
                                      String categoryCode, String title, String description, double lat, double lng,
                                      String kecamatanCode, String kelurahanCode, String addressText, boolean confidential,
                                      Instant now) {
        return new Complaint(id, trackingNumber, residentId, clientRequestId, categoryCode, title, description, lat, lng,
                kecamatanCode, kelurahanCode, addressText, confidential, ComplaintStatus.SUBMITTED, null, 0, now, now,
                null, null, null, null, null, null, null, null, null, null, null, null, null, null, 0, false);
    }

    /**
     * By the id alone (equal complaints have equal ids): a complaint is the key of the per-request data loaders (its
     * photos, timeline), which hashed all 34 components on every prime and load.
     */
    @Override
    public int hashCode() {
        return id == null ? 0 : id.hashCode();
    }

    /** An OPD holds it: its clocks run (docs/lifecycle.md). */
    public boolean isAtOpd() {
        return status.isAtOpd();
    }

    /** As the clock job's REPLY_OVERDUE: at an OPD, no real first reply, past the reply deadline. */
    public boolean replyOverdue(Instant now) {
        return firstReplyAt == null && replyDueAt != null && isAtOpd() && replyDueAt.isBefore(now);
    }

    /** As the clock job's FIX_OVERDUE: at an OPD, past the fix deadline. */
    public boolean fixOverdue(Instant now) {
        return fixDueAt != null && isAtOpd() && fixDueAt.isBefore(now);
    }
}
