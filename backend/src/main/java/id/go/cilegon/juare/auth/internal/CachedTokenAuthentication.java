package id.go.cilegon.juare.auth.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtReactiveAuthenticationManager;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverterAdapter;
import reactor.core.publisher.Mono;

/**
 * Bearer tokens (HTTP and graphql-ws connection_init) verified once: the signature, expiry and issuer of a token
 * already seen are not checked again while it lasts. A bounded cache keyed by the token itself (nothing but the same
 * string hits), each entry dropped when its token expires, or sooner. What may change within a token's life is asked
 * on every request as before: whether its account may still act (ActiveAccountsOnly, juare.auth.active-check-ttl).
 * Only verified tokens are kept: a refused one is verified (and refused) again each time. Size
 * {@code juare.auth.token-cache-size} (10,000 entries, about 2 KB each); 0 turns it off.
 */
final class CachedTokenAuthentication implements ReactiveAuthenticationManager {

    private record Verified(Authentication authentication, Jwt jwt, Instant expiresAt) {
    }

    private final JwtReactiveAuthenticationManager verifier;
    private final ActiveAccountsOnly accounts;
    private final Cache<String, Verified> verified;
    private final Clock clock = Clock.systemUTC(); // the JwtTimestampValidator's clock
    /** Off when the size is 0; benchmarks switch it to compare (ReadPathBenchmark). */
    volatile boolean enabled;

    CachedTokenAuthentication(ReactiveJwtDecoder decoder, ReactiveJwtAuthenticationConverterAdapter roles,
                              ActiveAccountsOnly accounts, int size) {
        this.verifier = new JwtReactiveAuthenticationManager(decoder);
        this.verifier.setJwtAuthenticationConverter(roles);
        this.accounts = accounts;
        this.enabled = size > 0;
        this.verified = Caffeine.newBuilder()
                .maximumSize(Math.max(0, size))
                .expireAfter(new Expiry<String, Verified>() {
                    @Override
                    public long expireAfterCreate(String token, Verified entry, long currentTime) {
                        return Math.max(0, Duration.between(clock.instant(), entry.expiresAt()).toNanos());
                    }

                    @Override
                    public long expireAfterUpdate(String token, Verified entry, long currentTime, long currentDuration) {
                        return expireAfterCreate(token, entry, currentTime);
                    }

                    @Override
                    public long expireAfterRead(String token, Verified entry, long currentTime, long currentDuration) {
                        return currentDuration;
                    }
                })
                .build();
    }

    @Override
    public Mono<Authentication> authenticate(Authentication authentication) {
        if (!(authentication instanceof BearerTokenAuthenticationToken bearer)) {
            return Mono.empty();
        }
        String token = bearer.getToken();
        Verified known = enabled ? verified.getIfPresent(token) : null;
        // the cache's own expiry runs on its ticker: the token's time is checked here too, so no entry outlives it
        if (known != null && clock.instant().isBefore(known.expiresAt())) {
            return accounts.requireActive(known.jwt()).thenReturn(known.authentication());
        }
        return verifier.authenticate(bearer)
                .flatMap(verifiedNow -> {
                    Jwt jwt = ((JwtAuthenticationToken) verifiedNow).getToken();
                    return accounts.requireActive(jwt)
                            .then(Mono.fromRunnable(() -> remember(token, verifiedNow, jwt)))
                            .thenReturn(verifiedNow);
                });
    }

    private void remember(String token, Authentication authentication, Jwt jwt) {
        Instant now = clock.instant();
        // a token not yet valid (nbf ahead) is left to the validator each time; ours carry no nbf
        if (enabled && jwt.getExpiresAt() != null && jwt.getExpiresAt().isAfter(now)
                && (jwt.getNotBefore() == null || !jwt.getNotBefore().isAfter(now))) {
            verified.put(token, new Verified(authentication, jwt, jwt.getExpiresAt()));
        }
    }
}
