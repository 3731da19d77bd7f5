package id.go.cilegon.juare.geo;

/** WGS84 latitude and longitude in degrees. */
public record GeoPoint(double lat, double lng) {
}
