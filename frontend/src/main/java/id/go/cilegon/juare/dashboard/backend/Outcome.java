package id.go.cilegon.juare.dashboard.backend;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.client.ClientGraphQlResponse;

/**
 * What a mutation came to, the one shape for every screen: the changed thing, or the backend's reasons for refusing
 * it (its payload's typed errors: code, the backend's message, the input field at fault if any). Not allowed at all,
 * unreachable or signed out are exceptions instead ({@link BackendException}, {@link SessionOverException}).
 */
public record Outcome<T>(T value, List<UserError> errors) {

    private static final ParameterizedTypeReference<List<UserError>> ERRORS = new ParameterizedTypeReference<>() { };

    public Outcome {
        errors = errors == null ? List.of() : List.copyOf(errors);
        if (value == null && errors.isEmpty()) {
            throw new IllegalArgumentException("neither a value nor an error");
        }
    }

    public static <T> Outcome<T> done(T value) {
        return new Outcome<>(Objects.requireNonNull(value), List.of());
    }

    public static <T> Outcome<T> refused(List<UserError> errors) {
        return new Outcome<>(null, errors);
    }

    /**
     * The payload of {@code mutation} in {@code response}: its {@code errors} if it has any, else its {@code valueField}
     * as {@code type}; neither is the backend's fault ({@code EMPTY_ANSWER}).
     */
    public static <T> Outcome<T> read(ClientGraphQlResponse response, String mutation, String valueField, Class<T> type) {
        return read(response, mutation, valueField, type, Function.identity());
    }

    /** As {@link #read(ClientGraphQlResponse, String, String, Class)}, mapping the answer's shape to the screen's. */
    public static <A, T> Outcome<T> read(ClientGraphQlResponse response, String mutation, String valueField, Class<A> type,
                                         Function<A, T> mapping) {
        List<UserError> errors = response.field(mutation + ".errors").toEntity(ERRORS);
        A value = response.field(mutation + "." + valueField).toEntity(type);
        return of(mutation, value == null ? null : mapping.apply(value), errors);
    }

    /** The errors if there are any, else the value; neither is {@code EMPTY_ANSWER}. */
    public static <T> Outcome<T> of(String mutation, T value, List<UserError> errors) {
        if (errors != null && !errors.isEmpty()) {
            return refused(errors);
        }
        if (value == null) {
            throw new BackendException("EMPTY_ANSWER", mutation + ": neither a result nor an error");
        }
        return done(value);
    }

    public boolean ok() {
        return errors.isEmpty();
    }

    /** Whether one of the errors is about the input {@code field}. */
    public boolean refusesField(String field) {
        return errors.stream().anyMatch(e -> field.equals(e.field()));
    }

    /** The errors' messages (their codes where there is none), for one line on the screen. */
    public String message() {
        return errors.stream().map(e -> e.message() == null ? e.code() : e.message()).collect(Collectors.joining("; "));
    }
}
