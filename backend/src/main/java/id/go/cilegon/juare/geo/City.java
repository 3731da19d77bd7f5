package id.go.cilegon.juare.geo;

public record City(String code, String name, String boundaryGeoJson) {
}
