package id.go.cilegon.juare.platform;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A background run every so often (the clock job, the photo clean-up, the database gauges, the summaries' folds),
 * started and stopped with the application: runs never overlap, a tick that comes while one runs is dropped, and a
 * failed run is logged and retried at the next tick.
 */
public abstract class Periodic implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(Periodic.class);

    private final String name;
    private volatile Disposable schedule;

    /** @param name what the run is, for the log line of a failure */
    protected Periodic(String name) {
        this.name = name;
    }

    /** How often it runs; null when it is switched off in the settings. */
    protected abstract Duration every();

    /** When the first run comes after the start: one interval, unless the job says otherwise. */
    protected Duration firstRun() {
        return every();
    }

    /** One run. */
    protected abstract Mono<?> runScheduled();

    @Override
    public final void start() {
        Duration every = every();
        if (every == null) {
            return;
        }
        schedule = Flux.interval(firstRun(), every)
                .onBackpressureDrop()
                .concatMap(tick -> runScheduled().onErrorResume(e -> {
                    log.warn("{} failed, the next run retries: {}", name, e.toString());
                    return Mono.empty();
                }))
                .subscribe();
    }

    @Override
    public final void stop() {
        Disposable current = schedule;
        if (current != null) {
            current.dispose();
        }
    }

    @Override
    public final boolean isRunning() {
        Disposable current = schedule;
        return current != null && !current.isDisposed();
    }
}
