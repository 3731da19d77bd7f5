package id.go.cilegon.juare.platform;

/**
 * Carries a {@link UserError} through a reactive chain. Thrown inside a transaction it rolls the transaction
 * back; the controller turns it into the payload's errors.
 */
public class UserErrorException extends RuntimeException {

    private final UserError error;

    public UserErrorException(UserError error) {
        super(error.code() + ": " + error.key() + (error.args().isEmpty() ? "" : " " + error.args()), null, false, false);
        this.error = error;
    }

    public UserError error() {
        return error;
    }
}
