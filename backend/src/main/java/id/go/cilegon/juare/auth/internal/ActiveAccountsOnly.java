package id.go.cilegon.juare.auth.internal;

import id.go.cilegon.juare.auth.TokenService;
import java.util.UUID;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverterAdapter;
import reactor.core.publisher.Mono;

/**
 * Turns a valid JWT into an authentication only while its subject may still act: a disabled staff account's token
 * is refused on its next request (HTTP 401 UNAUTHENTICATED, or a refused graphql-ws connection_init), not when it
 * expires.
 */
class ActiveAccountsOnly implements Converter<Jwt, Mono<AbstractAuthenticationToken>> {

    private final ReactiveJwtAuthenticationConverterAdapter delegate;
    private final ActiveSubjects activeSubjects;

    ActiveAccountsOnly(ReactiveJwtAuthenticationConverterAdapter delegate, ActiveSubjects activeSubjects) {
        this.delegate = delegate;
        this.activeSubjects = activeSubjects;
    }

    @Override
    public Mono<AbstractAuthenticationToken> convert(Jwt jwt) {
        return requireActive(jwt).then(Mono.defer(() -> delegate.convert(jwt)));
    }

    /**
     * Empty while the token's subject may still act; InvalidBearerTokenException for a token without a subject,
     * AccountDisabled for a disabled account. Asked on every request, also when the token's signature was verified
     * before (CachedTokenAuthentication).
     */
    Mono<Void> requireActive(Jwt jwt) {
        UUID subject;
        try {
            subject = UUID.fromString(jwt.getSubject());
        } catch (IllegalArgumentException | NullPointerException e) {
            return Mono.error(new InvalidBearerTokenException("Token without a subject"));
        }
        String kind = TokenService.KIND_STAFF.equals(jwt.getClaimAsString(TokenService.KIND_CLAIM))
                ? TokenService.KIND_STAFF : TokenService.KIND_RESIDENT;
        return activeSubjects.isActive(kind, subject)
                .flatMap(active -> active ? Mono.<Void>empty() : Mono.error(new TokenRejection.AccountDisabled()));
    }
}
