package id.go.cilegon.juare.dashboard.base.metrics;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.stereotype.Component;

/** Open Vaadin sessions and UIs (browser tabs) of this dashboard server, for Prometheus. */
@Component
class VaadinMetrics implements VaadinServiceInitListener {

    private final AtomicInteger sessions;
    private final AtomicInteger uis;

    VaadinMetrics(MeterRegistry meters) {
        this.sessions = meters.gauge("juare.dashboard.sessions", new AtomicInteger());
        this.uis = meters.gauge("juare.dashboard.uis", new AtomicInteger());
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addSessionInitListener(init -> sessions.incrementAndGet());
        event.getSource().addSessionDestroyListener(destroy -> sessions.decrementAndGet());
        event.getSource().addUIInitListener(init -> {
            uis.incrementAndGet();
            init.getUI().addDetachListener(detach -> uis.decrementAndGet());
        });
    }
}
