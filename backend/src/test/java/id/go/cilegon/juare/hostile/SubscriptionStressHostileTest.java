package id.go.cilegon.juare.hostile;

import static id.go.cilegon.juare.support.Api.operation;
import static org.assertj.core.api.Assertions.assertThat;

import id.go.cilegon.juare.event.ActorType;
import id.go.cilegon.juare.event.EventLog;
import id.go.cilegon.juare.event.EventType;
import id.go.cilegon.juare.event.NewEvent;
import id.go.cilegon.juare.event.EventStream;
import id.go.cilegon.juare.support.Api;
import id.go.cilegon.juare.support.IntegrationTest;
import id.go.cilegon.juare.support.Live;
import id.go.cilegon.juare.support.Staff;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.WebSocketGraphQlTester;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;

/**
 * Fresh subscriptions while events are appended without pause (submissions, dispatches, notes by several writers),
 * over the real graphql-ws, now and then with the backend's LISTEN connection killed under them. Each subscription
 * records what it receives and is then checked against the log: every event it may see after its start point, up
 * to the last one it received, exactly once and in id order. The start point is {@code after} when given, and
 * otherwise the {@code subscribedAfter} the subscription states with its events.
 */
@Tag("hostile")
class SubscriptionStressHostileTest extends IntegrationTest {

    /** How long fresh subscriptions are opened for (at most, see MAX_EVENTS); writers run until the last one is done. */
    private static final Duration RUN = Duration.ofSeconds(Long.getLong("juare.hostile.events.seconds", 15));
    private static final int SUBSCRIBER_LOOPS = 4;
    private static final int RESIDENT_WRITERS = 3;
    private static final int DIRECT_APPENDERS = 3;
    private static final int MAX_EVENTS = 5_000;
    private static final Duration WAIT = Duration.ofSeconds(20);

    @Autowired
    EventStream stream;

    @Autowired
    EventLog eventLog;

    @Autowired
    TransactionalOperator tx;

    enum Mode {
        OPERATOR_FRESH, OPERATOR_AFTER, RESIDENT_FRESH, RESIDENT_AFTER, OPERATOR_HEAVY_AFTER, OPERATOR_HEAVY_FRESH;

        boolean fresh() {
            return this == OPERATOR_FRESH || this == RESIDENT_FRESH || this == OPERATOR_HEAVY_FRESH;
        }

        /** Asks for fields that resolve later (each its own query), so events could overtake one another. */
        boolean heavy() {
            return this == OPERATOR_HEAVY_AFTER || this == OPERATOR_HEAVY_FRESH;
        }

        boolean resident() {
            return this == RESIDENT_FRESH || this == RESIDENT_AFTER;
        }
    }

    /** One subscription: how it was opened, what the log held when it was asked for, and what it received. */
    record Opened(Mode mode, String residentId, Long after, long lastIdBeforeSubscribe, Set<Long> stated, List<Long> received,
                  long timedOutAt) {

        /** The start point the subscription stated with every event it sent (all the same), or -1. */
        long statedStart() {
            return stated.size() == 1 ? stated.iterator().next() : -1;
        }
    }

    private record Event(long id, String residentId, boolean visibleToResident) {
    }

    @Test
    void freshSubscriptionsWhileEventsAreAppendedGetEveryEventAfterTheirStartOnceInOrder() throws Exception {
        stream.listening().block(WAIT);
        Staff staff = new Staff(api());
        Staff.Member operator = staff.operator();
        List<Api.Resident> residents = new ArrayList<>();
        for (int i = 0; i < RESIDENT_WRITERS; i++) {
            residents.add(api().newResident());
        }
        long firstId = eventLog.lastId().block(WAIT);

        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger writeFailures = new AtomicInteger();
        AtomicInteger listenerKills = new AtomicInteger();
        LinkedBlockingQueue<String> submitted = new LinkedBlockingQueue<>();
        List<String> dispatched = new CopyOnWriteArrayList<>();
        ConcurrentLinkedQueue<Opened> opened = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Throwable> subscriberErrors = new ConcurrentLinkedQueue<>();

        try (ExecutorService writers = Executors.newVirtualThreadPerTaskExecutor();
             ExecutorService subscribers = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> writing = new ArrayList<>();
            List<UUID[]> filed = new CopyOnWriteArrayList<>();
            for (Api.Resident resident : residents) {
                writing.add(writers.submit(() -> keepWriting(stop, firstId, writeFailures, () -> {
                    String id = Live.submitComplaint(api(), resident.token());
                    submitted.add(id);
                    filed.add(new UUID[] {UUID.fromString(id), UUID.fromString(resident.id())});
                })));
            }
            // appenders in the backend itself, many small transactions at once, so commits crowd one another
            for (int i = 0; i < DIRECT_APPENDERS; i++) {
                writing.add(writers.submit(() -> keepWriting(stop, firstId, writeFailures, () -> {
                    if (filed.isEmpty()) {
                        Thread.sleep(50);
                        return;
                    }
                    UUID[] complaint = filed.get(ThreadLocalRandom.current().nextInt(filed.size()));
                    boolean visible = ThreadLocalRandom.current().nextBoolean();
                    eventLog.append(new NewEvent(complaint[0], EventType.INTERNAL_NOTE, ActorType.SYSTEM, null, "SUBMITTED",
                                    complaint[1], null, "36.72.02", "JALAN", visible, Map.of("message", "uji beban")))
                            .as(tx::transactional)
                            .block(WAIT);
                    Thread.sleep(ThreadLocalRandom.current().nextInt(5));
                })));
            }
            GraphQlTester asOperator = api().as(operator.token());
            writing.add(writers.submit(() -> keepWriting(stop, firstId, writeFailures, () -> {
                String id = submitted.poll(100, TimeUnit.MILLISECONDS);
                if (id != null) {
                    operation(asOperator, "Dispatch")
                            .variable("input", Map.of("complaintId", id, "opdCode", dispatched.size() % 2 == 0 ? "DLH" : "DISHUB"))
                            .execute().path("dispatch.errors").entityList(Object.class).hasSize(0);
                    dispatched.add(id);
                }
            })));
            writing.add(writers.submit(() -> keepWriting(stop, firstId, writeFailures, () -> {
                if (dispatched.isEmpty()) {
                    Thread.sleep(50);
                    return;
                }
                String id = dispatched.get(ThreadLocalRandom.current().nextInt(dispatched.size()));
                operation(asOperator, "AddInternalNote")
                        .variable("input", Map.of("complaintId", id, "note", "Catatan uji beban"))
                        .execute().path("addInternalNote.errors").entityList(Object.class).hasSize(0);
            })));
            // the backend's LISTEN connection dies every few seconds: subscribers must not notice
            writing.add(writers.submit(() -> keepWriting(stop, firstId, writeFailures, () -> {
                Thread.sleep(4_000);
                db.sql("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query = 'LISTEN juare_events'")
                        .then().block(WAIT);
                listenerKills.incrementAndGet();
            })));

            long until = System.nanoTime() + RUN.toNanos();
            List<Future<?>> subscribing = new ArrayList<>();
            for (int loop = 0; loop < SUBSCRIBER_LOOPS; loop++) {
                int first = loop;
                subscribing.add(subscribers.submit(() -> {
                    int n = first;
                    // bounded by time and by the log's growth; writers go on until the last subscription is done
                    while (System.nanoTime() < until && subscriberErrors.size() < 5
                            && eventLog.lastId().block(WAIT) - firstId < MAX_EVENTS) {
                        Mode mode = Mode.values()[n++ % Mode.values().length];
                        Api.Resident resident = residents.get(n % residents.size());
                        try {
                            opened.add(openAndRecord(mode, mode.resident() ? resident : null, operator));
                        } catch (Throwable e) {
                            subscriberErrors.add(e);
                        }
                    }
                }));
            }
            for (Future<?> f : subscribing) {
                f.get(RUN.plus(Duration.ofSeconds(60)).toSeconds(), TimeUnit.SECONDS);
            }
            stop.set(true);
            for (Future<?> f : writing) {
                f.get(60, TimeUnit.SECONDS);
            }
        }
        long lastId = eventLog.lastId().block(WAIT);
        assertThat(subscriberErrors).as("subscriptions that failed to run").isEmpty();

        List<Event> log = db.sql("SELECT id, resident_id, visible_to_resident FROM complaint_event WHERE id > :first ORDER BY id")
                .bind("first", firstId - 100)
                .map(row -> new Event(row.get(0, Long.class), String.valueOf(row.get(1, UUID.class)),
                        Boolean.TRUE.equals(row.get(2, Boolean.class))))
                .all().collectList().block(WAIT);

        int expected = 0;
        int received = 0;
        int missed = 0;
        int duplicated = 0;
        int outOfOrder = 0;
        int unexpected = 0;
        int timedOut = 0;
        int missedBeforeFirst = 0;
        int wrongStart = 0;
        List<String> failures = new ArrayList<>();
        for (Opened o : opened) {
            long start = o.mode().fresh() ? o.statedStart() : o.after();
            // a subscription states one start point: the after it was given, or one not before the client asked
            boolean startWrong = o.stated().size() > 1 || (!o.received().isEmpty()
                    && (o.mode().fresh() ? start < o.lastIdBeforeSubscribe() : start != o.after()));
            long last = o.timedOutAt() > 0 ? o.timedOutAt() : o.received().stream().mapToLong(Long::longValue).max().orElse(start);
            List<Long> entitled = log.stream()
                    .filter(e -> e.id() > start && e.id() <= last)
                    .filter(e -> !o.mode().resident() || (e.visibleToResident() && e.residentId().equals(o.residentId())))
                    .map(Event::id)
                    .toList();
            Set<Long> got = new HashSet<>(o.received());
            List<Long> notReceived = entitled.stream().filter(id -> !got.contains(id)).toList();
            long firstReceived = o.received().isEmpty() ? Long.MAX_VALUE : o.received().getFirst();
            int dup = o.received().size() - got.size();
            int disorder = 0;
            for (int i = 1; i < o.received().size(); i++) {
                if (o.received().get(i) <= o.received().get(i - 1)) {
                    disorder++;
                }
            }
            int extra = (int) o.received().stream().filter(id -> !entitled.contains(id)).distinct().count();
            expected += entitled.size();
            received += o.received().size();
            missed += notReceived.size();
            missedBeforeFirst += (int) notReceived.stream().filter(id -> id < firstReceived).count();
            duplicated += dup;
            outOfOrder += disorder;
            unexpected += extra;
            timedOut += o.timedOutAt() > 0 ? 1 : 0;
            wrongStart += startWrong ? 1 : 0;
            if (!notReceived.isEmpty() || dup > 0 || disorder > 0 || extra > 0 || o.timedOutAt() > 0 || startWrong) {
                failures.add(o.mode() + " start " + start + " (asked after " + o.after() + ", log at " + o.lastIdBeforeSubscribe()
                        + ", stated " + o.stated() + ") missed " + notReceived + " received " + o.received()
                        + (o.timedOutAt() > 0 ? " timed out waiting past " + o.timedOutAt() : ""));
            }
        }
        long fresh = opened.stream().filter(o -> o.mode().fresh()).count();
        System.out.printf("HOSTILE events: %d subscriptions opened (%d without after, %d with), %d events appended, "
                        + "%d LISTEN kills, %d write failures; events expected %d, received %d, missed %d (%d before the first received), "
                        + "duplicated %d, out of order %d, unexpected %d, timed out %d, wrong start point %d%n",
                opened.size(), fresh, opened.size() - fresh, lastId - firstId, listenerKills.get(), writeFailures.get(),
                expected, received, missed, missedBeforeFirst, duplicated, outOfOrder, unexpected, timedOut, wrongStart);
        failures.stream().limit(10).forEach(f -> System.out.println("HOSTILE events failure: " + f));

        assertThat(opened.size()).as("subscriptions opened").isGreaterThanOrEqualTo(12);
        assertThat(lastId - firstId).as("events appended").isGreaterThanOrEqualTo(30);
        assertThat(failures).as("subscriptions that missed, repeated, reordered or over-delivered events").isEmpty();
    }

    /** Opens one subscription, lets it run a moment while the writers go on, and records what it received. */
    private Opened openAndRecord(Mode mode, Api.Resident resident, Staff.Member operator) throws Exception {
        WebSocketGraphQlTester ws = api().webSocket(mode.resident() ? resident.token() : operator.token());
        try {
            long logAt = eventLog.lastId().block(WAIT);
            Long after = mode.fresh() ? null : Math.max(0, logAt - ThreadLocalRandom.current().nextInt(40));
            String afterArg = after == null ? null : Long.toString(after);
            @SuppressWarnings("rawtypes")
            Flux<Map> events = mode.resident() ? Live.myComplaintEvents(ws, afterArg)
                    : mode.heavy() ? heavyStaffEvents(ws, afterArg)
                    : staffEvents(ws, afterArg);
            AtomicLong target = new AtomicLong(Long.MAX_VALUE);
            List<Long> received = Collections.synchronizedList(new ArrayList<>());
            Set<Long> stated = java.util.concurrent.ConcurrentHashMap.newKeySet();
            CompletableFuture<Void> done = events
                    .doOnNext(e -> {
                        received.add(Long.parseLong((String) e.get("id")));
                        stated.add(Long.parseLong((String) e.get("subscribedAfter")));
                    })
                    .takeUntil(e -> Long.parseLong((String) e.get("id")) > target.get())
                    .then()
                    .toFuture();
            Thread.sleep(ThreadLocalRandom.current().nextLong(100, 700));
            long until = eventLog.lastId().block(WAIT);
            target.set(until);
            long timedOutAt = 0;
            try {
                done.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.TimeoutException e) {
                done.cancel(true);
                timedOutAt = until;
            }
            return new Opened(mode, resident == null ? null : resident.id(), after, logAt,
                    Set.copyOf(stated), List.copyOf(received), timedOutAt);
        } finally {
            ws.stop().block(WAIT);
        }
    }

    @SuppressWarnings("rawtypes")
    private static Flux<Map> staffEvents(WebSocketGraphQlTester ws, String after) {
        var request = operation(ws, "ComplaintEvents");
        if (after != null) {
            request = request.variable("after", after);
        }
        return request.executeSubscription().toFlux("complaintEvents", Map.class);
    }

    /** A hostile client's own selection: the complaint's photos, timeline, category and OPD, each resolved apart. */
    @SuppressWarnings("rawtypes")
    private static Flux<Map> heavyStaffEvents(WebSocketGraphQlTester ws, String after) {
        var request = ws.document("""
                subscription Heavy($after: ID) {
                    complaintEvents(after: $after) {
                        id subscribedAfter
                        complaint { category { nameId } opd { name } kecamatan { name } photos { id } timeline { id } }
                    }
                }""");
        if (after != null) {
            request = request.variable("after", after);
        }
        return request.executeSubscription().toFlux("complaintEvents", Map.class);
    }

    interface Step {
        void run() throws Exception;
    }

    /** Repeats a write until told to stop; counts failures without stopping. */
    private void keepWriting(AtomicBoolean stop, long firstId, AtomicInteger failures, Step step) {
        while (!stop.get()) {
            try {
                step.run();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Throwable e) {
                failures.incrementAndGet();
            }
        }
    }
}
