package id.go.cilegon.juare.overview.internal;

import id.go.cilegon.juare.complaint.ComplaintStatus;
import java.util.List;
import java.util.UUID;

/** GraphQL ComplaintMap. */
record ComplaintMap(int total, List<MapCluster> clusters, List<MapMarker> markers) {

    static final ComplaintMap EMPTY = new ComplaintMap(0, List.of(), List.of());

    /** GraphQL MapCluster: a grid cell with more than one complaint; byStatus lists the statuses present only. */
    record MapCluster(double lat, double lng, int count, List<StatusCount> byStatus, double south, double west,
                      double north, double east) {
    }

    /** GraphQL MapMarker: the one complaint of a grid cell. */
    record MapMarker(UUID complaintId, String trackingNumber, ComplaintStatus status, String categoryCode,
                     String opdCode, double lat, double lng) {
    }
}
