package id.go.cilegon.juare.platform.internal;

import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import id.go.cilegon.juare.platform.CallerLanguage;
import id.go.cilegon.juare.platform.ErrorCode;
import id.go.cilegon.juare.platform.Messages;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.reactivestreams.Publisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.execution.SubscriptionPublisherException;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.WebSocketGraphQlRequest;
import org.springframework.graphql.support.DefaultExecutionGraphQlResponse;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** GraphQL requests refused in one place before any resolver runs (ADR 0014). */
@Configuration(proxyBeanMethods = false)
class RequestHygiene {

    static final String TOO_MANY_SUBSCRIPTIONS = "TOO_MANY_SUBSCRIPTIONS";
    private static final String ACTIVE_SUBSCRIPTIONS = RequestHygiene.class.getName() + ".activeSubscriptions";

    /**
     * U+0000 and other characters no person types, anywhere in the variables (keys included) or in the document's
     * string literals, answer INVALID_INPUT with the field's path, before any SQL (PostgreSQL would fail on NUL).
     */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    WebGraphQlInterceptor disallowedCharacters(Messages messages) {
        return (request, chain) -> {
            InputCharacters.Violation violation = InputCharacters.inVariables(request.getVariables());
            if (violation == null) {
                violation = InputCharacters.inDocument(request.getDocument());
            }
            if (violation == null && request.getOperationName() != null
                    && InputCharacters.firstDisallowed(request.getOperationName()) >= 0) {
                violation = new InputCharacters.Violation("operationName",
                        InputCharacters.firstDisallowed(request.getOperationName()));
            }
            if (violation == null) {
                return chain.next(request);
            }
            GraphQLError error = GraphqlErrorBuilder.newError()
                    .errorType(ErrorType.BAD_REQUEST)
                    .message(messages.text(CallerLanguage.of(request), "request.disallowed-character",
                            violation.codePointName(), violation.field()))
                    .extensions(Map.of("code", ErrorCode.INVALID_INPUT.name(), "field", violation.field()))
                    .build();
            ExecutionResult result = ExecutionResult.newExecutionResult().addError(error).build();
            return Mono.just(new WebGraphQlResponse(new DefaultExecutionGraphQlResponse(request.toExecutionInput(), result)));
        };
    }

    private static WebGraphQlResponse onlyOverWebSocket(org.springframework.graphql.server.WebGraphQlRequest request,
                                                        Messages messages) {
        GraphQLError error = GraphqlErrorBuilder.newError()
                .errorType(ErrorType.BAD_REQUEST)
                .message(messages.text(CallerLanguage.of(request), "request.subscription-over-http"))
                .extensions(Map.of("code", "INVALID_REQUEST"))
                .build();
        ExecutionResult result = ExecutionResult.newExecutionResult().addError(error).build();
        return new WebGraphQlResponse(new DefaultExecutionGraphQlResponse(request.toExecutionInput(), result));
    }

    /**
     * At most {@code juare.server.max-subscriptions-per-connection} live subscriptions per WebSocket; the next one
     * gets a graphql-ws {@code error} message with the code TOO_MANY_SUBSCRIPTIONS, never a silently dead stream.
     */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE + 1)
    WebGraphQlInterceptor subscriptionsPerConnection(ServerProperties properties, Messages messages) {
        int max = properties.maxSubscriptionsPerConnection();
        return (request, chain) -> {
            if (!(request instanceof WebSocketGraphQlRequest webSocket)) {
                // over plain HTTP a subscription's stream would be serialized as if it were data
                return chain.next(request).map(response -> response.getData() instanceof Publisher<?>
                        ? onlyOverWebSocket(request, messages)
                        : response);
            }
            AtomicInteger active = (AtomicInteger) webSocket.getSessionInfo().getAttributes()
                    .computeIfAbsent(ACTIVE_SUBSCRIPTIONS, key -> new AtomicInteger());
            return chain.next(request).map(response -> {
                if (!(response.getData() instanceof Publisher<?> events)) {
                    return response;
                }
                if (active.incrementAndGet() > max) {
                    active.decrementAndGet();
                    GraphQLError error = GraphqlErrorBuilder.newError()
                            .errorType(ErrorType.BAD_REQUEST)
                            .message(messages.text(CallerLanguage.of(request), "limit.subscriptions", max))
                            .extensions(Map.of("code", TOO_MANY_SUBSCRIPTIONS, "limit", max))
                            .build();
                    return response.transform(builder -> builder.data(
                            Flux.error(new SubscriptionPublisherException(List.of(error), null))));
                }
                return response.transform(builder -> builder.data(
                        Flux.from(events).doFinally(signal -> active.decrementAndGet())));
            });
        };
    }
}
