package id.go.cilegon.juare.auth.internal;

import java.util.Map;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.WebSocketGraphQlInterceptor;
import org.springframework.graphql.server.WebSocketSessionInfo;
import org.springframework.security.core.AuthenticationException;
import reactor.core.publisher.Mono;

/**
 * graphql-ws as HTTP (docs/adr/0030): a token in connection_init that is not taken (expired, forged, a disabled
 * account's) makes the connection nobody's rather than closing it (Spring's 4401 is the protocol's code for a
 * subscribe before the ack, not for a refused token). Public operations then work, and one that needs a caller gets
 * UNAUTHENTICATED with the reason (RejectedTokenReason): the app refreshes and connects again with the new token.
 */
final class StaleTokenTolerant implements WebSocketGraphQlInterceptor {

    private final WebSocketGraphQlInterceptor delegate;

    StaleTokenTolerant(WebSocketGraphQlInterceptor delegate) {
        this.delegate = delegate;
    }

    @Override
    public Mono<Object> handleConnectionInitialization(WebSocketSessionInfo info, Map<String, Object> payload) {
        return delegate.handleConnectionInitialization(info, payload)
                .onErrorResume(AuthenticationException.class, ex -> {
                    info.getAttributes().put(TokenRejection.ATTRIBUTE, TokenRejection.of(ex));
                    return Mono.empty();
                });
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        return delegate.intercept(request, chain);
    }

    @Override
    public Mono<Void> handleCancelledSubscription(WebSocketSessionInfo info, String id) {
        return delegate.handleCancelledSubscription(info, id);
    }

    @Override
    public void handleConnectionClosed(WebSocketSessionInfo info, int statusCode, Map<String, Object> payload) {
        delegate.handleConnectionClosed(info, statusCode, payload);
    }
}
