package id.go.cilegon.juare.dashboard.backend;

/**
 * The backend refused or failed a request. {@link #code()} is the GraphQL error's {@code extensions.code}
 * ({@code FORBIDDEN}, {@code NOT_FOUND}, ...), {@code UNAVAILABLE} when it could not be reached, or a payload
 * error's code. A sign-in that is over is not one of these: see {@link SessionOverException}.
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
}
