package id.go.cilegon.juare.platform;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * A failure the client is expected to handle: its code, the catalogue key of its message with the key's arguments
 * ({@link Messages}), and the input field it concerns. The message is put into words when the answer is written,
 * in the caller's language (docs/adr/0031).
 */
public record UserError(ErrorCode code, String key, List<Object> args, String field) {

    public UserError {
        // arguments may be null (MessageFormat writes "null"); List.copyOf would refuse them
        args = Collections.unmodifiableList(new ArrayList<>(args));
    }

    public static UserError of(ErrorCode code, String key) {
        return new UserError(code, key, List.of(), null);
    }

    public static UserError of(ErrorCode code, String key, String field) {
        return new UserError(code, key, List.of(), field);
    }

    /** The same error with the arguments of its message ({0}, {1}, …). */
    public UserError with(Object... args) {
        return new UserError(code, key, Arrays.asList(args), field);
    }

    public UserErrorException exception() {
        return new UserErrorException(this);
    }
}
