package id.go.cilegon.juare.platform;

/** A failure the client is expected to handle. The message is for people, in Bahasa Indonesia. */
public record UserError(ErrorCode code, String message, String field) {

    public static UserError of(ErrorCode code, String message) {
        return new UserError(code, message, null);
    }

    public static UserError of(ErrorCode code, String message, String field) {
        return new UserError(code, message, field);
    }

    public UserErrorException exception() {
        return new UserErrorException(this);
    }
}
