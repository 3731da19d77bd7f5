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
import id.go.cilegon.juare.auth.internal.ActiveSubjects;
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
 * as a SHA-256 hash, and rotate: each works once. The tokens of one sign-in form a family: a token traded a second
 * time (a stolen copy, or the owner's after a thief's) revokes the whole family (RFC 9700, 4.14.2), so the
 * successor stops working too. No grace period: our dashboard refreshes each session single-flight.
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
    private final ActiveSubjects activeSubjects;
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(TokenService.class);

    public TokenService(JwtEncoder encoder, DatabaseClient db, TransactionalOperator tx, Clock clock,
                        @Value("${juare.auth.access-token-ttl:15m}") Duration accessTtl,
                        @Value("${juare.auth.refresh-token-ttl:30d}") Duration refreshTtl, ActiveSubjects activeSubjects) {
        this.activeSubjects = activeSubjects;
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

    /** A new session (a new refresh-token family) for a subject with roles and, for OPD staff, their OPD. */
    public Mono<AuthSession> issue(String kind, UUID subject, Grant grant) {
        return issue(kind, subject, grant, UUID.randomUUID());
    }

    private Mono<AuthSession> issue(String kind, UUID subject, Grant grant, UUID family) {
        Instant now = clock.instant();
        String refresh = newRefreshToken();
        Instant refreshExpires = now.plus(refreshTtl);
        return db.sql("""
                        INSERT INTO refresh_token (token_hash, subject_type, subject_id, issued_at, expires_at, family_id)
                        VALUES (:hash, :kind, :subject, :now, :expires, :family)""")
                .bind("family", family)
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
        byte[] hash = sha256(refreshToken == null ? "" : refreshToken);
        Mono<AuthSession> rotation = db.sql("""
                        UPDATE refresh_token SET revoked_at = :now, rotated_at = :now
                        WHERE token_hash = :hash AND revoked_at IS NULL AND expires_at > :now
                        RETURNING subject_type, subject_id, family_id""")
                .bind("now", now)
                .bind("hash", hash)
                .map((row, meta) -> new Subject(row.get("subject_type", String.class), row.get("subject_id", UUID.class),
                        row.get("family_id", UUID.class)))
                .one()
                .flatMap(subject -> rolesOf.apply(subject.kind(), subject.id())
                        .switchIfEmpty(Mono.error(() -> invalidRefreshToken()))
                        .flatMap(roles -> issue(subject.kind(), subject.id(), roles, subject.family())))
                .as(tx::transactional);
        // not in the rotation's transaction: the revocation must stay although the answer is an error
        return rotation.switchIfEmpty(Mono.defer(() -> revokeFamilyIfReused(hash, now).then(Mono.error(invalidRefreshToken()))));
    }

    /** A token that was already traded for a successor comes again: every live token of its family is revoked. */
    private Mono<Void> revokeFamilyIfReused(byte[] hash, Instant now) {
        return db.sql("""
                        UPDATE refresh_token SET revoked_at = :now
                        WHERE family_id = (SELECT family_id FROM refresh_token WHERE token_hash = :hash AND rotated_at IS NOT NULL)
                          AND revoked_at IS NULL
                        RETURNING subject_type""")
                .bind("now", now)
                .bind("hash", hash)
                .map((row, meta) -> row.get("subject_type", String.class))
                .all()
                .collectList()
                .doOnNext(revoked -> {
                    if (!revoked.isEmpty()) {
                        log.warn("A spent {} refresh token was presented again: its session family is revoked", revoked.getFirst());
                    }
                })
                .then();
    }

    /**
     * Ends every session of a subject (an account disabled): its refresh tokens are revoked and its access tokens
     * refused from its next request on (at once on this instance, within juare.auth.active-check-ttl elsewhere).
     */
    public Mono<Void> endSessions(String kind, UUID subject) {
        return db.sql("UPDATE refresh_token SET revoked_at = :now WHERE subject_type = :kind AND subject_id = :subject AND revoked_at IS NULL")
                .bind("now", clock.instant())
                .bind("kind", kind)
                .bind("subject", subject)
                .then()
                .doOnSuccess(done -> activeSubjects.forget(kind, subject));
    }

    /** The subject's state changed (enabled, disabled, removed): ask again on its next request. */
    public void subjectChanged(String kind, UUID subject) {
        activeSubjects.forget(kind, subject);
    }

    private static RuntimeException invalidRefreshToken() {
        return UserError.of(ErrorCode.INVALID_REFRESH_TOKEN,
                "auth.session-expired", "refreshToken").exception();
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

    private record Subject(String kind, UUID id, UUID family) {
    }

    /** What a session may do: roles, and the OPD of OPD staff. */
    public record Grant(List<String> roles, String opdCode) {
    }
}
