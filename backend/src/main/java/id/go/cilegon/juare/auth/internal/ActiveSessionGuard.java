package id.go.cilegon.juare.auth.internal;

import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import id.go.cilegon.juare.auth.Caller;
import id.go.cilegon.juare.auth.CurrentCaller;
import id.go.cilegon.juare.auth.TokenService;
import id.go.cilegon.juare.platform.CallerLanguage;
import id.go.cilegon.juare.platform.ErrorCode;
import id.go.cilegon.juare.platform.Messages;
import java.util.List;
import java.util.Map;
import org.reactivestreams.Publisher;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.execution.SubscriptionPublisherException;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * graphql-ws authenticates once, in connection_init; this checks the account again for every operation on the
 * connection (a disabled account's operations run as nobody: UNAUTHENTICATED) and, on an open subscription, every
 * {@code juare.auth.active-check-ttl} and at once when the account is changed on this instance: when the account is
 * disabled the subscription ends with an UNAUTHENTICATED error. Over HTTP the bearer token is checked by the security filter already; this costs a cache hit.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class ActiveSessionGuard implements WebGraphQlInterceptor {

    private final ActiveSubjects activeSubjects;
    private final Messages messages;

    ActiveSessionGuard(ActiveSubjects activeSubjects, Messages messages) {
        this.activeSubjects = activeSubjects;
        this.messages = messages;
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        return CurrentCaller.get().flatMap(caller -> caller.kind() == Caller.Kind.ANONYMOUS
                ? chain.next(request)
                : activeSubjects.isActive(kind(caller), caller.id()).flatMap(active -> active
                        ? chain.next(request).map(response -> guarded(response, caller, CallerLanguage.of(request)))
                        : chain.next(request).contextWrite(ReactiveSecurityContextHolder.clearContext())));
    }

    private WebGraphQlResponse guarded(WebGraphQlResponse response, Caller caller, String language) {
        if (!(response.getData() instanceof Publisher<?> events)) {
            return response;
        }
        @SuppressWarnings("unchecked")
        Flux<ExecutionResult> stream = Flux.from((Publisher<ExecutionResult>) events);
        Mono<Boolean> disabled = activeSubjects.recheck(kind(caller), caller.id())
                .onBackpressureDrop()
                .concatMap(tick -> activeSubjects.isActive(kind(caller), caller.id()))
                .filter(active -> !active)
                .next();
        // takeUntilOther completes the stream either way: only a real disabling may add the error
        Flux<ExecutionResult> result = Flux.defer(() -> {
            java.util.concurrent.atomic.AtomicBoolean stopped = new java.util.concurrent.atomic.AtomicBoolean();
            return stream.takeUntilOther(disabled.doOnNext(d -> stopped.set(true)))
                    .concatWith(Mono.defer(() -> stopped.get() ? Mono.error(ended(language)) : Mono.empty()));
        });
        return response.transform(builder -> builder.data(result));
    }

    private SubscriptionPublisherException ended(String language) {
        GraphQLError error = GraphqlErrorBuilder.newError()
                .errorType(org.springframework.graphql.execution.ErrorType.UNAUTHORIZED)
                .message(messages.text(language, "auth.account-disabled.subscription"))
                .extensions(Map.of("code", ErrorCode.UNAUTHENTICATED.name()))
                .build();
        return new SubscriptionPublisherException(List.of(error), null);
    }

    private static String kind(Caller caller) {
        return caller.isStaff() ? TokenService.KIND_STAFF : TokenService.KIND_RESIDENT;
    }
}
