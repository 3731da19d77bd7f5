package id.go.cilegon.juare.dashboard.live;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The live connection to the backend for operators: a gauge per state (1 for the current one) and the screens
 * following events; in health ("live") as a detail, not in readiness: screens still work, they only load when opened.
 */
@Component("live")
class LiveMetrics implements HealthIndicator {

    private final BackendLiveEvents live;

    LiveMetrics(BackendLiveEvents live, MeterRegistry meters) {
        this.live = live;
        for (LiveState state : LiveState.values()) {
            Gauge.builder("juare.dashboard.live.state", live, events -> events.state() == state ? 1 : 0)
                    .tag("state", state.name())
                    .description("The dashboard server's live-events subscription: 1 for its current state")
                    .register(meters);
        }
        Gauge.builder("juare.dashboard.live.screens", live, BackendLiveEvents::screens)
                .description("Open screens following live events").register(meters);
    }

    @Override
    public Health health() {
        LiveState state = live.state();
        Health.Builder health = state == LiveState.OFFLINE ? Health.unknown() : Health.up();
        return health.withDetail("state", state.name()).build();
    }
}
