package id.go.cilegon.juare.geo;

public record Kecamatan(String code, String name, GeoPoint centroid, String boundaryGeoJson) {
}
