package id.go.cilegon.juare.platform;

import java.util.List;
import java.util.function.Function;
import reactor.core.publisher.Mono;

/** Turns a service's result, or its {@link UserErrorException}, into a mutation payload. */
public final class Payloads {

    private Payloads() {
    }

    public static <T, P> Mono<P> of(Mono<T> result, Function<T, P> success, Function<List<UserError>, P> failure) {
        return result
                .map(success)
                .onErrorResume(UserErrorException.class, e -> Mono.just(failure.apply(List.of(e.error()))));
    }
}
