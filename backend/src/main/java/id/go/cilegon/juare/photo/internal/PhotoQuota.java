package id.go.cilegon.juare.photo.internal;

import id.go.cilegon.juare.platform.ErrorCode;
import id.go.cilegon.juare.platform.UserError;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Uploads per resident per hour. Each attempt is counted before any decoding, in one upsert (the row lock makes
 * parallel uploads count one after another), so neither parallel requests nor files that turn out bad get past it.
 */
@Component
public class PhotoQuota {

    static final Duration WINDOW = Duration.ofHours(1);

    private final DatabaseClient db;
    private final PhotoProperties properties;
    private final Clock clock;

    PhotoQuota(DatabaseClient db, PhotoProperties properties, Clock clock) {
        this.db = db;
        this.properties = properties;
        this.clock = clock;
    }

    /** Counts one upload for the owner; fails with RATE_LIMITED (and when to retry) past the hourly limit. */
    public Mono<Void> take(UUID ownerId) {
        Instant now = clock.instant();
        return db.sql("""
                        INSERT INTO photo_upload_quota AS q (owner_id, window_start, uploads) VALUES (:owner, :now, 1)
                        ON CONFLICT (owner_id) DO UPDATE SET
                            window_start = CASE WHEN q.window_start <= :expired THEN :now ELSE q.window_start END,
                            uploads = CASE WHEN q.window_start <= :expired THEN 1 ELSE q.uploads + 1 END
                        RETURNING uploads, window_start""")
                .bind("owner", ownerId)
                .bind("now", now)
                .bind("expired", now.minus(WINDOW))
                .map(row -> new Count(row.get("uploads", Integer.class), row.get("window_start", Instant.class)))
                .one()
                .flatMap(count -> count.uploads() <= properties.maxPerHour()
                        ? Mono.<Void>empty()
                        : Mono.error(exceeded(Duration.between(now, count.windowStart().plus(WINDOW)))));
    }

    private RetryLater exceeded(Duration retryAfter) {
        long minutes = Math.max(1, (retryAfter.toSeconds() + 59) / 60);
        return new RetryLater(UserError.of(ErrorCode.RATE_LIMITED, "photo.quota", "file")
                .with(properties.maxPerHour(), minutes), retryAfter);
    }

    /** Forgets windows that have passed (the clean-up calls it). */
    Mono<Long> forgetExpired() {
        return db.sql("DELETE FROM photo_upload_quota WHERE window_start <= :expired")
                .bind("expired", clock.instant().minus(WINDOW))
                .fetch()
                .rowsUpdated();
    }

    private record Count(int uploads, Instant windowStart) {
    }
}
