package id.go.cilegon.juare.auth;

import id.go.cilegon.juare.platform.ApiException;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The caller an access token names, checked exactly as a bearer token on /graphql is (signature, expiry, issuer, an
 * account still active), for endpoints that take the token somewhere else than the security filter reads it: the
 * Open311 api_key (a form field or query parameter).
 */
@Component
public class AccessTokens {

    private final ReactiveJwtDecoder decoder;
    private final Converter<Jwt, Mono<AbstractAuthenticationToken>> converter;

    public AccessTokens(ReactiveJwtDecoder decoder, Converter<Jwt, Mono<AbstractAuthenticationToken>> converter) {
        this.decoder = decoder;
        this.converter = converter;
    }

    /** The token's caller; UNAUTHENTICATED for a token that is not valid (now). */
    public Mono<Caller> caller(String token) {
        if (token == null || token.isBlank()) {
            return Mono.error(ApiException.unauthenticated());
        }
        return decoder.decode(token.strip())
                .flatMap(converter::convert)
                .map(CurrentCaller::toCaller)
                .filter(caller -> caller.kind() != Caller.Kind.ANONYMOUS)
                .switchIfEmpty(Mono.error(ApiException.unauthenticated()))
                .onErrorMap(e -> !(e instanceof ApiException), e -> ApiException.unauthenticated());
    }
}
