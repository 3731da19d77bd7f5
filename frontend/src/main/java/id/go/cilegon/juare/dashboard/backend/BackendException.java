package id.go.cilegon.juare.dashboard.backend;

/**
 * The backend refused or failed a request. {@link #code()} is the GraphQL error's {@code extensions.code}
 * ({@code UNAUTHENTICATED}, {@code FORBIDDEN}, ...), {@code UNAVAILABLE} when it could not be reached, or a payload
 * error's code.
 */
public class BackendException extends RuntimeException {

    public static final String UNAVAILABLE = "UNAVAILABLE";

    private final String code;

    public BackendException(String code, String message) {
        super(code + ": " + message);
        this.code = code;
    }

    public BackendException(String code, String message, Throwable cause) {
        super(code + ": " + message, cause);
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** The session is over: the user must sign in again. */
    public boolean isSessionOver() {
        return "UNAUTHENTICATED".equals(code) || "INVALID_REFRESH_TOKEN".equals(code);
    }
}
