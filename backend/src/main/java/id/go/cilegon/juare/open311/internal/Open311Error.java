package id.go.cilegon.juare.open311.internal;

import java.util.Arrays;
import org.springframework.http.HttpStatus;

/**
 * A refusal in GeoReport v2's shape: {@code [{"code": <HTTP status>, "description": …}]}, plus our own code where
 * one says more than the status (IDEMPOTENCY_KEY_REUSED, NOT_IN_CILEGON, …). The description is a catalogue key
 * with arguments, put into words in the caller's language when the answer is written (docs/adr/0031).
 */
final class Open311Error extends RuntimeException {

    private final HttpStatus status;
    private final String errorCode;
    private final String key;
    private final Object[] args;

    Open311Error(HttpStatus status, String errorCode, String key, Object... args) {
        super(key + (args.length == 0 ? "" : " " + Arrays.toString(args)), null, false, false);
        this.status = status;
        this.errorCode = errorCode;
        this.key = key;
        this.args = args.clone();
    }

    HttpStatus status() {
        return status;
    }

    String errorCode() {
        return errorCode;
    }

    String key() {
        return key;
    }

    Object[] args() {
        return args.clone();
    }

    static Open311Error badRequest(String key, Object... args) {
        return new Open311Error(HttpStatus.BAD_REQUEST, "INVALID_INPUT", key, args);
    }

    static Open311Error apiKey() {
        return new Open311Error(HttpStatus.FORBIDDEN, "UNAUTHENTICATED", "open311.api-key");
    }

    static Open311Error notFound(String key, Object... args) {
        return new Open311Error(HttpStatus.NOT_FOUND, "NOT_FOUND", key, args);
    }
}
