package id.go.cilegon.juare.platform.internal;

import graphql.ErrorClassification;
import graphql.ErrorType;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;
import id.go.cilegon.juare.platform.ApiException;
import id.go.cilegon.juare.platform.CallerLanguage;
import id.go.cilegon.juare.platform.ClientAddress;
import id.go.cilegon.juare.platform.ErrorCode;
import id.go.cilegon.juare.platform.Messages;
import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.execution.DataFetcherExceptionResolverAdapter;
import org.springframework.graphql.execution.SubscriptionExceptionResolverAdapter;
import org.springframework.graphql.execution.SubscriptionPublisherException;
import org.springframework.graphql.execution.SubscriptionExceptionResolver;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebSocketGraphQlRequest;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import reactor.core.publisher.Mono;

/**
 * Every GraphQL error carries a machine-readable {@code extensions.code}; no exception text or stack trace of
 * an unexpected failure reaches a client (it is logged with an id the client sees).
 */
@Configuration(proxyBeanMethods = false)
class GraphQlErrors {

    private static final Logger log = LoggerFactory.getLogger(GraphQlErrors.class);

    /** The classification of graphql-java's GoodFaithIntrospection.BadFaithIntrospectionError. */
    private static final String BAD_FAITH_INTROSPECTION = "BadFaithIntrospection";
    /** The classification of graphql-java's IntrospectionDisabledError (spring.graphql.schema.introspection.enabled=false). */
    private static final String INTROSPECTION_DISABLED = "IntrospectionDisabled";

    @Bean
    DataFetcherExceptionResolverAdapter apiExceptionResolver(Messages messages) {
        return new DataFetcherExceptionResolverAdapter() {
            @Override
            protected GraphQLError resolveToSingleError(Throwable ex, DataFetchingEnvironment env) {
                return toError(ex, GraphqlErrorBuilder.newError(env), messages, CallerLanguage.of(env.getGraphQlContext()));
            }
        };
    }

    /** A subscription's failure: its language comes from the Reactor context the stream runs in (RequestLanguage). */
    @Bean
    SubscriptionExceptionResolver subscriptionExceptionResolver(Messages messages) {
        return ex -> Mono.deferContextual(context -> Mono.just(List.of(toError(ex, GraphqlErrorBuilder.newError(),
                messages, context.getOrDefault(CallerLanguage.CONTEXT_KEY, CallerLanguage.INDONESIAN)))));
    }

    private static GraphQLError toError(Throwable ex, GraphqlErrorBuilder<?> builder, Messages messages, String language) {
        if (ex instanceof ApiException api) {
            return builder.errorType(classify(api.code())).message(messages.text(language, api))
                    .extensions(Map.of("code", api.code().name())).build();
        }
        if (ex instanceof AccessDeniedException) {
            return builder.errorType(org.springframework.graphql.execution.ErrorType.FORBIDDEN)
                    .message(messages.text(language, "error.forbidden"))
                    .extensions(Map.of("code", ErrorCode.FORBIDDEN.name())).build();
        }
        if (ex instanceof AuthenticationCredentialsNotFoundException) {
            return builder.errorType(org.springframework.graphql.execution.ErrorType.UNAUTHORIZED)
                    .message(messages.text(language, "error.unauthenticated"))
                    .extensions(Map.of("code", ErrorCode.UNAUTHENTICATED.name())).build();
        }
        if (ex instanceof graphql.execution.AbortExecutionException) {
            // the client went away (a cancelled subscription): nothing went wrong here
            return builder.errorType(ErrorType.ExecutionAborted).message(messages.text(language, "error.cancelled"))
                    .extensions(Map.of("code", "CANCELLED")).build();
        }
        String incident = java.util.UUID.randomUUID().toString();
        // the incident as its own field too, for JSON logs (logging.structured.format.console)
        log.atError().addKeyValue("incident", incident).setCause(ex).log("Unexpected failure, incident {}", incident);
        return builder.errorType(org.springframework.graphql.execution.ErrorType.INTERNAL_ERROR)
                .message(messages.text(language, "error.internal", incident))
                .extensions(Map.of("code", "INTERNAL_ERROR", "incident", incident)).build();
    }

    private static ErrorClassification classify(ErrorCode code) {
        return switch (code) {
            case UNAUTHENTICATED -> org.springframework.graphql.execution.ErrorType.UNAUTHORIZED;
            case FORBIDDEN -> org.springframework.graphql.execution.ErrorType.FORBIDDEN;
            case NOT_FOUND -> org.springframework.graphql.execution.ErrorType.NOT_FOUND;
            default -> org.springframework.graphql.execution.ErrorType.BAD_REQUEST;
        };
    }

    /** Adds extensions.code to errors raised by the engine itself (syntax, validation, limits), and puts the
     * client's address into the GraphQL context. */
    @Bean
    WebGraphQlInterceptor errorCodesAndClientAddress(Messages messages) {
        return (request, chain) -> {
            String address = clientAddress(request);
            String language = CallerLanguage.of(request);
            return signedIn().flatMap(signedIn -> {
                request.configureExecutionInput((input, builder) -> builder.graphQLContext(Map.of(
                        ClientAddress.CONTEXT_KEY, address, QueryLimits.SIGNED_IN, signedIn)).build());
                return chain.next(request).map(response -> withCodes(response, messages, language));
            });
        };
    }

    /**
     * graphql-ws (PROTOCOL.md, "Error"): an operation refused before execution (parse, validation, our limits and
     * hygiene) answers one {@code error} message with the errors, each with its code, not {@code next} + {@code complete};
     * an execution result, field errors included, stays {@code next}. Outermost, so that it sees every refusal; over
     * HTTP such a response stays a GraphQL response with errors and no data.
     */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    WebGraphQlInterceptor webSocketRequestErrors(Messages messages) {
        return (request, chain) -> {
            if (!(request instanceof WebSocketGraphQlRequest)) {
                return chain.next(request);
            }
            return chain.next(request).map(response -> {
                if (response.getData() instanceof org.reactivestreams.Publisher<?> || response.getErrors().isEmpty()
                        || response.getExecutionResult().isDataPresent() || persistedDocumentMiss(response)) {
                    return response;
                }
                String language = CallerLanguage.of(request);
                List<GraphQLError> errors = response.getErrors().stream().map(e -> withCode(e, messages, language)).toList();
                // Spring's handler sends a failing stream as one error message (and an error here would end the socket)
                return response.transform(builder -> builder.data(
                        reactor.core.publisher.Flux.error(new SubscriptionPublisherException(errors, null))));
            });
        };
    }

    /**
     * An unknown persisted-query hash stays a result (next, then complete): Apollo's persisted-query link resends the
     * document only when it reads PERSISTED_QUERY_NOT_FOUND in a result's errors (docs/adr/0029).
     */
    private static boolean persistedDocumentMiss(WebGraphQlResponse response) {
        return response.getErrors().stream()
                .anyMatch(error -> "PERSISTED_QUERY_NOT_FOUND".equals(error.getExtensions().get("code")));
    }

    /** Whether the request came with a valid token: it sets the query cost budget (QueryLimits). */
    private static Mono<Boolean> signedIn() {
        return ReactiveSecurityContextHolder.getContext()
                .map(context -> context.getAuthentication() != null && context.getAuthentication().isAuthenticated()
                        && !(context.getAuthentication() instanceof AnonymousAuthenticationToken))
                .defaultIfEmpty(false);
    }

    private static String clientAddress(WebGraphQlRequest request) {
        InetSocketAddress remote = request.getRemoteAddress();
        if (remote == null) {
            return "unknown";
        }
        return remote.getAddress() != null ? remote.getAddress().getHostAddress() : remote.getHostString();
    }

    private static WebGraphQlResponse withCodes(WebGraphQlResponse response, Messages messages, String language) {
        if (response.getErrors().stream().allMatch(e -> e.getExtensions().containsKey("code"))) {
            return response;
        }
        return response.transform(builder -> builder.errors(response.getErrors().stream()
                .map(error -> withCode(error, messages, language))
                .toList()));
    }

    private static GraphQLError withCode(ResponseError error, Messages messages, String language) {
        Map<String, Object> extensions = new LinkedHashMap<>(error.getExtensions());
        extensions.putIfAbsent("code", codeOf(error.getErrorType()));
        // graphql-java's own text (syntax, validation) is English and stays so; only our words are translated
        String message = BAD_FAITH_INTROSPECTION.equals(String.valueOf(error.getErrorType()))
                ? messages.text(language, "limit.introspection", error.getMessage())
                : INTROSPECTION_DISABLED.equals(String.valueOf(error.getErrorType()))
                ? messages.text(language, "limit.introspection-disabled")
                : error.getMessage();
        return GraphqlErrorBuilder.newError()
                .message(message)
                .locations(error.getLocations())
                .path(error.getParsedPath())
                .errorType(error.getErrorType())
                .extensions(extensions)
                .build();
    }

    private static String codeOf(ErrorClassification type) {
        if (type == ErrorType.InvalidSyntax) {
            return "GRAPHQL_PARSE_FAILED";
        }
        if (type == ErrorType.ValidationError) {
            return "GRAPHQL_VALIDATION_FAILED";
        }
        if (type == ErrorType.ExecutionAborted || BAD_FAITH_INTROSPECTION.equals(String.valueOf(type))) {
            // graphql-java's good-faith introspection rule: a repeated __schema or a cycle through __Type.fields
            return QueryLimits.QUERY_TOO_COMPLEX;
        }
        if (INTROSPECTION_DISABLED.equals(String.valueOf(type))) {
            return "INTROSPECTION_DISABLED"; // it was INTERNAL_ERROR
        }
        if (type == org.springframework.graphql.execution.ErrorType.BAD_REQUEST) {
            return ErrorCode.INVALID_INPUT.name();
        }
        if (type == org.springframework.graphql.execution.ErrorType.UNAUTHORIZED) {
            return ErrorCode.UNAUTHENTICATED.name();
        }
        if (type == org.springframework.graphql.execution.ErrorType.FORBIDDEN) {
            return ErrorCode.FORBIDDEN.name();
        }
        if (type == org.springframework.graphql.execution.ErrorType.NOT_FOUND) {
            return ErrorCode.NOT_FOUND.name();
        }
        return "INTERNAL_ERROR";
    }
}
