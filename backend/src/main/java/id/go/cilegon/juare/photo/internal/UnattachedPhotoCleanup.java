package id.go.cilegon.juare.photo.internal;

import id.go.cilegon.juare.photo.PhotoStore;
import id.go.cilegon.juare.platform.ClusterLock;
import id.go.cilegon.juare.platform.Periodic;
import io.r2dbc.spi.ConnectionFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Removes photos uploaded but never attached to a complaint once they are older than
 * {@code juare.photo.unattached-retention} (a day): first the rows, then the files, so a photo is never listed
 * without its file. An attach racing the removal either wins (the photo stays) or finds it gone (PHOTO_NOT_FOUND);
 * the row lock decides. One instance at a time runs it (a PostgreSQL session advisory lock, as the clock job).
 */
@Component
public class UnattachedPhotoCleanup extends Periodic {

    private static final Logger log = LoggerFactory.getLogger(UnattachedPhotoCleanup.class);
    /** Any constant shared by all instances: "JUAREPHC". */
    static final long LOCK_KEY = 0x4A55415245504843L;
    private static final int BATCH = 200;

    private final ConnectionFactory connections;
    private final DatabaseClient db;
    private final PhotoStore store;
    private final PhotoQuota quota;
    private final PhotoProperties properties;
    private final Clock clock;

    UnattachedPhotoCleanup(ConnectionFactory connections, DatabaseClient db, PhotoStore store, PhotoQuota quota,
                           PhotoProperties properties, Clock clock) {
        super("The photo clean-up");
        this.connections = connections;
        this.db = db;
        this.store = store;
        this.quota = quota;
        this.properties = properties;
        this.clock = clock;
    }

    /** One run, if this instance gets the lock: how many photos were removed (0 when another instance runs it). */
    public Mono<Integer> runOnce() {
        return ClusterLock.runAlone(connections, LOCK_KEY, Mono.defer(this::work)).defaultIfEmpty(0);
    }

    private Mono<Integer> work() {
        Instant cutoff = clock.instant().minus(properties.unattachedRetention());
        return removeBatch(cutoff)
                .expand(removed -> removed < BATCH ? Mono.empty() : removeBatch(cutoff))
                .reduce(0, Integer::sum)
                .flatMap(removed -> quota.forgetExpired().thenReturn(removed))
                .doOnNext(removed -> {
                    if (removed > 0) {
                        log.info("Photo clean-up: removed {} photos never attached to a complaint", removed);
                    }
                });
    }

    /** Deletes up to a batch of rows, then their files; how many rows went. */
    private Mono<Integer> removeBatch(Instant cutoff) {
        return db.sql("""
                        DELETE FROM photo WHERE id IN (
                            SELECT id FROM photo WHERE complaint_id IS NULL AND NOT handed_over AND created_at < :cutoff
                            ORDER BY created_at LIMIT :batch FOR UPDATE SKIP LOCKED)
                        RETURNING id""")
                .bind("cutoff", cutoff)
                .bind("batch", BATCH)
                .map(row -> row.get("id", UUID.class))
                .all()
                .concatMap(id -> store.delete(id)
                        .onErrorResume(e -> {
                            log.warn("Could not remove the files of expired photo {}: {}", id, e.toString());
                            return Mono.empty();
                        })
                        .thenReturn(1))
                .reduce(0, Integer::sum);
    }

    @Override
    protected Duration every() {
        return properties.cleanupEnabled() ? properties.cleanupEvery() : null;
    }

    @Override
    protected Mono<?> runScheduled() {
        return runOnce();
    }
}
