package id.go.cilegon.juare.event;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;
import java.util.function.Predicate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * This instance's one hot stream of committed events, in id order, fed by the LISTEN connection. Subscribers
 * filter it by what their caller may see; {@link #resumable} first replays what a reconnecting subscriber missed.
 */
@Service
public class EventStream {

    private final Sinks.Many<StoredEvent> sink = Sinks.many().multicast().directBestEffort();
    private final Sinks.One<Void> listening = Sinks.one();
    private volatile boolean listeningNow;
    private final int subscriberBuffer;

    public EventStream(@Value("${juare.events.subscriber-buffer:10000}") int subscriberBuffer) {
        this.subscriberBuffer = subscriberBuffer;
    }

    /** Completes once this instance's LISTEN connection is in place for the first time. */
    public Mono<Void> listening() {
        return listening.asMono();
    }

    /** Called by the listener when its LISTEN is in place. */
    public void markListening() {
        listeningNow = true;
        listening.tryEmitEmpty();
    }

    /** Called by the listener when its LISTEN connection is lost (it reconnects). */
    public void markNotListening() {
        listeningNow = false;
    }

    /** Whether this instance's LISTEN connection is up now (readiness). */
    public boolean isListening() {
        return listeningNow;
    }

    /** How many subscribers the live stream has now (for tests and metrics). */
    public int subscriberCount() {
        return sink.currentSubscriberCount();
    }

    /** Called by the listener only, from one thread, in id order. */
    public void publish(StoredEvent event) {
        sink.tryEmitNext(event);
    }

    /** Live events from now on. A subscriber that falls {@code subscriber-buffer} events behind gets an error and
     * can resume with the last id it saw. */
    public Flux<StoredEvent> live() {
        return sink.asFlux()
                .onBackpressureBuffer(subscriberBuffer);
    }

    /**
     * Live events that {@code visible} accepts; with {@code after}, first the missed ones from {@code replay}
     * (events with id greater than after, oldest first). The live stream is subscribed before the replay is read
     * and its events are passed on only past the last replayed id, so there is no gap and no duplicate.
     */
    public Flux<StoredEvent> resumable(Long after, Predicate<StoredEvent> visible, LongFunction<Flux<StoredEvent>> replay) {
        if (after == null) {
            return live().filter(visible);
        }
        return Flux.defer(() -> replayThenLive(after, visible, replay));
    }

    private Flux<StoredEvent> replayThenLive(long after, Predicate<StoredEvent> visible, LongFunction<Flux<StoredEvent>> replay) {
        Sinks.Many<StoredEvent> buffer = Sinks.many().unicast().onBackpressureBuffer();
        Disposable liveSubscription = live()
                .filter(visible)
                .subscribe(buffer::tryEmitNext, buffer::tryEmitError);
        AtomicLong lastSeen = new AtomicLong(after);
        Flux<StoredEvent> missed = replay.apply(after)
                .doOnNext(event -> lastSeen.set(event.id()));
        Flux<StoredEvent> fresh = buffer.asFlux()
                .filter(event -> event.id() > lastSeen.get());
        return missed
                .concatWith(fresh)
                .doFinally(signal -> liveSubscription.dispose());
    }
}
