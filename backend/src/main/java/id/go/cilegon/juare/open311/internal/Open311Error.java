package id.go.cilegon.juare.open311.internal;

import org.springframework.http.HttpStatus;

/**
 * A refusal in GeoReport v2's shape: {@code [{"code": <HTTP status>, "description": …}]}, plus our own code where
 * one says more than the status (IDEMPOTENCY_KEY_REUSED, NOT_IN_CILEGON, …). The description is
 * "Bahasa Indonesia / English" and goes out in the caller's language.
 */
final class Open311Error extends RuntimeException {

    private final HttpStatus status;
    private final String errorCode;

    Open311Error(HttpStatus status, String errorCode, String description) {
        super(description, null, false, false);
        this.status = status;
        this.errorCode = errorCode;
    }

    HttpStatus status() {
        return status;
    }

    String errorCode() {
        return errorCode;
    }

    static Open311Error badRequest(String description) {
        return new Open311Error(HttpStatus.BAD_REQUEST, "INVALID_INPUT", description);
    }

    static Open311Error apiKey() {
        return new Open311Error(HttpStatus.FORBIDDEN, "UNAUTHENTICATED",
                "api_key tidak ada atau tidak berlaku: kirim token akses Juare / "
                        + "api_key missing or not valid: send a Juare access token");
    }

    static Open311Error notFound(String description) {
        return new Open311Error(HttpStatus.NOT_FOUND, "NOT_FOUND", description);
    }
}
