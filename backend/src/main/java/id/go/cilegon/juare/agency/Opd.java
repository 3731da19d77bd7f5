package id.go.cilegon.juare.agency;

/** An organisasi perangkat daerah: a city agency that takes complaints. */
public record Opd(String code, String name, String kind, boolean active) {
}
