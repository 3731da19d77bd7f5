package id.go.cilegon.juare.event;

import id.go.cilegon.juare.platform.ApiException;
import id.go.cilegon.juare.platform.ErrorCode;
import id.go.cilegon.juare.platform.WriteBacklog;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;
import java.util.function.Predicate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.util.concurrent.Queues;

/**
 * This instance's one hot stream of committed events, in id order, fed by the LISTEN connection. Subscribers
 * filter it by what their caller may see; {@link #resumable} first replays what a reconnecting subscriber missed.
 */
@Service
public class EventStream {

    /** This instance's own consumers ({@link #live}): handed each event at once, on the listener's thread. */
    private final Sinks.Many<StoredEvent> sink = Sinks.many().multicast().directBestEffort();
    /**
     * The subscriptions ({@link #resumable}), spread over one stream per handing thread: each thread hands an event to
     * its share of them, in id order, on a thread of its own rather than the listener's (an event loop shared with the
     * database), the threads at once (round 4 of the fan-out, ADR 0038: one thread handing one event to 10,000
     * subscriptions in turn was most of the time before the first frame). Each thread has {@value #SLICES_PER_THREAD}
     * streams and hands an event to them one after the other, waiting between them until the server's event loops
     * have written what the one before queued (round 5: the loops are never given more than a slice of frames).
     */
    @SuppressWarnings("unchecked")
    private final Sinks.Many<StoredEvent>[] partitions = new Sinks.Many[HANDING.length * SLICES_PER_THREAD];
    private final AtomicInteger nextPartition = new AtomicInteger();
    /** What must be done before the subscriptions are handed an event (e.g. its complaint read), or a done future. */
    private volatile Function<StoredEvent, CompletionStage<?>> preparation = event -> DONE;
    /** The last event handed on, or being prepared (the listener's thread only). */
    private CompletableFuture<?> tail = DONE;

    private static final CompletableFuture<Void> DONE = CompletableFuture.completedFuture(null);
    /** At 10,000 subscriptions on two cores: slices of ~625, a few milliseconds of writing each. */
    static final int SLICES_PER_THREAD = 8;
    private volatile WriteBacklog backlog = WriteBacklog.NONE;
    /** How long an event waits for its preparation before it is handed on without it. */
    private static final long PREPARATION_WAIT_MS = 2_000;

    /** The handing threads, shared by every instance in this JVM (tests make several): one per core. */
    private static final ExecutorService[] HANDING = handingThreads(Math.max(1, Runtime.getRuntime().availableProcessors()));

    private static ExecutorService[] handingThreads(int count) {
        ExecutorService[] threads = new ExecutorService[count];
        for (int i = 0; i < count; i++) {
            String name = "juare-events-" + (i + 1);
            threads[i] = Executors.newSingleThreadExecutor(task -> new HandingThread(task, name));
        }
        return threads;
    }

    private static final class HandingThread extends Thread {
        HandingThread(Runnable task, String name) {
            super(task, name);
            setDaemon(true);
        }
    }

    /** Whether this thread is one that hands events to subscriptions (not an event loop: it may do a delivery's work). */
    public static boolean isHandingThread() {
        return Thread.currentThread() instanceof HandingThread;
    }
    private final Sinks.One<Void> listening = Sinks.one();
    private volatile boolean listeningNow;
    private final int subscriberBuffer;
    private final int maxSubscriptions;
    /** Subscriptions of this instance now (live or replaying), against {@code maxSubscriptions}. */
    private final AtomicInteger subscriptions = new AtomicInteger();
    /** Subscriptions attached to the live stream whose start point is known ({@link #subscriberCount}). */
    private final AtomicInteger started = new AtomicInteger();

    private final EventLog eventLog;

    /** The server is stopping: every subscription ends with SERVER_STOPPING, so its client resumes elsewhere. */
    private volatile Sinks.One<Void> stopping = Sinks.one();

    public EventStream(EventLog eventLog, int subscriberBuffer) {
        this(eventLog, subscriberBuffer, Integer.MAX_VALUE);
    }

    /**
     * @param subscriberBuffer how many events may wait for one subscriber (a slow client, or one replaying) before
     *                         its subscription ends with SUBSCRIBER_TOO_SLOW; each waiting event is a reference to the
     *                         one instance every subscriber shares, so a lagging subscription costs a few bytes each
     * @param maxSubscriptions subscriptions this instance takes at once; more are refused with TOO_MANY_SUBSCRIPTIONS
     *                         (sized so that they fit the heap and HTTP keeps answering; another instance takes them)
     */
    @org.springframework.beans.factory.annotation.Autowired
    public EventStream(EventLog eventLog, @Value("${juare.events.subscriber-buffer:1000}") int subscriberBuffer,
                       @Value("${juare.events.max-subscriptions:10000}") int maxSubscriptions) {
        this.eventLog = eventLog;
        this.subscriberBuffer = subscriberBuffer;
        this.maxSubscriptions = maxSubscriptions;
        for (int i = 0; i < partitions.length; i++) {
            partitions[i] = Sinks.many().multicast().directBestEffort();
        }
    }

    /**
     * What is to be done with each event before the subscriptions get it (called on the listener's thread, after
     * {@link #live} consumers had it); events are handed on in id order, each once its own is done (or failed, or
     * after {@value #PREPARATION_WAIT_MS} ms).
     */
    public void prepareWith(Function<StoredEvent, CompletionStage<?>> preparation) {
        this.preparation = preparation;
    }

    /** What the handing threads wait for between slices (the HTTP server's event loops); none without a server. */
    @org.springframework.beans.factory.annotation.Autowired(required = false)
    public void paceBy(WriteBacklog backlog) {
        this.backlog = backlog;
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

    /**
     * How many subscribers have the live stream now: this instance's own consumers, and the subscriptions attached
     * whose start point is known. An event committed after that reaches them; one committed while a subscription
     * still reads its start point may be before it (tests wait for this count before they commit what a subscriber
     * must get).
     */
    public int subscriberCount() {
        return sink.currentSubscriberCount() + started.get();
    }

    /** Called by the listener only, from one thread, in id order. */
    public void publish(StoredEvent event) {
        sink.tryEmitNext(event);
        CompletableFuture<Object> ready = preparation.apply(event).toCompletableFuture()
                .handle((done, failure) -> null)
                .completeOnTimeout(null, PREPARATION_WAIT_MS, TimeUnit.MILLISECONDS);
        // after the one before (order), once ready; each handing thread takes it in the order given
        tail = tail.thenCompose(previous -> ready).thenRun(() -> {
            for (int i = 0; i < HANDING.length; i++) {
                int thread = i;
                HANDING[i].execute(() -> hand(event, thread));
            }
        });
    }

    /** One handing thread's part of an event: its slices in turn, each written before the next is handed. */
    private void hand(StoredEvent event, int thread) {
        for (int i = thread; i < partitions.length; i += HANDING.length) {
            Sinks.Many<StoredEvent> slice = partitions[i];
            if (slice.currentSubscriberCount() > 0) {
                slice.tryEmitNext(event);
                backlog.awaitWritten();
            }
        }
    }

    /** Waits until every event published so far has been handed to the subscriptions, and what that did is over (tests). */
    void awaitHanded() {
        tail.join();
        for (ExecutorService thread : HANDING) {
            try {
                thread.submit(() -> { }).get();
            } catch (InterruptedException | java.util.concurrent.ExecutionException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** Live events from now on, for this instance's own consumers (a subscriber that falls {@code subscriber-buffer}
     * events behind gets an overflow error). */
    public Flux<StoredEvent> live() {
        return sink.asFlux()
                .onBackpressureBuffer(subscriberBuffer);
    }

    /**
     * The events that {@code visible} accepts after a start point, live, each once, in id order. With {@code after}
     * the start point is that id, and the missed events come first from {@code replay} (events with an id greater
     * than its argument, oldest first). Without it, the start point is the newest event committed once this
     * subscription is attached to the live stream; each event carries it, so the client knows where it started.
     * <p>
     * Either way the live stream is attached first and the start point (and the replay) read after, so an event
     * committed after the start point reaches the subscriber live even if the replay does not hold it: ids are in
     * commit order and the listener publishes an event only after reading it committed. Live events up to the last
     * one replayed (or up to the start point) are dropped: no gap, no duplicate. The live events wait in a buffer of
     * {@code subscriber-buffer} while the replay runs or the client is slow; past that the subscription ends with an
     * error and can resume with the last id it saw.
     */
    public Flux<SubscribedEvent> resumable(Long after, Predicate<StoredEvent> visible, LongFunction<Flux<StoredEvent>> replay) {
        return Flux.defer(() -> {
            if (subscriptions.incrementAndGet() > maxSubscriptions) {
                subscriptions.decrementAndGet();
                return Flux.error(new ApiException(ErrorCode.TOO_MANY_SUBSCRIPTIONS, "event.too-many-subscriptions"));
            }
            return Flux.merge(subscription(after, visible, replay), stopping.asMono().then(Mono.error(EventStream::serverStopping)))
                    .doFinally(signal -> subscriptions.decrementAndGet());
        });
    }

    /** Subscriptions this instance holds now (for tests and metrics). */
    public int subscriptionCount() {
        return subscriptions.get();
    }

    /**
     * Ends every subscription now with a retryable error (code SERVER_STOPPING), rather than leaving clients on a
     * connection that graceful shutdown will cut: each resumes with {@code after} on another instance. Called when
     * this instance begins to stop, before the web server stops taking requests.
     */
    public void stopSubscriptions() {
        stopping.tryEmitEmpty();
    }

    /** Takes subscriptions again (a stopped application context that starts again, as test contexts do). */
    public void acceptSubscriptions() {
        stopping = Sinks.one();
    }

    private static ApiException serverStopping() {
        return new ApiException(ErrorCode.SERVER_STOPPING,
                "event.server-stopping");
    }

    private Flux<SubscribedEvent> subscription(Long after, Predicate<StoredEvent> visible, LongFunction<Flux<StoredEvent>> replay) {
        return Flux.defer(() -> {
            // a queue that grows as needed (a full-size array for each of many subscriptions would cost memory)
            // with the bound counted here
            Sinks.Many<StoredEvent> buffer = Sinks.many().unicast().onBackpressureBuffer(Queues.<StoredEvent>unbounded(64).get());
            AtomicInteger waiting = new AtomicInteger();
            // on overflow the live stream is let go at once: the subscription ends once the client took what waits
            Sinks.Many<StoredEvent> live = partitions[Math.floorMod(nextPartition.getAndIncrement(), partitions.length)];
            Disposable liveSubscription = live.asFlux().subscribeWith(new LiveSide(visible, waiting, buffer));
            AtomicBoolean counted = new AtomicBoolean();
            Mono<Long> start = (after != null ? Mono.just(after) : eventLog.lastId())
                    .doOnNext(startId -> {
                        if (counted.compareAndSet(false, true)) {
                            started.incrementAndGet();
                        }
                    });
            return start.flatMapMany(startId -> {
                        AtomicLong lastSeen = new AtomicLong(startId);
                        Flux<SubscribedEvent> missed = after == null ? Flux.empty() : replay.apply(startId)
                                .map(event -> {
                                    lastSeen.set(event.id());
                                    return new SubscribedEvent(startId, event);
                                });
                        // two operators per live delivery, fused with the buffer's queue (each is paid per subscriber
                        // per event: ADR 0038). Not handle: with context-propagation on the class path, Reactor's
                        // handle restores every registered ThreadLocal around each signal (a quarter of the handing
                        // threads' time in a fan-out; fanout.md, round 7)
                        Flux<SubscribedEvent> fresh = buffer.asFlux()
                                .filter(event -> {
                                    waiting.decrementAndGet();
                                    return event.id() > lastSeen.get();
                                })
                                .map(event -> new SubscribedEvent(startId, event));
                        return missed.concatWith(fresh);
                    })
                    .doFinally(signal -> {
                        liveSubscription.dispose();
                        if (counted.compareAndSet(true, false)) {
                            started.decrementAndGet();
                        }
                    });
        });
    }

    /**
     * A subscription's side of the live stream: the events it may see, into its buffer, the bound counted. No operator
     * between the stream and the buffer (a filter and a takeWhile were two per subscriber per event). On overflow the
     * live stream is let go at once and the subscription ends with SUBSCRIBER_TOO_SLOW once the client took what waits.
     */
    private final class LiveSide extends reactor.core.publisher.BaseSubscriber<StoredEvent> {

        private final Predicate<StoredEvent> visible;
        private final AtomicInteger waiting;
        private final Sinks.Many<StoredEvent> buffer;

        LiveSide(Predicate<StoredEvent> visible, AtomicInteger waiting, Sinks.Many<StoredEvent> buffer) {
            this.visible = visible;
            this.waiting = waiting;
            this.buffer = buffer;
        }

        @Override
        protected void hookOnNext(StoredEvent event) {
            if (visible.test(event)
                    && !(waiting.incrementAndGet() <= subscriberBuffer && buffer.tryEmitNext(event).isSuccess())) {
                cancel();
                buffer.tryEmitError(new ApiException(ErrorCode.SUBSCRIBER_TOO_SLOW, "event.subscriber-too-slow"));
            }
        }

        @Override
        protected void hookOnError(Throwable error) {
            buffer.tryEmitError(error);
        }

        @Override
        protected void hookOnComplete() {
            buffer.tryEmitError(new ApiException(ErrorCode.SUBSCRIBER_TOO_SLOW, "event.subscriber-too-slow"));
        }
    }
}
