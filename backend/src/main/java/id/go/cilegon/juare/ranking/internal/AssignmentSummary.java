package id.go.cilegon.juare.ranking.internal;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Keeps the summary of assignments ({@code opd_assignment}, ADR 0008) built with this instance's "real reply"
 * threshold ({@code juare.lifecycle.min-reply-characters}): the trigger that maintains it reads the threshold from
 * {@code ranking_setting}, so at start-up, before the web server takes requests, the configured value is written
 * there and, if it differs from the one the summary was built with, the summary is rebuilt from the event log in the
 * same transaction (events wait meanwhile). Every instance must be configured alike.
 */
@Component
class AssignmentSummary implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(AssignmentSummary.class);
    /** A rebuild reads the whole log: minutes for millions of events. */
    private static final Duration REBUILD_TIMEOUT = Duration.ofMinutes(30);

    private final DatabaseClient db;
    private final int minReply;
    private volatile boolean running;

    AssignmentSummary(DatabaseClient db, @Value("${juare.lifecycle.min-reply-characters:15}") int minReply) {
        this.db = db;
        this.minReply = minReply;
    }

    @Override
    public void start() {
        long started = System.nanoTime();
        Boolean rebuilt = useThreshold(minReply).block(REBUILD_TIMEOUT);
        if (Boolean.TRUE.equals(rebuilt)) {
            log.info("Ranking summary rebuilt for min-reply-characters={} in {} ms", minReply,
                    (System.nanoTime() - started) / 1_000_000);
        }
        running = true;
    }

    /** Writes the threshold and rebuilds the summary if it was built with another one; true if it was rebuilt. */
    Mono<Boolean> useThreshold(int characters) {
        if (characters < 0) {
            return Mono.error(new IllegalArgumentException("juare.lifecycle.min-reply-characters cannot be negative"));
        }
        return db.sql("SELECT opd_assignment_rebuild(:characters) AS rebuilt")
                .bind("characters", characters)
                .map(row -> row.get("rebuilt", Boolean.class))
                .one();
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Before the web server (which starts late), so that no request reads a summary built with another threshold. */
    @Override
    public int getPhase() {
        return 0;
    }
}
