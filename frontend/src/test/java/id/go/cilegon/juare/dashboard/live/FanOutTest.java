package id.go.cilegon.juare.dashboard.live;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.shared.Registration;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import org.junit.jupiter.api.Test;

/**
 * The fan-out without a backend or a browser: a hand-turned clock and timer, screens that run their commands at
 * once or only when told to.
 */
class FanOutTest {

    private static final Duration COALESCE = Duration.ofMillis(300);

    private final ManualTime time = new ManualTime();
    private final FanOut fanOut = new FanOut(time, Runnable::run, time, COALESCE, 5, 3, LiveState.OFFLINE);

    private static ComplaintEvent event(long id, String opd) {
        return new ComplaintEvent(Long.toString(id), "DISPATCHED", "DISPATCHED", Instant.parse("2026-05-07T07:00:00Z"), "STAFF",
                null, "c-" + id, "JRE-" + id, opd, "36.72.01", "JALAN", -6.0, 106.0);
    }

    private static List<String> ids(List<List<ComplaintEvent>> batches) {
        return batches.stream().map(batch -> String.join(",", batch.stream().map(ComplaintEvent::id).toList())).toList();
    }

    @Test
    void eventsCloseTogetherReachAScreenAsOneBatchInOrderAndFiltered() {
        List<List<ComplaintEvent>> dlh = new ArrayList<>();
        List<List<ComplaintEvent>> all = new ArrayList<>();
        fanOut.add(Runnable::run, e -> "DLH".equals(e.opdCode()), Duration.ZERO, dlh::add);
        fanOut.add(Runnable::run, e -> true, Duration.ZERO, all::add);

        fanOut.publish(event(1, "DLH"));
        time.advance(Duration.ofMillis(100));
        fanOut.publish(event(2, "DPUPR"));
        fanOut.publish(event(3, "DLH"));
        // the publishing thread only files the events
        assertThat(all).isEmpty();

        time.advance(Duration.ofMillis(200));
        assertThat(ids(dlh)).containsExactly("1,3");
        assertThat(ids(all)).containsExactly("1,2,3");

        // a later burst is a batch of its own
        fanOut.publish(event(4, "DLH"));
        time.advance(COALESCE);
        assertThat(ids(dlh)).containsExactly("1,3", "4");
        assertThat(ids(all)).containsExactly("1,2,3", "4");
    }

    @Test
    void aThrottledScreenGetsAtMostOneBatchPerInterval() {
        List<List<ComplaintEvent>> batches = new ArrayList<>();
        fanOut.add(Runnable::run, e -> true, Duration.ofSeconds(2), batches::add);

        fanOut.publish(event(1, "DLH"));
        time.advance(COALESCE);
        assertThat(ids(batches)).containsExactly("1");

        fanOut.publish(event(2, "DLH"));
        time.advance(Duration.ofSeconds(1));
        fanOut.publish(event(3, "DLH"));
        time.advance(Duration.ofMillis(999));
        assertThat(batches).hasSize(1);
        // two seconds after the first batch was delivered
        time.advance(Duration.ofMillis(1));
        assertThat(ids(batches)).containsExactly("1", "2,3");
    }

    @Test
    void aSlowScreenGetsOneLargerBatchAndHoldsUpNobody() {
        QueuedScreen slow = new QueuedScreen();
        List<List<ComplaintEvent>> slowBatches = new ArrayList<>();
        List<List<ComplaintEvent>> quickBatches = new ArrayList<>();
        fanOut.add(slow, e -> true, Duration.ZERO, slowBatches::add);
        fanOut.add(Runnable::run, e -> true, Duration.ZERO, quickBatches::add);

        fanOut.publish(event(1, "DLH"));
        time.advance(COALESCE);
        assertThat(ids(quickBatches)).containsExactly("1");
        assertThat(slowBatches).isEmpty();
        assertThat(slow.waiting).hasSize(1);

        // more events while the slow screen has not got round to it: no second delivery queued, they join the first
        fanOut.publish(event(2, "DLH"));
        fanOut.publish(event(3, "DLH"));
        time.advance(COALESCE);
        assertThat(ids(quickBatches)).containsExactly("1", "2,3");
        assertThat(slow.waiting).hasSize(1);

        slow.runAll();
        assertThat(ids(slowBatches)).containsExactly("1,2,3");
    }

    @Test
    void aScreenThatFallsFarBehindLosesTheOldestEventsOnly() {
        QueuedScreen stuck = new QueuedScreen();
        List<List<ComplaintEvent>> batches = new ArrayList<>();
        fanOut.add(stuck, e -> true, Duration.ZERO, batches::add);
        for (long id = 1; id <= 8; id++) {
            fanOut.publish(event(id, "DLH"));
        }
        time.advance(COALESCE);
        stuck.runAll();
        assertThat(ids(batches)).containsExactly("4,5,6,7,8");
    }

    @Test
    void aRemovedOrClosedScreenGetsNothingMore() {
        List<List<ComplaintEvent>> batches = new ArrayList<>();
        Registration registration = fanOut.add(Runnable::run, e -> true, Duration.ZERO, batches::add);
        fanOut.add(command -> {
            throw new IllegalStateException("UI detached");
        }, e -> true, Duration.ZERO, batch -> {
            throw new AssertionError("a closed screen got events");
        });
        assertThat(fanOut.screens()).isEqualTo(2);

        fanOut.publish(event(1, "DLH"));
        time.advance(COALESCE);
        assertThat(fanOut.screens()).isEqualTo(1);

        fanOut.publish(event(2, "DLH"));
        registration.remove();
        time.advance(COALESCE);
        assertThat(ids(batches)).containsExactly("1");
        assertThat(fanOut.screens()).isZero();
    }

    @Test
    void aFailingFilterCostsOnlyItsOwnScreen() {
        List<List<ComplaintEvent>> batches = new ArrayList<>();
        fanOut.add(Runnable::run, e -> {
            throw new NullPointerException("a bad filter");
        }, Duration.ZERO, batch -> { });
        fanOut.add(Runnable::run, e -> true, Duration.ZERO, batches::add);
        fanOut.publish(event(1, "DLH"));
        time.advance(COALESCE);
        assertThat(ids(batches)).containsExactly("1");
    }

    @Test
    void theLatestFewEventsAreKeptForScreensThatOpenLater() {
        for (long id = 1; id <= 5; id++) {
            fanOut.publish(event(id, "DLH"));
        }
        assertThat(fanOut.recent()).extracting(ComplaintEvent::id).containsExactly("3", "4", "5");
    }

    @Test
    void aScreenLearnsTheStateAtOnceAndEachChangeButOnlyTheLatestWhenSlow() {
        List<LiveState> seen = new ArrayList<>();
        fanOut.addStateWatch(Runnable::run, seen::add);
        assertThat(seen).containsExactly(LiveState.OFFLINE);
        fanOut.state(LiveState.LIVE);
        fanOut.state(LiveState.LIVE);
        assertThat(seen).containsExactly(LiveState.OFFLINE, LiveState.LIVE);
        assertThat(fanOut.state()).isEqualTo(LiveState.LIVE);

        QueuedScreen slow = new QueuedScreen();
        List<LiveState> slowSeen = new ArrayList<>();
        fanOut.addStateWatch(slow, slowSeen::add);
        fanOut.state(LiveState.OFFLINE);
        fanOut.state(LiveState.LIVE);
        slow.runAll();
        assertThat(slowSeen).containsExactly(LiveState.LIVE);
        assertThat(seen).containsExactly(LiveState.OFFLINE, LiveState.LIVE, LiveState.OFFLINE, LiveState.LIVE);
    }

    /** A screen whose UI is busy: commands wait until the test runs them. */
    private static final class QueuedScreen implements FanOut.Screen {

        final List<Runnable> waiting = new ArrayList<>();

        @Override
        public void access(Runnable command) {
            waiting.add(command);
        }

        void runAll() {
            List<Runnable> now = List.copyOf(waiting);
            waiting.clear();
            now.forEach(Runnable::run);
        }
    }

    /** A clock and a timer that move only when the test says. */
    private static final class ManualTime extends Clock implements FanOut.Timer {

        private record Task(Instant due, long order, Runnable task) {
        }

        private final PriorityQueue<Task> tasks = new PriorityQueue<>(
                Comparator.comparing(Task::due).thenComparingLong(Task::order));
        private Instant now = Instant.parse("2026-05-07T07:00:00Z");
        private long order;

        @Override
        public void schedule(Runnable task, Duration delay) {
            tasks.add(new Task(now.plus(delay), order++, task));
        }

        void advance(Duration duration) {
            Instant until = now.plus(duration);
            while (!tasks.isEmpty() && !tasks.peek().due().isAfter(until)) {
                Task next = tasks.poll();
                now = next.due();
                next.task().run();
            }
            now = until;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneId.of("UTC");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
