package id.go.cilegon.juare.dashboard.backend;

/**
 * The staff member's sign-in is over (the backend answered {@code UNAUTHENTICATED}, or the refresh token was refused):
 * they must sign in again. Deliberately not a {@link BackendException}: screens catch those to show a message, while
 * this one passes them by to the one place that owns "session over" (the security package's error handler: logout and
 * the login page), wherever it was thrown: an event, a navigation, a live update.
 */
public class SessionOverException extends RuntimeException {

    private final String code;

    public SessionOverException(String code, String message) {
        super(code + ": " + message);
        this.code = code;
    }

    /** The backend's code: {@code UNAUTHENTICATED} or {@code INVALID_REFRESH_TOKEN}. */
    public String code() {
        return code;
    }

    /** Whether an error code of the backend means the sign-in is over. */
    public static boolean means(String code) {
        return "UNAUTHENTICATED".equals(code) || "INVALID_REFRESH_TOKEN".equals(code);
    }

    /** The first {@link SessionOverException} among {@code error} and its causes, if any. */
    public static SessionOverException in(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SessionOverException over) {
                return over;
            }
        }
        return null;
    }
}
