package id.go.cilegon.juare.dashboard.backend;

/** An expected failure in a mutation's payload. */
public record UserError(String code, String message, String field) {
}
