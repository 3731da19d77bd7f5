package id.go.cilegon.juare.auth.internal;

import id.go.cilegon.juare.platform.CallerLanguage;
import id.go.cilegon.juare.platform.Messages;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * A missing, expired or forged token gets 401 with a body the client can read: a GraphQL error on /graphql,
 * the photo endpoint's error shape elsewhere. Both carry the code UNAUTHENTICATED.
 */
class JsonAuthenticationEntryPoint implements ServerAuthenticationEntryPoint {

    private final Messages messages;

    JsonAuthenticationEntryPoint(Messages messages) {
        this.messages = messages;
    }

    @Override
    public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException ex) {
        ServerHttpResponse response = exchange.getResponse();
        response.setStatusCode(HttpStatus.UNAUTHORIZED);
        response.getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
        String message = messages.text(CallerLanguage.of(exchange), "auth.sign-in-again")
                .replace("\\", "\\\\").replace("\"", "\\\"");
        String body = exchange.getRequest().getPath().value().startsWith("/graphql")
                ? "{\"errors\":[{\"message\":\"" + message + "\",\"extensions\":{\"code\":\"UNAUTHENTICATED\"}}]}"
                : "{\"error\":{\"code\":\"UNAUTHENTICATED\",\"message\":\"" + message + "\"}}";
        return response.writeWith(Mono.just(response.bufferFactory().wrap(body.getBytes(StandardCharsets.UTF_8))));
    }
}
