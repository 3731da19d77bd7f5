package id.go.cilegon.juare.auth.internal;

import id.go.cilegon.juare.platform.CallerLanguage;
import java.util.Map;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.WebSocketGraphQlInterceptor;
import org.springframework.graphql.server.WebSocketSessionInfo;
import reactor.core.publisher.Mono;

/**
 * The one WebSocket interceptor Spring GraphQL allows: graphql-ws's connection_init payload carries both the token
 * ({@code "Authorization"}, checked by the wrapped interceptor) and the caller's language ({@code "language"} or
 * {@code "Accept-Language"}, kept for every operation of the connection: docs/adr/0031). The language is kept
 * first, so that even a refused token is answered in it.
 */
final class ConnectionInit implements WebSocketGraphQlInterceptor {

    private final WebSocketGraphQlInterceptor authentication;

    ConnectionInit(WebSocketGraphQlInterceptor authentication) {
        this.authentication = authentication;
    }

    @Override
    public Mono<Object> handleConnectionInitialization(WebSocketSessionInfo session, Map<String, Object> payload) {
        CallerLanguage.remember(session, payload);
        return authentication.handleConnectionInitialization(session, payload);
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        return authentication.intercept(request, chain);
    }

    @Override
    public Mono<Void> handleCancelledSubscription(WebSocketSessionInfo session, String subscriptionId) {
        return authentication.handleCancelledSubscription(session, subscriptionId);
    }

    @Override
    public void handleConnectionClosed(WebSocketSessionInfo session, int statusCode, Map<String, Object> payload) {
        authentication.handleConnectionClosed(session, statusCode, payload);
    }
}
