package id.go.cilegon.juare.notify.internal;

import id.go.cilegon.juare.platform.DatabaseGauges;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Readiness of this instance's outbox sender ("outbox"): DOWN when its loop has not finished a pass for
 * {@code juare.outbox.stuck-after} (a dead sender would leave residents unnotified while the instance looks
 * fine). Also the outbox's gauges: messages waiting (due now) and given up, city-wide.
 */
@Component("outbox")
class OutboxHealth implements ReactiveHealthIndicator {

    private final OutboxSender sender;
    private final Clock clock;
    private final Duration stuckAfter;

    OutboxHealth(OutboxSender sender, Clock clock, @Value("${juare.outbox.stuck-after:5m}") Duration stuckAfter,
                 DatabaseClient db, DatabaseGauges gauges) {
        this.sender = sender;
        this.clock = clock;
        this.stuckAfter = stuckAfter;
        gauges.gauge("juare.outbox.waiting", "WhatsApp messages due and not yet sent (city-wide)",
                () -> db.sql("SELECT count(*) AS n FROM notification_outbox WHERE sent_at IS NULL AND next_attempt_at <= now()")
                        .map(row -> row.get("n", Long.class)).one());
        gauges.gauge("juare.outbox.given.up", "WhatsApp messages given up after every attempt failed (city-wide)",
                () -> db.sql("SELECT count(*) AS n FROM notification_outbox WHERE sent_at IS NULL AND next_attempt_at = 'infinity'")
                        .map(row -> row.get("n", Long.class)).one());
    }

    @Override
    public Mono<Health> health() {
        if (!sender.isRunning()) {
            return Mono.just(Health.up().withDetail("sender", "not running on this instance").build());
        }
        Instant last = sender.lastPassAt();
        Instant now = clock.instant();
        if (last == null || Duration.between(last, now).compareTo(stuckAfter) <= 0) {
            return Mono.just(Health.up().withDetail("lastPassAt", String.valueOf(last)).build());
        }
        return Mono.just(Health.down().withDetail("lastPassAt", last.toString())
                .withDetail("stuckAfter", stuckAfter.toString()).build());
    }
}
