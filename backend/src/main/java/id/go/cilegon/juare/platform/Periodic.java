package id.go.cilegon.juare.platform;

import java.time.Duration;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A background run every so often (the clock job, the photo clean-up, the database gauges): runs never overlap, a
 * tick that comes while one runs is dropped, and a failed run is logged and retried at the next tick. The owner's
 * SmartLifecycle starts and stops it.
 */
public final class Periodic {

    private static final Logger log = LoggerFactory.getLogger(Periodic.class);

    private final String name;
    private volatile Disposable schedule;

    /** @param name what the run is, for the log line of a failure */
    public Periodic(String name) {
        this.name = name;
    }

    public void start(Duration first, Duration every, Supplier<Mono<?>> run) {
        schedule = Flux.interval(first, every)
                .onBackpressureDrop()
                .concatMap(tick -> run.get().onErrorResume(e -> {
                    log.warn("{} failed, the next run retries: {}", name, e.toString());
                    return Mono.empty();
                }))
                .subscribe();
    }

    public void stop() {
        Disposable current = schedule;
        if (current != null) {
            current.dispose();
        }
    }

    public boolean isRunning() {
        Disposable current = schedule;
        return current != null && !current.isDisposed();
    }
}
