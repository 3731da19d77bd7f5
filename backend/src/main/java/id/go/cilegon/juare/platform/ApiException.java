package id.go.cilegon.juare.platform;

/** A failure reported as a GraphQL error (not a payload error), with its code in extensions.code. */
public class ApiException extends RuntimeException {

    private final ErrorCode code;

    public ApiException(ErrorCode code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }

    public static ApiException unauthenticated() {
        return new ApiException(ErrorCode.UNAUTHENTICATED, "Silakan masuk terlebih dahulu / Please sign in");
    }

    public static ApiException forbidden() {
        return new ApiException(ErrorCode.FORBIDDEN, "Anda tidak berhak / Not allowed");
    }

    public static ApiException invalidInput(String message) {
        return new ApiException(ErrorCode.INVALID_INPUT, message);
    }
}
