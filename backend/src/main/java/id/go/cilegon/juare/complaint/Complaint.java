package id.go.cilegon.juare.complaint;

import java.time.Instant;
import java.util.UUID;

/** A complaint as stored. */
public record Complaint(UUID id, String trackingNumber, UUID residentId, String clientRequestId, String categoryCode,
                        String title, String description, double lat, double lng, String kecamatanCode,
                        String kelurahanCode, String addressText, boolean confidential, ComplaintStatus status,
                        String opdCode, int version, Instant createdAt, Instant updatedAt) {
}
