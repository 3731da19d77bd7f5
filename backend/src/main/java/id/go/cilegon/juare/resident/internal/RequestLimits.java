package id.go.cilegon.juare.resident.internal;

import id.go.cilegon.juare.platform.ErrorCode;
import id.go.cilegon.juare.platform.UserError;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Atomic fixed-window counters in PostgreSQL. One statement counts every key of a request: each row is upserted
 * with INSERT … ON CONFLICT DO UPDATE … RETURNING, which holds the row's lock until the statement ends, so parallel
 * requests see consecutive counts and at most the limit of any key get through. Keys are sorted so that two
 * requests always lock shared rows in the same order (no deadlock). A refused request still counts: the window is
 * fixed, so that does not lengthen it.
 *
 * <p>Bucket4j's PostgreSQL buckets were considered: they are JDBC (a blocking {@code DataSource} beside the R2DBC
 * pool, calls moved off the event loop) and keep a bucket per key as a serialized blob; one SQL upsert does the
 * same atomic count on the connection we already have.
 */
@Component
class RequestLimits {

    private final DatabaseClient db;
    private final Clock clock;

    RequestLimits(DatabaseClient db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** Keys to count, each with its limit; insertion order does not matter. */
    static final class Keys {
        private final Map<String, Integer> limits = new LinkedHashMap<>();

        Keys add(String key, int limit) {
            limits.merge(key, limit, Math::min);
            return this;
        }
    }

    /** Counts the request against every key; fails with RATE_LIMITED when any key is over its limit. */
    Mono<Void> count(Keys keys, java.time.Duration window) {
        Instant now = clock.instant();
        String[] sorted = keys.limits.keySet().stream().sorted().toArray(String[]::new);
        Mono<Void> sweep = ThreadLocalRandom.current().nextInt(100) == 0 ? sweep(now.minus(window)) : Mono.empty();
        return db.sql("""
                        INSERT INTO rate_counter AS c (key, window_start, count)
                        SELECT k, :now, 1 FROM unnest(CAST(:keys AS text[])) AS k ORDER BY k
                        ON CONFLICT (key) DO UPDATE
                            SET count = CASE WHEN c.window_start <= :since THEN 1 ELSE c.count + 1 END,
                                window_start = CASE WHEN c.window_start <= :since THEN EXCLUDED.window_start ELSE c.window_start END
                        RETURNING key, count""")
                .bind("now", now)
                .bind("since", now.minus(window))
                .bind("keys", sorted)
                .map(row -> row.get("count", Integer.class) > keys.limits.get(row.get("key", String.class)))
                .all()
                .any(Boolean::booleanValue)
                .flatMap(over -> over ? Mono.error(rateLimited()) : Mono.<Void>empty())
                .then(sweep);
    }

    /** Now and then, rows whose window has passed go (they would start afresh anyway). */
    private Mono<Void> sweep(Instant before) {
        return db.sql("DELETE FROM rate_counter WHERE window_start <= :before").bind("before", before).then();
    }

    static RuntimeException rateLimited() {
        return UserError.of(ErrorCode.RATE_LIMITED,
                "resident.otp.too-many-requests").exception();
    }

    static String key(String kind, byte[] hash) {
        return kind + ":" + java.util.HexFormat.of().formatHex(Arrays.copyOf(hash, 16));
    }
}
