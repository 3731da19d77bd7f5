package id.go.cilegon.juare.geo;

public record Kelurahan(String code, String name, String kecamatanCode, GeoPoint centroid, String boundaryGeoJson) {
}
