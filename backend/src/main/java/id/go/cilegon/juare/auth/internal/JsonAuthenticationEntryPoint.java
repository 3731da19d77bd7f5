package id.go.cilegon.juare.auth.internal;

import id.go.cilegon.juare.platform.CallerLanguage;
import id.go.cilegon.juare.platform.ErrorCode;
import id.go.cilegon.juare.platform.HttpErrors;
import id.go.cilegon.juare.platform.Messages;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.WebFilterExchange;
import org.springframework.security.web.server.authentication.ServerAuthenticationFailureHandler;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * A missing, expired or forged token where one is required (the photo and report file endpoints) gets 401 with a
 * GraphQL-shaped body: {@code extensions.code} UNAUTHENTICATED and, for a token that was sent, {@code extensions.reason}
 * (TokenRejection). On /graphql a token that is not taken is not an HTTP error at all (see {@link #onGraphQl}).
 */
class JsonAuthenticationEntryPoint implements ServerAuthenticationEntryPoint {

    private final Messages messages;

    JsonAuthenticationEntryPoint(Messages messages) {
        this.messages = messages;
    }

    @Override
    public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException ex) {
        exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        TokenRejection rejection = exchange.getAttribute(TokenRejection.ATTRIBUTE);
        if (rejection == null && exchange.getRequest().getHeaders().containsHeader(HttpHeaders.AUTHORIZATION)) {
            rejection = TokenRejection.of(ex);
        }
        Map<String, Object> extensions = rejection == null ? Map.of() : Map.of("reason", rejection.name());
        return HttpErrors.write(exchange, HttpStatus.UNAUTHORIZED,
                HttpErrors.body(ErrorCode.UNAUTHENTICATED.name(),
                        messages.text(CallerLanguage.of(exchange), "auth.sign-in-again"), extensions));
    }

    /**
     * The bearer filter's failure: on /graphql the request goes on as nobody's, with the reason kept for GraphQL
     * (RejectedTokenReason), so public operations and refreshSession work whatever stale token an app's auth link
     * attaches; everywhere else the 401 above.
     */
    ServerAuthenticationFailureHandler onGraphQl() {
        return (WebFilterExchange filterExchange, AuthenticationException ex) -> {
            ServerWebExchange exchange = filterExchange.getExchange();
            exchange.getAttributes().put(TokenRejection.ATTRIBUTE, TokenRejection.of(ex));
            if (exchange.getRequest().getPath().value().equals("/graphql")) {
                return filterExchange.getChain().filter(exchange);
            }
            return commence(exchange, ex);
        };
    }
}
