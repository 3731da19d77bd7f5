package id.go.cilegon.juare.platform;

import java.util.Arrays;

/**
 * A failure reported as a GraphQL error (not a payload error), with its code in extensions.code and its message
 * as a catalogue key with arguments, put into words in the caller's language when the error is written
 * ({@link Messages}).
 */
public class ApiException extends RuntimeException {

    private final ErrorCode code;
    private final String key;
    private final Object[] args;

    public ApiException(ErrorCode code, String key, Object... args) {
        super(key + (args.length == 0 ? "" : " " + Arrays.toString(args)), null, false, false);
        this.code = code;
        this.key = key;
        this.args = args.clone();
    }

    public ErrorCode code() {
        return code;
    }

    public String key() {
        return key;
    }

    public Object[] args() {
        return args.clone();
    }

    public static ApiException unauthenticated() {
        return new ApiException(ErrorCode.UNAUTHENTICATED, "error.unauthenticated");
    }

    public static ApiException forbidden() {
        return new ApiException(ErrorCode.FORBIDDEN, "error.forbidden");
    }

    public static ApiException invalidInput(String key, Object... args) {
        return new ApiException(ErrorCode.INVALID_INPUT, key, args);
    }
}
