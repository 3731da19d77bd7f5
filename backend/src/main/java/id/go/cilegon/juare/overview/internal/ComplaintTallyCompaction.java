package id.go.cilegon.juare.overview.internal;

import id.go.cilegon.juare.platform.Periodic;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Folds the deltas that every change appends to complaintCounts' summaries (V15_1, ADR 0037) and to the map's
 * (V15_20, ADR 0044) into one row per key,
 * every {@code juare.counts.compact-every} (default 5 s), so that a count reads a few thousand rows however many
 * changes came before it. Deadline days more than two days past fold into one "long overdue" day. One instance at a
 * time (the function takes a transaction advisory lock and returns at once on the others); the answers are the same
 * before and after a fold, so a late or failed run costs only a few more rows to add up.
 */
@Component
class ComplaintTallyCompaction extends Periodic {

    private final DatabaseClient db;
    private final Clock clock;
    private final Duration every;

    ComplaintTallyCompaction(DatabaseClient db, Clock clock,
                             @Value("${juare.counts.compact-every:5s}") Duration every) {
        super("Folding the complaint counts");
        this.db = db;
        this.clock = clock;
        this.every = every;
    }

    /** One fold: the delta rows folded, or -1 when another instance was folding. */
    Mono<Integer> compact() {
        LocalDate foldBefore = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).minusDays(2);
        // the map's summary (V15_20, ADR 0044) folds in the same call, its own transaction and lock
        return db.sql("SELECT complaint_tally_compact(:foldBefore) AS folded")
                .bind("foldBefore", foldBefore)
                .map(row -> row.get("folded", Integer.class))
                .one()
                .flatMap(folded -> db.sql("SELECT complaint_map_tally_compact() AS folded")
                        .map(row -> row.get("folded", Integer.class))
                        .one()
                        .map(mapFolded -> folded < 0 ? folded : folded + Math.max(mapFolded, 0)));
    }

    @Override
    protected Duration every() {
        return every;
    }

    @Override
    protected Mono<?> runScheduled() {
        return compact();
    }
}
