package id.go.cilegon.juare.dashboard.live;

import java.time.Instant;

/**
 * One event of the backend's {@code complaintEvents} subscription, as the dashboard passes it to its screens.
 * {@code lat}/{@code lng} are the complaint's location (null if unknown).
 */
public record ComplaintEvent(String id, String type, String status, Instant at, String actor, String message,
                             String complaintId, String trackingNumber, String opdCode, String kecamatanCode,
                             String categoryCode, Double lat, Double lng) {
}
