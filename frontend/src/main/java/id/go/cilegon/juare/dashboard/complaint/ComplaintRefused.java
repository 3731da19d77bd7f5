package id.go.cilegon.juare.dashboard.complaint;

import id.go.cilegon.juare.dashboard.backend.BackendException;
import id.go.cilegon.juare.dashboard.backend.Outcome;
import id.go.cilegon.juare.dashboard.backend.UserError;

/**
 * The backend refused a staff action with a payload error ({@code UserError}): {@link #code()} is its
 * {@code ErrorCode} ({@code CONFLICT}, {@code INVALID_TRANSITION}, {@code MESSAGE_TOO_SHORT}, ...), {@link #userMessage()}
 * the backend's text (in the user's language: the dashboard sends it as Accept-Language, docs/adr/0031) and
 * {@link #field()} the input at fault, if any. A refusal of the dashboard's own (a photo checked before it is sent)
 * names a translation key instead ({@link #textKey()}). Not allowed at all or
 * signed out stay plain {@link BackendException}s ({@code FORBIDDEN}) or a {@code SessionOverException}. It is the
 * refused side of an {@link Outcome}, thrown: the complaint desk's flows (reload and look again) are built on it.
 */
public class ComplaintRefused extends BackendException {

    public static final String CONFLICT = "CONFLICT";

    private final String userMessage;
    private final String field;
    private final String textKey;
    private final Object[] textArgs;

    public ComplaintRefused(String code, String message, String field) {
        this(code, message, field, null);
    }

    private ComplaintRefused(String code, String message, String field, String textKey, Object... textArgs) {
        super(code, message);
        this.userMessage = message;
        this.field = field;
        this.textKey = textKey;
        this.textArgs = textArgs;
    }

    /** A refusal of the dashboard's own, in words from its translations ({@code textKey} with arguments). */
    public static ComplaintRefused dashboard(String code, String textKey, String field, Object... textArgs) {
        return new ComplaintRefused(code, textKey, field, textKey, textArgs);
    }

    /** The translation key of a refusal of the dashboard's own; null for the backend's. */
    public String textKey() {
        return textKey;
    }

    public Object[] textArgs() {
        return textArgs.clone();
    }

    /** The refusal of an {@link Outcome} ({@link Outcome#errors()}' first). */
    public static ComplaintRefused of(UserError error) {
        return new ComplaintRefused(error.code(), error.message(), error.field());
    }

    /** The refusal as the payload error it came from. */
    public UserError error() {
        return new UserError(code(), userMessage, field);
    }

    public String userMessage() {
        return userMessage;
    }

    public String field() {
        return field;
    }

    /** Someone else changed the complaint since it was loaded (optimistic lock): reload it and look again. */
    public boolean isConflict() {
        return CONFLICT.equals(code());
    }

    /** The complaint is no longer in a state that allows the action (another operator was faster, for example). */
    public boolean isStale() {
        return isConflict() || "INVALID_TRANSITION".equals(code());
    }
}
