package id.go.cilegon.juare.photo.internal;

import id.go.cilegon.juare.platform.UserError;
import id.go.cilegon.juare.platform.UserErrorException;
import java.time.Duration;

/** A refusal that passes: the photo endpoint answers it with a Retry-After header. */
public class RetryLater extends UserErrorException {

    private final Duration after;

    public RetryLater(UserError error, Duration after) {
        super(error);
        this.after = after;
    }

    /** Whole seconds, at least one. */
    public long afterSeconds() {
        return Math.max(1, (after.toMillis() + 999) / 1000);
    }
}
