package id.go.cilegon.juare.dashboard.live;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.shared.Registration;
import id.go.cilegon.juare.dashboard.backend.BackendClient;
import id.go.cilegon.juare.dashboard.backend.BackendProperties;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import jakarta.annotation.PreDestroy;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Service;

/**
 * {@link LiveEvents} from the backend: one {@link LiveConnection} for this server, fanned out ({@link FanOut}) to
 * the attached screens through their UIs. Without a configured password it says so once and delivers nothing.
 */
@Service
class BackendLiveEvents implements LiveEvents, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(BackendLiveEvents.class);

    private final LiveProperties properties;
    private final ScheduledExecutorService timer;
    private final ExecutorService handOff;
    private final FanOut fanOut;
    private final LiveConnection connection;
    private volatile boolean started;

    BackendLiveEvents(BackendClient backend, BackendProperties backendProperties, LiveProperties properties, Clock clock) {
        this.properties = properties;
        this.timer = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("juare-live-timer").factory());
        // a screen's UI.access may run its command right away on the calling thread: one virtual thread per delivery,
        // so that a slow screen holds up nobody
        this.handOff = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("juare-live-delivery-", 0).factory());
        this.fanOut = new FanOut((task, delay) -> timer.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS), handOff, clock,
                properties.coalesce(), properties.maxPending(), properties.recent(), properties.enabled() ? LiveState.OFFLINE : LiveState.DISABLED);
        this.connection = new LiveConnection(backend, backendProperties, properties, clock, fanOut::publish, fanOut::state);
    }

    @Override
    public Registration subscribe(Component owner, Predicate<ComplaintEvent> filter, Duration atMostEvery,
                                  Consumer<List<ComplaintEvent>> onEvents) {
        return whileAttached(owner, ui -> fanOut.add(screen(ui), filter, atMostEvery, onEvents));
    }

    @Override
    public Registration subscribeState(Component owner, Consumer<LiveState> onChange) {
        return whileAttached(owner, ui -> fanOut.addStateWatch(screen(ui), onChange));
    }

    @Override
    public LiveState state() {
        return fanOut.state();
    }

    @Override
    public List<ComplaintEvent> recent(Predicate<ComplaintEvent> filter) {
        return fanOut.recent().stream().filter(filter).toList();
    }

    /** For tests: the connection, to drop it or read where it stands. */
    LiveConnection connection() {
        return connection;
    }

    private static FanOut.Screen screen(UI ui) {
        return command -> ui.access(command::run);
    }

    /** Registers with the fan-out while the owner is attached (now, if it already is), removes on detach. */
    private static Registration whileAttached(Component owner, Function<UI, Registration> register) {
        AtomicReference<Registration> current = new AtomicReference<>();
        Consumer<UI> attach = ui -> {
            Registration previous = current.getAndSet(register.apply(ui));
            if (previous != null) {
                previous.remove();
            }
        };
        Runnable detach = () -> {
            Registration previous = current.getAndSet(null);
            if (previous != null) {
                previous.remove();
            }
        };
        Registration onAttach = owner.addAttachListener(event -> attach.accept(event.getUI()));
        Registration onDetach = owner.addDetachListener(event -> detach.run());
        if (owner.isAttached()) {
            owner.getUI().ifPresent(attach);
        }
        return () -> {
            onAttach.remove();
            onDetach.remove();
            detach.run();
        };
    }

    /** Screens that follow live events now (metrics). */
    public int screens() {
        return fanOut.screens();
    }

    @Override
    public void start() {
        started = true;
        if (!properties.enabled()) {
            log.warn("No juare.backend.live.password (JUARE_DASHBOARD_PASSWORD): no live events; screens update when opened."
                    + " Set the same password as the backend's juare.staff.dashboard-password.");
            return;
        }
        connection.start();
    }

    /** Stops the connection only: a stopped context may start again (Spring's test contexts pause when idle). */
    @Override
    public void stop() {
        started = false;
        connection.stop();
    }

    @PreDestroy
    void shutDown() {
        connection.stop();
        timer.shutdownNow();
        handOff.shutdownNow();
    }

    @Override
    public boolean isRunning() {
        return started;
    }
}
