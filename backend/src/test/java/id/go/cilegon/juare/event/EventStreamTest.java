package id.go.cilegon.juare.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import id.go.cilegon.juare.platform.ApiException;
import id.go.cilegon.juare.platform.ErrorCode;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/** EventStream.resumable without a database: where a subscription starts, replay against live, the buffer bound. */
class EventStreamTest {

    private static final Duration WAIT = Duration.ofSeconds(5);

    private final AtomicLong committed = new AtomicLong();

    /** A log whose newest committed id is whatever the test says. */
    private final EventLog log = new EventLog(null, null, null) {
        @Override
        public Mono<Long> lastId() {
            return Mono.fromSupplier(committed::get);
        }
    };

    private static StoredEvent event(long id) {
        return new StoredEvent(id, UUID.randomUUID(), EventType.INTERNAL_NOTE, ActorType.SYSTEM, null, Instant.EPOCH, "SUBMITTED",
                UUID.randomUUID(), null, "36.72.02", "JALAN", false, Map.of());
    }

    @Test
    void withoutAfterASubscriptionStartsAtTheNewestCommittedEventAndSaysSo() {
        EventStream stream = new EventStream(log, 100);
        committed.set(5);
        // 4 and 5 were committed before the subscription was set up but the listener publishes them only now
        StepVerifier.create(stream.resumable(null, e -> true, from -> Flux.error(new AssertionError("no replay without after"))))
                .then(() -> {
                    for (long id = 4; id <= 7; id++) {
                        stream.publish(event(id));
                    }
                })
                .assertNext(e -> assertThat(e).extracting(x -> x.event().id(), SubscribedEvent::subscribedAfter).containsExactly(6L, 5L))
                .assertNext(e -> assertThat(e).extracting(x -> x.event().id(), SubscribedEvent::subscribedAfter).containsExactly(7L, 5L))
                .thenCancel()
                .verify(WAIT);
        stream.awaitHanded(); // events are handed on on threads of their own (round 4): the cancel ran on one
        assertThat(stream.subscriberCount()).isZero();
    }

    /**
     * A subscription counts once its start point is read, not when it attaches: an event committed in between is
     * before its start, and a test that waited only for the attachment lost it (TwoInstancesTest, once, under load).
     */
    @Test
    void aSubscriptionCountsOnceItsStartPointIsKnown() {
        reactor.core.publisher.Sinks.One<Long> newest = reactor.core.publisher.Sinks.one();
        EventLog slowLog = new EventLog(null, null, null) {
            @Override
            public Mono<Long> lastId() {
                return newest.asMono();
            }
        };
        EventStream stream = new EventStream(slowLog, 100);
        StepVerifier.create(stream.resumable(null, e -> true, from -> Flux.error(new AssertionError("no replay without after"))))
                .then(() -> assertThat(stream.subscriberCount()).isZero())
                .then(() -> newest.tryEmitValue(8L))
                .then(() -> assertThat(stream.subscriberCount()).isEqualTo(1))
                .then(() -> stream.publish(event(9)))
                .assertNext(e -> assertThat(e).extracting(x -> x.event().id(), SubscribedEvent::subscribedAfter).containsExactly(9L, 8L))
                .thenCancel()
                .verify(WAIT);
        stream.awaitHanded();
        assertThat(stream.subscriberCount()).isZero();
    }

    @Test
    void withAfterTheReplayComesFirstAndLiveEventsItAlsoHoldsAreNotRepeated() {
        EventStream stream = new EventStream(log, 100);
        // while the replay is read, the listener publishes 4 to 6: 4 and 5 are in the replay too, 6 is not
        Flux<StoredEvent> replay = Flux.defer(() -> {
            for (long id = 4; id <= 6; id++) {
                stream.publish(event(id));
            }
            return Flux.just(event(3), event(4), event(5));
        });
        StepVerifier.create(stream.resumable(2L, e -> true, from -> {
                    assertThat(from).isEqualTo(2L);
                    return replay;
                }).map(e -> e.event().id() + "/" + e.subscribedAfter()))
                .expectNext("3/2", "4/2", "5/2", "6/2")
                .then(() -> stream.publish(event(7)))
                .expectNext("7/2")
                .thenCancel()
                .verify(WAIT);
    }

    @Test
    void aSubscriberThatFallsTooFarBehindIsEndedWithAResumableCodeInsteadOfGrowingTheHeap() {
        EventStream stream = new EventStream(log, 8);
        StepVerifier.create(stream.resumable(0L, e -> true, from -> Flux.empty()), 0)
                .then(() -> {
                    for (long id = 1; id <= 100; id++) {
                        stream.publish(event(id));
                    }
                    stream.awaitHanded(); // handed on (on a thread of its own) while the subscriber requests nothing
                })
                .thenRequest(Long.MAX_VALUE)
                .thenConsumeWhile(e -> true)
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOfSatisfying(ApiException.class,
                        api -> assertThat(api.code()).isEqualTo(ErrorCode.SUBSCRIBER_TOO_SLOW)))
                .verify(WAIT);
        stream.awaitHanded();
        assertThat(stream.subscriberCount()).isZero();
    }

    @Test
    void pastTheCapASubscriptionIsRefusedWithACodeAndAnEndedOneFreesItsPlace() {
        EventStream stream = new EventStream(log, 100, 2);
        committed.set(1);
        var first = stream.resumable(null, e -> true, from -> Flux.empty()).subscribe();
        var second = stream.resumable(null, e -> true, from -> Flux.empty()).subscribe();
        StepVerifier.create(stream.resumable(null, e -> true, from -> Flux.empty()))
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOfSatisfying(ApiException.class,
                        api -> assertThat(api.code()).isEqualTo(ErrorCode.TOO_MANY_SUBSCRIPTIONS)))
                .verify(WAIT);
        assertThat(stream.subscriptionCount()).isEqualTo(2);
        first.dispose();
        StepVerifier.create(stream.resumable(null, e -> true, from -> Flux.empty()))
                .then(() -> stream.publish(event(2)))
                .assertNext(e -> assertThat(e.event().id()).isEqualTo(2L))
                .thenCancel()
                .verify(WAIT);
        second.dispose();
        assertThat(stream.subscriptionCount()).isZero();
    }

    @Test
    void whenTheServerStopsEverySubscriptionEndsWithARetryableCodeAndLaterOnesAreTakenAgainAfterAStart() {
        EventStream stream = new EventStream(log, 100);
        committed.set(1);
        StepVerifier.create(stream.resumable(null, e -> true, from -> Flux.empty()))
                .then(() -> stream.publish(event(2)))
                .assertNext(e -> assertThat(e.event().id()).isEqualTo(2L))
                .then(stream::stopSubscriptions)
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOfSatisfying(id.go.cilegon.juare.platform.ApiException.class,
                        api -> assertThat(api.code()).isEqualTo(id.go.cilegon.juare.platform.ErrorCode.SERVER_STOPPING)))
                .verify(WAIT);
        stream.awaitHanded();
        assertThat(stream.subscriberCount()).isZero();
        stream.acceptSubscriptions();
        committed.set(2);
        StepVerifier.create(stream.resumable(null, e -> true, from -> Flux.empty()))
                .then(() -> stream.publish(event(3)))
                .assertNext(e -> assertThat(e.event().id()).isEqualTo(3L))
                .thenCancel()
                .verify(WAIT);
    }

    /**
     * Round 5 (ADR 0038): a handing thread hands an event to its slices one after the other and waits for what each
     * queued to be written before the next, so the server's event loops never hold more than a slice of frames.
     */
    @Test
    void eachHandingThreadWaitsForOneSliceToBeWrittenBeforeItHandsTheNext() {
        EventStream stream = new EventStream(log, 100);
        Map<String, java.util.concurrent.atomic.AtomicInteger> delivered = new java.util.concurrent.ConcurrentHashMap<>();
        Map<String, java.util.List<Integer>> seenAtEachWait = new java.util.concurrent.ConcurrentHashMap<>();
        stream.paceBy(() -> {
            String thread = Thread.currentThread().getName();
            seenAtEachWait.computeIfAbsent(thread, t -> new java.util.concurrent.CopyOnWriteArrayList<>())
                    .add(delivered.getOrDefault(thread, new java.util.concurrent.atomic.AtomicInteger()).get());
        });
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        int slices = threads * EventStream.SLICES_PER_THREAD;
        int perSlice = 4;
        committed.set(1);
        java.util.List<reactor.core.Disposable> subscribers = new java.util.ArrayList<>();
        for (int i = 0; i < slices * perSlice; i++) {
            subscribers.add(stream.resumable(null, e -> true, from -> Flux.empty()).subscribe(e -> delivered
                    .computeIfAbsent(Thread.currentThread().getName(), t -> new java.util.concurrent.atomic.AtomicInteger())
                    .incrementAndGet()));
        }
        assertThat(stream.subscriberCount()).isEqualTo(slices * perSlice);
        stream.publish(event(2));
        stream.awaitHanded();
        subscribers.forEach(reactor.core.Disposable::dispose);
        assertThat(seenAtEachWait).hasSize(threads);
        // every wait comes after one more whole slice was delivered, never after two
        java.util.List<Integer> expected = java.util.stream.IntStream.rangeClosed(1, EventStream.SLICES_PER_THREAD)
                .mapToObj(k -> k * perSlice).toList();
        seenAtEachWait.values().forEach(counts -> assertThat(counts).isEqualTo(expected));
        assertThat(delivered.values().stream().mapToInt(java.util.concurrent.atomic.AtomicInteger::get).sum())
                .isEqualTo(slices * perSlice);
    }
}
