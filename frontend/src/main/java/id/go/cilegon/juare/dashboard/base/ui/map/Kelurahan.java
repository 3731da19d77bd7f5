package id.go.cilegon.juare.dashboard.base.ui.map;

import tools.jackson.databind.JsonNode;

/**
 * A kelurahan as detail-zoom maps draw it: its boundary (GeoJSON geometry, {@code [lng, lat]}), its name at its
 * centroid, and its kecamatan's name for the place line of a single complaint's map. Reference data.
 */
public record Kelurahan(String code, String name, String kecamatan, double lat, double lng, JsonNode geometry) {
}
