package id.go.cilegon.juare.auth.internal;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import id.go.cilegon.juare.platform.ErrorCode;
import java.util.LinkedHashMap;
import java.util.Map;
import org.reactivestreams.Publisher;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.execution.SubscriptionPublisherException;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.WebSocketGraphQlRequest;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * An UNAUTHENTICATED error of a request whose token was not taken says why, in {@code extensions.reason}
 * (TokenRejection): TOKEN_EXPIRED (refresh), TOKEN_INVALID or TOKEN_REVOKED (sign in again). A request with no
 * token gets no reason. Outside the interceptors that add codes, so it sees every error with its code.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 15)
class RejectedTokenReason implements WebGraphQlInterceptor {

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        return chain.next(request).map(response -> {
            TokenRejection rejection = rejection(request);
            return rejection == null ? response : withReason(response, rejection);
        });
    }

    /** Read after the operation ran: ActiveSessionGuard may have found the account disabled meanwhile. */
    static TokenRejection rejection(WebGraphQlRequest request) {
        if (request.getAttributes().get(TokenRejection.ATTRIBUTE) instanceof TokenRejection rejection) {
            return rejection;
        }
        if (request instanceof WebSocketGraphQlRequest ws
                && ws.getSessionInfo().getAttributes().get(TokenRejection.ATTRIBUTE) instanceof TokenRejection rejection) {
            return rejection;
        }
        return null;
    }

    private static WebGraphQlResponse withReason(WebGraphQlResponse response, TokenRejection rejection) {
        boolean unauthenticated = response.getErrors().stream().anyMatch(RejectedTokenReason::unauthenticated);
        boolean stream = response.getData() instanceof Publisher<?>;
        if (!unauthenticated && !stream) {
            return response;
        }
        return response.transform(builder -> {
            if (unauthenticated) {
                builder.errors(response.getErrors().stream().map(e -> withReason(e, rejection)).toList());
            }
            if (stream) {
                // a subscription refused when it starts: its publisher fails with the errors (the graphql-ws error message)
                builder.data(Flux.from((Publisher<?>) response.getData()).onErrorMap(SubscriptionPublisherException.class,
                        e -> new SubscriptionPublisherException(e.getErrors().stream()
                                .map(error -> withReason(error, rejection)).toList(), e.getCause())));
            }
        });
    }

    private static boolean unauthenticated(ResponseError error) {
        return ErrorCode.UNAUTHENTICATED.name().equals(error.getExtensions().get("code"));
    }

    private static GraphQLError withReason(ResponseError error, TokenRejection rejection) {
        if (!unauthenticated(error) || error.getExtensions().containsKey("reason")) {
            return error instanceof GraphQLError graphQlError ? graphQlError : copy(error, error.getExtensions());
        }
        Map<String, Object> extensions = new LinkedHashMap<>(error.getExtensions());
        extensions.put("reason", rejection.name());
        return copy(error, extensions);
    }

    private static GraphQLError withReason(GraphQLError error, TokenRejection rejection) {
        Map<String, Object> current = error.getExtensions() == null ? Map.of() : error.getExtensions();
        if (!ErrorCode.UNAUTHENTICATED.name().equals(current.get("code")) || current.containsKey("reason")) {
            return error;
        }
        Map<String, Object> extensions = new LinkedHashMap<>(current);
        extensions.put("reason", rejection.name());
        return GraphqlErrorBuilder.newError().message(error.getMessage()).locations(error.getLocations())
                .path(error.getPath()).errorType(error.getErrorType()).extensions(extensions).build();
    }

    private static GraphQLError copy(ResponseError error, Map<String, Object> extensions) {
        return GraphqlErrorBuilder.newError()
                .message(error.getMessage())
                .locations(error.getLocations())
                .path(error.getParsedPath())
                .errorType(error.getErrorType())
                .extensions(extensions)
                .build();
    }
}
