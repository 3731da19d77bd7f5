package id.go.cilegon.juare.auth.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.source.ImmutableSecret;
import id.go.cilegon.juare.auth.SessionSubjects;
import id.go.cilegon.juare.auth.TokenService;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverterAdapter;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import reactor.core.publisher.Mono;

/** CachedTokenAuthentication: a token's signature verified once while it lasts, its account checked every time. */
class CachedTokenAuthenticationTest {

    private final SecretKey key = key();
    private final NimbusJwtEncoder encoder = new NimbusJwtEncoder(new ImmutableSecret<>(key));
    private final AtomicInteger decodes = new AtomicInteger();
    private final Set<UUID> disabled = ConcurrentHashMap.newKeySet();
    private final ActiveSubjects activeSubjects = new ActiveSubjects(List.of(new SessionSubjects() {
        @Override
        public String kind() {
            return TokenService.KIND_RESIDENT;
        }

        @Override
        public Mono<TokenService.Grant> currentGrant(UUID subjectId) {
            return disabled.contains(subjectId) ? Mono.empty() : Mono.just(new TokenService.Grant(List.of("RESIDENT"), null));
        }
    }), Duration.ofSeconds(5));

    private CachedTokenAuthentication authentication(int size) {
        NimbusReactiveJwtDecoder nimbus = NimbusReactiveJwtDecoder.withSecretKey(key).macAlgorithm(MacAlgorithm.HS256).build();
        nimbus.setJwtValidator(new DelegatingOAuth2TokenValidator<>(new JwtTimestampValidator(), new JwtIssuerValidator(TokenService.ISSUER)));
        ReactiveJwtDecoder counting = token -> {
            decodes.incrementAndGet();
            return nimbus.decode(token);
        };
        ReactiveJwtAuthenticationConverterAdapter roles = new ReactiveJwtAuthenticationConverterAdapter(new JwtAuthenticationConverter());
        return new CachedTokenAuthentication(counting, roles, new ActiveAccountsOnly(roles, activeSubjects), size);
    }

    @Test
    void aTokenSeenBeforeIsNotVerifiedAgain() {
        CachedTokenAuthentication manager = authentication(100);
        UUID resident = UUID.randomUUID();
        String token = token(resident, Instant.now().plusSeconds(900));

        Authentication first = authenticate(manager, token);
        Authentication second = authenticate(manager, token);

        assertThat(decodes).hasValue(1);
        assertThat(second.getName()).isEqualTo(resident.toString()).isEqualTo(first.getName());
        assertThat(second.isAuthenticated()).isTrue();
    }

    @Test
    void aDisabledAccountIsRefusedAlthoughItsTokenWasVerifiedBefore() {
        CachedTokenAuthentication manager = authentication(100);
        UUID resident = UUID.randomUUID();
        String token = token(resident, Instant.now().plusSeconds(900));
        authenticate(manager, token);

        disabled.add(resident);
        activeSubjects.forget(TokenService.KIND_RESIDENT, resident);

        assertThatThrownBy(() -> authenticate(manager, token)).isInstanceOf(TokenRejection.AccountDisabled.class);
        assertThat(decodes).hasValue(1);
    }

    @Test
    void anEntryLastsNoLongerThanItsToken() throws InterruptedException {
        CachedTokenAuthentication manager = authentication(100);
        // the validator allows 60 s of clock skew: past its expiry the token still passes, verified afresh
        String token = token(UUID.randomUUID(), Instant.now().plusMillis(1200));
        authenticate(manager, token);
        authenticate(manager, token);
        assertThat(decodes).hasValue(1);

        Thread.sleep(1500);
        authenticate(manager, token);
        authenticate(manager, token);

        assertThat(decodes).hasValue(3);
    }

    @Test
    void aRefusedTokenIsRefusedEveryTimeAsBefore() {
        CachedTokenAuthentication manager = authentication(100);
        String token = token(UUID.randomUUID(), Instant.now().plusSeconds(900));
        String forged = token.substring(0, token.length() - 4) + (token.endsWith("AAAA") ? "BBBB" : "AAAA");
        String expired = token(UUID.randomUUID(), Instant.now().minusSeconds(300));

        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> authenticate(manager, forged)).isInstanceOf(InvalidBearerTokenException.class);
            assertThatThrownBy(() -> authenticate(manager, expired))
                    .isInstanceOf(InvalidBearerTokenException.class)
                    .satisfies(e -> assertThat(TokenRejection.of(e)).isEqualTo(TokenRejection.TOKEN_EXPIRED));
        }
        assertThat(decodes).hasValue(4);
    }

    @Test
    void sizeZeroVerifiesEveryTime() {
        CachedTokenAuthentication manager = authentication(0);
        String token = token(UUID.randomUUID(), Instant.now().plusSeconds(900));
        authenticate(manager, token);
        authenticate(manager, token);
        assertThat(decodes).hasValue(2);
    }

    private static Authentication authenticate(CachedTokenAuthentication manager, String token) {
        return manager.authenticate(new BearerTokenAuthenticationToken(token)).block();
    }

    private String token(UUID subject, Instant expiresAt) {
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .issuer(TokenService.ISSUER)
                .subject(subject.toString())
                .issuedAt(expiresAt.minusSeconds(900))
                .expiresAt(expiresAt)
                .claim(TokenService.KIND_CLAIM, TokenService.KIND_RESIDENT)
                .claim(TokenService.ROLES_CLAIM, List.of("RESIDENT"))
                .build();
        return encoder.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims)).getTokenValue();
    }

    private static SecretKey key() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return new SecretKeySpec(bytes, "HmacSHA256");
    }
}
