package id.go.cilegon.juare.dashboard.admin;

import id.go.cilegon.juare.dashboard.backend.UserError;
import java.util.List;
import java.util.Objects;

/**
 * What a change came to: the saved value, or the backend's reasons for refusing it (its typed payload errors: code,
 * message in the backend's words, and the input field at fault if there is one).
 */
public record Saved<T>(T value, List<UserError> errors) {

    public Saved {
        errors = errors == null ? List.of() : List.copyOf(errors);
        if (value == null && errors.isEmpty()) {
            throw new IllegalArgumentException("neither a value nor an error");
        }
    }

    public static <T> Saved<T> done(T value) {
        return new Saved<>(Objects.requireNonNull(value), List.of());
    }

    public static <T> Saved<T> refused(List<UserError> errors) {
        return new Saved<>(null, errors);
    }

    public boolean ok() {
        return errors.isEmpty();
    }
}
