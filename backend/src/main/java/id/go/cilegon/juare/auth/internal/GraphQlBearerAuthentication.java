package id.go.cilegon.juare.auth.internal;

import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.BearerTokenErrors;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;

/**
 * The API's requests ({@code POST /graphql}) authenticated in one filter instead of Spring Security's chain of nine
 * (ADR 0048). On /graphql that chain only ever did three things: write the security headers (and CORS's), take a bearer token,
 * and on success put the caller in the Reactor context (on failure the request goes on as nobody's, with the reason
 * kept: JsonAuthenticationEntryPoint.onGraphQl); every request is permitted, the caller is decided per field. The
 * rest of the chain (the exchange and an empty security context put in the context, the principal wrapper, the
 * request cache, exception translation, an authorization manager answering "permit" after three matchers) cost a
 * dozen Reactor operators per request. This filter does the three things with the same parts: the main chain's own
 * filters that shape the answer (security headers, CORS), the RFC 6750 form Spring's ServerBearerTokenAuthenticationConverter accepts, the same
 * authentication manager (CachedTokenAuthentication) and the same rejection reasons. Spring Security's proxy still
 * runs first (its firewall checks the request and wraps its headers); the main chain is told, by {@link #matcher()},
 * not to take these requests. Every other request (photos, reports, Open311, the WebSocket upgrade) is the chain's.
 * {@code juare.auth.lean-graphql-path=false} gives /graphql back to the chain (benchmarks switch it at run time).
 */
final class GraphQlBearerAuthentication implements WebFilter, Ordered {

    /** Just after Spring Security's WebFilterChainProxy (WebFluxSecurityConfiguration: -100). */
    static final int ORDER = -99;

    private static final String PATH = "/graphql";

    /** The main chain's filters that shape every answer (its security headers, its CORS), in the chain's order. */
    private final List<WebFilter> answerFilters;
    private final CachedTokenAuthentication bearerTokens;
    private final Switch lean;

    GraphQlBearerAuthentication(List<WebFilter> answerFilters, CachedTokenAuthentication bearerTokens, Switch lean) {
        this.answerFilters = List.copyOf(answerFilters);
        this.bearerTokens = bearerTokens;
        this.lean = lean;
    }

    /** Whether this filter takes /graphql; the main chain's matcher asks it too, so exactly one of them does. */
    static final class Switch {

        volatile boolean enabled;

        Switch(boolean enabled) {
            this.enabled = enabled;
        }

        boolean takes(ServerWebExchange exchange) {
            ServerHttpRequest request = exchange.getRequest();
            return enabled && request.getMethod() == HttpMethod.POST && request.getPath().value().equals(PATH);
        }

        /** Matches what the main chain must leave alone: {@code securityMatcher(new Negated…(matcher()))}. */
        ServerWebExchangeMatcher matcher() {
            return exchange -> takes(exchange) ? ServerWebExchangeMatcher.MatchResult.match()
                    : ServerWebExchangeMatcher.MatchResult.notMatch();
        }
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!lean.takes(exchange)) {
            return chain.filter(exchange);
        }
        return through(0, exchange, chain);
    }

    private Mono<Void> through(int filter, ServerWebExchange exchange, WebFilterChain chain) {
        if (filter == answerFilters.size()) {
            return authenticate(exchange, chain);
        }
        return answerFilters.get(filter).filter(exchange, next -> through(filter + 1, next, chain));
    }

    private Mono<Void> authenticate(ServerWebExchange exchange, WebFilterChain chain) {
        String token;
        try {
            token = bearerToken(exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION));
        } catch (OAuth2AuthenticationException malformed) {
            return asNobody(exchange, chain, malformed);
        }
        if (token == null) {
            return chain.filter(exchange);
        }
        return bearerTokens.authenticate(new BearerTokenAuthenticationToken(token))
                .map(ReactiveSecurityContextHolder::withAuthentication)
                .onErrorResume(AuthenticationException.class, refused -> {
                    exchange.getAttributes().put(TokenRejection.ATTRIBUTE, TokenRejection.of(refused));
                    return Mono.just(Context.empty());
                })
                .defaultIfEmpty(Context.empty())
                .flatMap(caller -> chain.filter(exchange).contextWrite(caller));
    }

    private static Mono<Void> asNobody(ServerWebExchange exchange, WebFilterChain chain, AuthenticationException why) {
        exchange.getAttributes().put(TokenRejection.ATTRIBUTE, TokenRejection.of(why));
        return chain.filter(exchange);
    }

    /**
     * The token of an {@code Authorization: Bearer …} header, as Spring's ServerBearerTokenAuthenticationConverter
     * reads it without its regular expression: null when the header is missing or not of the bearer scheme (any case),
     * refused as malformed unless it is exactly "Bearer", one space and a token of RFC 6750's b64token characters with
     * any '=' only at the end.
     */
    static String bearerToken(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "bearer", 0, 6)) {
            return null;
        }
        int start = 7;
        if (authorization.length() <= start || authorization.charAt(6) != ' ') {
            throw malformed();
        }
        int end = authorization.length();
        int padding = end;
        while (padding > start && authorization.charAt(padding - 1) == '=') {
            padding--;
        }
        if (padding == start) {
            throw malformed();
        }
        for (int i = start; i < padding; i++) {
            if (!tokenCharacter(authorization.charAt(i))) {
                throw malformed();
            }
        }
        return authorization.substring(start);
    }

    private static boolean tokenCharacter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                || c == '-' || c == '.' || c == '_' || c == '~' || c == '+' || c == '/';
    }

    private static OAuth2AuthenticationException malformed() {
        return new OAuth2AuthenticationException(BearerTokenErrors.invalidToken("Bearer token is malformed"));
    }
}
