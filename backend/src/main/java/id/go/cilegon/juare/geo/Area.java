package id.go.cilegon.juare.geo;

/** Where a point lies: its kecamatan and kelurahan. */
public record Area(Kecamatan kecamatan, Kelurahan kelurahan) {
}
