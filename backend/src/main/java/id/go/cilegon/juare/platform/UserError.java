package id.go.cilegon.juare.platform;

/**
 * A failure the client is expected to handle. The message is for people, written "Bahasa Indonesia / English" (the
 * Indonesian text, then " / ", then the English one); a client that sends {@code Accept-Language} with id or en gets
 * only its language's part ({@link #messageIn}), one without gets both (docs/adr/0024).
 */
public record UserError(ErrorCode code, String message, String field) {

    /** Between the Indonesian and the English text of a message. */
    public static final String SEPARATOR = " / ";

    public static UserError of(ErrorCode code, String message) {
        return new UserError(code, message, null);
    }

    public static UserError of(ErrorCode code, String message, String field) {
        return new UserError(code, message, field);
    }

    public UserErrorException exception() {
        return new UserErrorException(this);
    }

    /**
     * The message in one language: {@code "id"} the part before the first {@link #SEPARATOR}, {@code "en"} the part
     * after it; both as written for null or another language, and the whole text for a message of one part.
     */
    public String messageIn(String language) {
        return inLanguage(message, language);
    }

    /** {@link #messageIn} for any "Bahasa Indonesia / English" text. */
    public static String inLanguage(String message, String language) {
        int at = message == null ? -1 : message.indexOf(SEPARATOR);
        if (at < 0 || language == null) {
            return message;
        }
        return switch (language) {
            case "id" -> message.substring(0, at).strip();
            case "en" -> message.substring(at + SEPARATOR.length()).strip();
            default -> message;
        };
    }
}
