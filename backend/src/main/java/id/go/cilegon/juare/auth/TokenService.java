package id.go.cilegon.juare.auth;

import id.go.cilegon.juare.platform.ErrorCode;
import id.go.cilegon.juare.platform.UserError;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Issues short-lived JWT access tokens and long-lived refresh tokens. Refresh tokens are random, stored only
 * as a SHA-256 hash, and rotate: each works once.
 */
@Service
public class TokenService {

    public static final String ISSUER = "juare";
    public static final String KIND_CLAIM = "kind";
    public static final String ROLES_CLAIM = "roles";
    public static final String OPD_CLAIM = "opd";
    public static final String KIND_RESIDENT = "resident";
    public static final String KIND_STAFF = "staff";

    private final JwtEncoder encoder;
    private final DatabaseClient db;
    private final TransactionalOperator tx;
    private final Clock clock;
    private final Duration accessTtl;
    private final Duration refreshTtl;
    private final SecureRandom random = new SecureRandom();

    public TokenService(JwtEncoder encoder, DatabaseClient db, TransactionalOperator tx, Clock clock,
                        @Value("${juare.auth.access-token-ttl:15m}") Duration accessTtl,
                        @Value("${juare.auth.refresh-token-ttl:30d}") Duration refreshTtl) {
        this.encoder = encoder;
        this.db = db;
        this.tx = tx;
        this.clock = clock;
        this.accessTtl = accessTtl;
        this.refreshTtl = refreshTtl;
    }

    /** A new session for a resident (kind "resident", role RESIDENT). */
    public Mono<AuthSession> residentSession(UUID residentId) {
        return issue(KIND_RESIDENT, residentId, List.of("RESIDENT"));
    }

    /** A new session for any subject. */
    public Mono<AuthSession> issue(String kind, UUID subject, List<String> roles) {
        return issue(kind, subject, new Grant(roles, null));
    }

    /** A new session for a subject with roles and, for OPD staff, their OPD. */
    public Mono<AuthSession> issue(String kind, UUID subject, Grant grant) {
        Instant now = clock.instant();
        String refresh = newRefreshToken();
        Instant refreshExpires = now.plus(refreshTtl);
        return db.sql("""
                        INSERT INTO refresh_token (token_hash, subject_type, subject_id, issued_at, expires_at)
                        VALUES (:hash, :kind, :subject, :now, :expires)""")
                .bind("hash", sha256(refresh))
                .bind("kind", kind)
                .bind("subject", subject)
                .bind("now", now)
                .bind("expires", refreshExpires)
                .then()
                .thenReturn(new AuthSession(accessToken(kind, subject, grant, now), now.plus(accessTtl), refresh, refreshExpires));
    }

    /**
     * Trades a refresh token for a new session. The roles come from {@code rolesOf}, read afresh, so a changed
     * or disabled account shows in the next token.
     */
    public Mono<AuthSession> refresh(String refreshToken, java.util.function.BiFunction<String, UUID, Mono<Grant>> rolesOf) {
        Instant now = clock.instant();
        Mono<AuthSession> rotation = db.sql("""
                        UPDATE refresh_token SET revoked_at = :now
                        WHERE token_hash = :hash AND revoked_at IS NULL AND expires_at > :now
                        RETURNING subject_type, subject_id""")
                .bind("now", now)
                .bind("hash", sha256(refreshToken == null ? "" : refreshToken))
                .map((row, meta) -> new Subject(row.get("subject_type", String.class), row.get("subject_id", UUID.class)))
                .one()
                .switchIfEmpty(Mono.error(invalidRefreshToken()))
                .flatMap(subject -> rolesOf.apply(subject.kind(), subject.id())
                        .switchIfEmpty(Mono.error(invalidRefreshToken()))
                        .flatMap(roles -> issue(subject.kind(), subject.id(), roles)));
        return rotation.as(tx::transactional);
    }

    private static RuntimeException invalidRefreshToken() {
        return UserError.of(ErrorCode.INVALID_REFRESH_TOKEN,
                "Sesi berakhir, silakan masuk lagi / Session expired, please sign in again", "refreshToken").exception();
    }

    private String accessToken(String kind, UUID subject, Grant grant, Instant now) {
        JwtClaimsSet.Builder claims = JwtClaimsSet.builder()
                .issuer(ISSUER)
                .subject(subject.toString())
                .issuedAt(now)
                .expiresAt(now.plus(accessTtl))
                .claim(KIND_CLAIM, kind)
                .claim(ROLES_CLAIM, grant.roles());
        if (grant.opdCode() != null) {
            claims.claim(OPD_CLAIM, grant.opdCode());
        }
        JwsHeader header = JwsHeader.with(MacAlgorithm.HS256).build();
        return encoder.encode(JwtEncoderParameters.from(header, claims.build())).getTokenValue();
    }

    private String newRefreshToken() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Subject(String kind, UUID id) {
    }

    /** What a session may do: roles, and the OPD of OPD staff. */
    public record Grant(List<String> roles, String opdCode) {
    }
}
