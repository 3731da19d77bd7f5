package id.go.cilegon.juare.platform;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Gauges whose values come from the database. A Prometheus scrape must not wait on a query (nor block an event
 * loop), so every registered reading runs every {@code juare.metrics.refresh-every} and the gauges show the last
 * result. Every replica reports the same city-wide figures: aggregate them with max, not sum.
 */
@Component
public class DatabaseGauges extends Periodic {

    private static final Logger log = LoggerFactory.getLogger(DatabaseGauges.class);

    private final MeterRegistry registry;
    private final Duration refreshEvery;
    private final List<Supplier<Mono<Void>>> readings = new CopyOnWriteArrayList<>();

    public DatabaseGauges(MeterRegistry registry, @Value("${juare.metrics.refresh-every:60s}") Duration refreshEvery) {
        super("Reading the database gauges");
        this.registry = registry;
        this.refreshEvery = refreshEvery;
    }

    /** One gauge, NaN until its first reading. */
    public void gauge(String name, String description, Supplier<Mono<? extends Number>> read) {
        AtomicReference<Double> value = new AtomicReference<>(Double.NaN);
        Gauge.builder(name, value, AtomicReference::get).description(description).register(registry);
        readings.add(() -> read.get().doOnNext(n -> value.set(n.doubleValue())).then());
    }

    /** A family of gauges by tags, filled by a reading given to {@link #onRefresh}. */
    public Family family(String name, String description) {
        return new Family(MultiGauge.builder(name).description(description).register(registry));
    }

    /** A reading that runs at every refresh (one query may fill several families). */
    public void onRefresh(Supplier<Mono<Void>> reading) {
        readings.add(reading);
    }

    /** Gauges by tags; each {@link #set} replaces the whole family, so rows that vanished go away. */
    public record Family(MultiGauge gauge) {
        public void set(Map<Tags, ? extends Number> rows) {
            gauge.register(rows.entrySet().stream().map(row -> MultiGauge.Row.of(row.getKey(), row.getValue())).toList(), true);
        }
    }

    /** Reads every gauge once now (also what the schedule does). */
    public Mono<Void> refresh() {
        return Flux.fromIterable(readings)
                .concatMap(reading -> reading.get().onErrorResume(e -> {
                    log.warn("Reading a gauge failed, keeping its last value: {}", e.toString());
                    return Mono.empty();
                }))
                .then();
    }

    @Override
    protected Duration every() {
        return refreshEvery;
    }

    @Override
    protected Duration firstRun() {
        return Duration.ZERO;
    }

    @Override
    protected Mono<?> runScheduled() {
        return refresh();
    }
}
