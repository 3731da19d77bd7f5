package id.go.cilegon.juare.dashboard.base.ui.map;

import java.util.List;

/**
 * The complaints of a map box: the backend clusters them on a grid sized for the zoom; a cell with one complaint
 * comes as a marker.
 *
 * @param total complaints in the box
 */
public record MapData(int total, List<Cluster> clusters, List<Marker> markers) {

    public static final MapData EMPTY = new MapData(0, List.of(), List.of());

    public MapData {
        clusters = List.copyOf(clusters);
        markers = List.copyOf(markers);
    }

    /** Several complaints of one grid cell, at their mean position; the cell's bounds are what a click zooms to. */
    public record Cluster(double lat, double lng, int count, List<StatusCount> byStatus,
                          double south, double west, double north, double east) {

        public Cluster {
            byStatus = List.copyOf(byStatus);
        }
    }

    /** One complaint; {@code category} is the category's name in the screen's language. */
    public record Marker(String complaintId, String trackingNumber, String status, String category, String opdCode,
                         double lat, double lng) {
    }

    public record StatusCount(String status, int count) {
    }
}
