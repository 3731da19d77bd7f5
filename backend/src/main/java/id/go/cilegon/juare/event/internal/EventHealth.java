package id.go.cilegon.juare.event.internal;

import id.go.cilegon.juare.event.EventLog;
import id.go.cilegon.juare.event.EventStream;
import id.go.cilegon.juare.platform.DatabaseGauges;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Readiness of live events ("listen"): an instance whose LISTEN connection is down serves subscriptions that
 * would hear nothing until it is back, so it takes no traffic meanwhile. Also the event gauges: the log's last id
 * (events appended since the log began: its rate is events per second), the last id this instance delivered,
 * and the live subscribers of this instance.
 */
@Component("listen")
class EventHealth implements ReactiveHealthIndicator {

    private final EventStream stream;
    private final EventListener listener;

    EventHealth(EventStream stream, EventListener listener, EventLog log, DatabaseGauges gauges, MeterRegistry meters) {
        this.stream = stream;
        this.listener = listener;
        gauges.gauge("juare.events.appended", "The event log's last id: every event ever appended (city-wide)", log::lastId);
        Gauge.builder("juare.events.delivered", listener, EventListener::lastDelivered)
                .description("The last event id this instance's live stream delivered").register(meters);
        Gauge.builder("juare.subscriptions.live", stream, EventStream::subscriberCount)
                .description("Live event subscribers on this instance (GraphQL subscriptions and internal ones)").register(meters);
    }

    @Override
    public Mono<Health> health() {
        Health.Builder health = stream.isListening() ? Health.up() : Health.down();
        return Mono.just(health.withDetail("lastDelivered", listener.lastDelivered()).build());
    }
}
