package id.go.cilegon.juare.ranking.internal;

import id.go.cilegon.juare.event.EventStream;
import id.go.cilegon.juare.event.EventType;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The ranking, live: computed at once, then again after events that can change it, at most once per throttle
 * interval however busy the city is, and sent only when a figure or the order changed. Events from every instance
 * arrive through the event module's stream (LISTEN/NOTIFY), so any instance can serve the subscription.
 * <p>
 * Subscribers of the same period share one computation: a wall of screens showing today's ranking costs one query
 * per change, not one per screen. The shared stream replays the latest ranking to a newcomer and stops when its last
 * subscriber leaves.
 */
@Component
class LiveRanking {

    /** Everything but submissions and internal notes moves some figure (overdue marks move "overdue now"). */
    static final Set<EventType> MOVES_FIGURES = EnumSet.complementOf(EnumSet.of(EventType.SUBMITTED, EventType.INTERNAL_NOTE,
            EventType.REJECTED, EventType.MARKED_DUPLICATE));

    private static final Object CHANGE = new Object();

    private final EventStream stream;
    private final RankingService service;
    private final Clock clock;
    private final Map<Period.Input, Flux<Ranking>> shared = new ConcurrentHashMap<>();
    /** Rankings computed for subscribers, for tests and metrics. */
    private final AtomicLong computations = new AtomicLong();

    LiveRanking(EventStream stream, RankingService service, Clock clock) {
        this.stream = stream;
        this.service = service;
        this.clock = clock;
    }

    Flux<Ranking> rankings(Period.Input input) {
        return shared.computeIfAbsent(input, this::share);
    }

    long computations() {
        return computations.get();
    }

    private Flux<Ranking> share(Period.Input input) {
        AtomicReference<Flux<Ranking>> self = new AtomicReference<>();
        Flux<Ranking> flux = computed(input)
                // the next subscriber after the last one left starts afresh
                .doFinally(signal -> shared.remove(input, self.get()))
                .replay(1)
                .refCount();
        self.set(flux);
        return flux;
    }

    private Flux<Ranking> computed(Period.Input input) {
        Flux<Object> changes = stream.live()
                .filter(event -> MOVES_FIGURES.contains(event.type()))
                .map(event -> CHANGE)
                .sample(service.properties().liveThrottle());
        // the live stream is subscribed before the first ranking is read, so no change falls between them
        return Flux.merge(changes, Mono.just(CHANGE))
                .onBackpressureLatest()
                .concatMap(change -> current(input), 1)
                .distinctUntilChanged(Function.identity(), (previous, next) -> previous.sameAs(next));
    }

    /** Relative periods (today, the last 7 days) move on with the clock. */
    private Mono<Ranking> current(Period.Input input) {
        Instant now = clock.instant();
        computations.incrementAndGet();
        return service.ranking(Period.of(input, now), now);
    }
}
