package id.go.cilegon.juare.complaint.internal;

import id.go.cilegon.juare.complaint.Complaint;
import id.go.cilegon.juare.complaint.ComplaintStatus;
import id.go.cilegon.juare.complaint.Transition;
import id.go.cilegon.juare.platform.ClusterLock;
import id.go.cilegon.juare.platform.Periodic;
import io.micrometer.core.instrument.MeterRegistry;
import io.r2dbc.spi.ConnectionFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Every minute: reply and fix clocks that ran out become REPLY_OVERDUE / FIX_OVERDUE events (and escalations),
 * and resolutions left unanswered too long close by themselves. One instance at a time runs it (a PostgreSQL
 * session advisory lock); each breach is recorded once even if two runs overlap (a guarded update).
 */
@Component
class ClockJob extends Periodic {

    private static final Logger log = LoggerFactory.getLogger(ClockJob.class);
    /** Any constant shared by all instances: "JUARECLK". */
    static final long LOCK_KEY = 0x4A55415245434C4BL;
    private static final int BATCH = 500;

    /**
     * At an OPD with no real first reply: a template reply moves a complaint to IN_PROGRESS without stopping the
     * reply clock (ADR 0018), so IN_PROGRESS counts too (the same predicate as the index complaint_reply_clock, V12_20).
     */
    static final String REPLY_BREACHED = "first_reply_at IS NULL AND reply_overdue_at IS NULL"
            + " AND " + ComplaintStatus.sqlIn("status", Transition.MARK_REPLY_OVERDUE.from()) + " AND reply_due_at < :now";
    static final String FIX_BREACHED = "fix_overdue_at IS NULL AND " + ComplaintStatus.sqlIn("status", Transition.MARK_FIX_OVERDUE.from())
            + " AND fix_due_at < :now";
    static final String RESOLUTION_EXPIRED = ComplaintStatus.sqlIn("status", Transition.AUTO_CLOSE.from()) + " AND resolved_at < :now";

    private final ConnectionFactory connections;
    private final ComplaintRepository complaints;
    private final LifecycleService lifecycle;
    private final ClockProperties properties;
    private final Clock clock;
    private final MeterRegistry meters;

    ClockJob(ConnectionFactory connections, ComplaintRepository complaints, LifecycleService lifecycle,
             ClockProperties properties, Clock clock, MeterRegistry meters) {
        super("The clock job");
        this.meters = meters;
        this.connections = connections;
        this.complaints = complaints;
        this.lifecycle = lifecycle;
        this.properties = properties;
        this.clock = clock;
    }

    /** One run, if this instance gets the lock; how many complaints changed (0 when another instance holds it). */
    Mono<Integer> runOnce() {
        return ClusterLock.runAlone(connections, LOCK_KEY, Mono.defer(this::work))
                .doOnNext(count -> counted("ran", count))
                .doOnError(e -> counted("failed", 0))
                .switchIfEmpty(Mono.fromCallable(() -> counted("another_instance", 0)));
    }

    /** Runs by outcome (ran here, held by another instance, failed) and the complaints they changed. */
    private int counted(String outcome, int changed) {
        meters.counter("juare.clock.runs", "outcome", outcome).increment();
        meters.counter("juare.clock.changes").increment(changed);
        return changed;
    }

    private Mono<Integer> work() {
        Instant now = clock.instant();
        Flux<Complaint> replyBreaches = complaints.findWhere(REPLY_BREACHED, now, BATCH)
                .concatMap(c -> lifecycle.markOverdue(c, Transition.MARK_REPLY_OVERDUE.event()));
        Flux<Complaint> fixBreaches = complaints.findWhere(FIX_BREACHED, now, BATCH)
                .concatMap(c -> lifecycle.markOverdue(c, Transition.MARK_FIX_OVERDUE.event()));
        Flux<Complaint> autoClosed = complaints.findWhere(RESOLUTION_EXPIRED, now.minus(properties.autoCloseAfter()), BATCH)
                .concatMap(lifecycle::autoClose);
        return Flux.concat(replyBreaches, fixBreaches, autoClosed)
                .count()
                .map(Long::intValue)
                .doOnNext(count -> {
                    if (count > 0) {
                        log.info("Clock job: {} complaints changed", count);
                    }
                });
    }

    @Override
    protected Duration every() {
        return properties.enabled() ? properties.checkEvery() : null;
    }

    @Override
    protected Mono<?> runScheduled() {
        return runOnce();
    }
}
