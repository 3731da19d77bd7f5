package id.go.cilegon.juare.ranking.internal;

import id.go.cilegon.juare.platform.Periodic;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Folds the deltas that every change of an assignment appends to the ranking's sums per OPD and day (V15_43,
 * ADR 0043) into one row per key, every {@code juare.ranking.compact-every} (default 5 s), so that a year's ranking
 * adds up about one row per OPD and day however many events came before it. One instance at a time (the function
 * takes a transaction advisory lock and returns at once on the others); the answers are the same before and after a
 * fold, so a late or failed run costs only a few more rows to add up.
 */
@Component
class RankingTallyCompaction extends Periodic {

    private final DatabaseClient db;
    private final Duration every;

    RankingTallyCompaction(DatabaseClient db, @Value("${juare.ranking.compact-every:5s}") Duration every) {
        super("Folding the ranking's day sums");
        this.db = db;
        this.every = every;
    }

    /** One fold: the delta rows folded, or -1 when another instance was folding. */
    Mono<Integer> compact() {
        return db.sql("SELECT opd_day_tally_compact() AS folded")
                .map(row -> row.get("folded", Integer.class))
                .one();
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
