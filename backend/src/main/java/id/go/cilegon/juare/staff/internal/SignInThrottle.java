package id.go.cilegon.juare.staff.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Counts staff sign-in attempts BEFORE the password is checked (ADR 0013), so parallel guesses cannot get more checks
 * than allowed, and gives a success's own count back afterwards. Three counters, all reserved in one transaction
 * (all or none, rows locked in a fixed order):
 * <ul>
 *   <li>PAIR (username, client address): a few free failures, then a growing delay (1 s, 2 s, 4 s … up to the cap).
 *       A stranger's failures from another address do not delay the owner.</li>
 *   <li>ADDRESS: failures of one address across all usernames in a window (password spraying).</li>
 *   <li>ACCOUNT: failures of one username from everywhere in a window, high enough that one stranger cannot reach it,
 *       low enough to slow a distributed attack.</li>
 * </ul>
 * Keys are usernames as typed (normalised), known or not, so an unknown username is throttled and answered exactly
 * like a real one.
 */
@Component
class SignInThrottle {

    enum Scope { ACCOUNT, ADDRESS, PAIR }

    /** A reserved attempt: hand it back with {@link #succeeded}. */
    record Reservation(List<Counted> counted) {
    }

    record Counted(Scope scope, byte[] key, int failures, Instant windowStart) {
    }

    /** Refused before any check: try again after {@code retryAfter}. */
    static final class Delayed extends RuntimeException {
        private final Instant retryAfter;

        Delayed(Instant retryAfter) {
            super("sign-in delayed", null, false, false);
            this.retryAfter = retryAfter;
        }

        Instant retryAfter() {
            return retryAfter;
        }
    }

    private record State(int failures, Instant windowStart, Instant blockedUntil, Instant updatedAt) {
    }

    private final DatabaseClient db;
    private final TransactionalOperator tx;
    private final StaffProperties properties;
    private final Clock clock;

    SignInThrottle(DatabaseClient db, TransactionalOperator tx, StaffProperties properties, Clock clock) {
        this.db = db;
        this.tx = tx;
        this.properties = properties;
        this.clock = clock;
    }

    /** Counts one attempt on every counter, or none and {@link Delayed} when one of them is over its allowance. */
    Mono<Reservation> reserve(String username, String address) {
        Instant now = clock.instant();
        byte[] account = key("account", username);
        return Flux.concat(
                        count(Scope.ACCOUNT, account, account, now),
                        count(Scope.ADDRESS, key("address", address), null, now),
                        count(Scope.PAIR, key("pair", username + "\n" + address), account, now))
                .collectList()
                .map(Reservation::new)
                .as(tx::transactional);
    }

    /**
     * The attempt succeeded: it was no failure. The pair's failures counted up to and including it are forgotten (the
     * owner proved the password), failures counted after it, in parallel, stay; the windows give back this one.
     */
    Mono<Void> succeeded(Reservation reservation) {
        return Flux.fromIterable(reservation.counted())
                .concatMap(counted -> counted.scope() == Scope.PAIR
                        ? db.sql("""
                                UPDATE sign_in_throttle SET failures = GREATEST(failures - :n, 0),
                                    blocked_until = CASE WHEN failures - :n <= 0 THEN NULL ELSE blocked_until END
                                WHERE scope = 'PAIR' AND key_hash = :key""")
                                .bind("n", counted.failures())
                                .bind("key", counted.key())
                                .then()
                        : db.sql("""
                                UPDATE sign_in_throttle SET failures = GREATEST(failures - 1, 0)
                                WHERE scope = :scope AND key_hash = :key AND window_start = :start""")
                                .bind("scope", counted.scope().name())
                                .bind("key", counted.key())
                                .bind("start", counted.windowStart())
                                .then())
                .then();
    }

    /**
     * The attempt failed: its wait runs from now, the answer, rather than from the reservation (a slow password check
     * must not eat the wait).
     */
    Mono<Void> failed(Reservation reservation) {
        Instant now = clock.instant();
        return Flux.fromIterable(reservation.counted())
                .filter(counted -> counted.scope() == Scope.PAIR && counted.failures() >= properties.maxFailedLogins())
                .concatMap(counted -> db.sql("""
                                UPDATE sign_in_throttle SET blocked_until = GREATEST(blocked_until, :until)
                                WHERE scope = 'PAIR' AND key_hash = :key AND blocked_until IS NOT NULL""")
                        .bind("until", now.plus(delay(counted.failures())))
                        .bind("key", counted.key())
                        .then())
                .then();
    }

    /** An admin set a new password: the account starts afresh, from every address. */
    Mono<Void> forget(String username) {
        return db.sql("DELETE FROM sign_in_throttle WHERE account_key = :key")
                .bind("key", key("account", username))
                .then();
    }

    /** Counters nobody touched for a day (or the forget-after time) go. */
    Mono<Long> removeStale() {
        Duration keep = properties.signInForgetAfter().compareTo(Duration.ofDays(1)) > 0 ? properties.signInForgetAfter() : Duration.ofDays(1);
        return db.sql("DELETE FROM sign_in_throttle WHERE updated_at < :before")
                .bind("before", clock.instant().minus(keep))
                .fetch().rowsUpdated();
    }

    private Mono<Counted> count(Scope scope, byte[] key, byte[] account, Instant now) {
        DatabaseClient.GenericExecuteSpec insert = db.sql("""
                        INSERT INTO sign_in_throttle (scope, key_hash, account_key, failures, window_start, updated_at)
                        VALUES (:scope, :key, :account, 0, :now, :now) ON CONFLICT DO NOTHING""")
                .bind("scope", scope.name())
                .bind("key", key);
        insert = account == null ? insert.bindNull("account", byte[].class) : insert.bind("account", account);
        return insert
                .bind("now", now)
                .then()
                .then(db.sql("""
                                SELECT failures, window_start, blocked_until, updated_at FROM sign_in_throttle
                                WHERE scope = :scope AND key_hash = :key FOR UPDATE""")
                        .bind("scope", scope.name())
                        .bind("key", key)
                        .map(row -> new State(row.get("failures", Integer.class), row.get("window_start", Instant.class),
                                row.get("blocked_until", Instant.class), row.get("updated_at", Instant.class)))
                        .one())
                .flatMap(state -> scope == Scope.PAIR ? backoff(key, state, now) : window(scope, key, state, now));
    }

    /** A few free failures, then each one doubles the wait, up to the cap; forgotten after a quiet while. */
    private Mono<Counted> backoff(byte[] key, State state, Instant now) {
        boolean forgotten = state.updatedAt().isBefore(now.minus(properties.signInForgetAfter()));
        if (!forgotten && state.blockedUntil() != null && state.blockedUntil().isAfter(now)) {
            return Mono.error(new Delayed(state.blockedUntil()));
        }
        int failures = (forgotten ? 0 : state.failures()) + 1;
        Instant blockedUntil = failures >= properties.maxFailedLogins() ? now.plus(delay(failures)) : null;
        return save(Scope.PAIR, key, failures, state.windowStart(), blockedUntil, now)
                .thenReturn(new Counted(Scope.PAIR, key, failures, state.windowStart()));
    }

    Duration delay(int failures) {
        int doublings = Math.min(failures - properties.maxFailedLogins(), 30);
        Duration delay = properties.signInFirstDelay().multipliedBy(1L << doublings);
        return delay.compareTo(properties.lockDuration()) > 0 ? properties.lockDuration() : delay;
    }

    /** At most so many failures in a fixed window. */
    private Mono<Counted> window(Scope scope, byte[] key, State state, Instant now) {
        boolean expired = !state.windowStart().isAfter(now.minus(properties.signInWindow()));
        Instant start = expired ? now : state.windowStart();
        int failures = expired ? 0 : state.failures();
        int max = scope == Scope.ADDRESS ? properties.maxFailedLoginsPerAddress() : properties.maxFailedLoginsPerAccount();
        if (failures >= max) {
            return Mono.error(new Delayed(start.plus(properties.signInWindow())));
        }
        return save(scope, key, failures + 1, start, null, now)
                .thenReturn(new Counted(scope, key, failures + 1, start));
    }

    private Mono<Void> save(Scope scope, byte[] key, int failures, Instant windowStart, Instant blockedUntil, Instant now) {
        DatabaseClient.GenericExecuteSpec spec = db.sql("""
                        UPDATE sign_in_throttle SET failures = :failures, window_start = :start, blocked_until = :blocked,
                            updated_at = :now
                        WHERE scope = :scope AND key_hash = :key""")
                .bind("failures", failures)
                .bind("start", windowStart)
                .bind("now", now)
                .bind("scope", scope.name())
                .bind("key", key);
        spec = blockedUntil == null ? spec.bindNull("blocked", Instant.class) : spec.bind("blocked", blockedUntil);
        return spec.then();
    }

    private static byte[] key(String kind, String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest((kind + "\n" + value).getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
