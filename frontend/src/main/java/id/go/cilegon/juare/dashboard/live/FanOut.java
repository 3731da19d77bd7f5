package id.go.cilegon.juare.dashboard.live;

import com.vaadin.flow.shared.Registration;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One stream of events in, one mailbox per open screen out. {@link #publish} only files the event and sets a timer,
 * so the subscription's thread never waits for a screen. When a screen's timer fires its delivery is handed to
 * {@code handOff} (another thread), which asks the screen to run it in its UI lock; the batch is taken when that
 * finally runs, so a slow screen gets one larger batch instead of a queue of small ones. Knows nothing of Vaadin or
 * WebSockets: {@link Screen} and {@link Timer} are given.
 */
final class FanOut {

    private static final Logger log = LoggerFactory.getLogger(FanOut.class);

    /** Runs a command in a screen's UI lock, soon, without making the caller wait; throws if the screen is gone. */
    interface Screen {
        void access(Runnable command);
    }

    /** Runs a task after a delay, on its own thread. */
    interface Timer {
        void schedule(Runnable task, Duration delay);
    }

    private final Timer timer;
    private final Executor handOff;
    private final Clock clock;
    private final Duration coalesce;
    private final int maxPending;
    private final Set<Mailbox> mailboxes = new CopyOnWriteArraySet<>();
    private final Set<StateWatch> stateWatches = new CopyOnWriteArraySet<>();
    private final ArrayDeque<ComplaintEvent> recent = new ArrayDeque<>();
    private final int keepRecent;
    private volatile LiveState state;

    FanOut(Timer timer, Executor handOff, Clock clock, Duration coalesce, int maxPending, int keepRecent, LiveState initial) {
        this.keepRecent = keepRecent;
        this.timer = timer;
        this.handOff = handOff;
        this.clock = clock;
        this.coalesce = coalesce;
        this.maxPending = maxPending;
        this.state = initial;
    }

    Registration add(Screen screen, Predicate<ComplaintEvent> filter, Duration atMostEvery, Consumer<List<ComplaintEvent>> onEvents) {
        Mailbox mailbox = new Mailbox(screen, filter, atMostEvery, onEvents);
        mailboxes.add(mailbox);
        return () -> mailboxes.remove(mailbox);
    }

    /** Tells the screen the current state now, and every change after. */
    Registration addStateWatch(Screen screen, Consumer<LiveState> onChange) {
        StateWatch watch = new StateWatch(screen, onChange);
        stateWatches.add(watch);
        watch.changed();
        return () -> stateWatches.remove(watch);
    }

    /** Called by the subscription, in event order; never blocks. */
    void publish(ComplaintEvent event) {
        synchronized (recent) {
            recent.addLast(event);
            if (recent.size() > keepRecent) {
                recent.removeFirst();
            }
        }
        for (Mailbox mailbox : mailboxes) {
            mailbox.offer(event);
        }
    }

    void state(LiveState newState) {
        if (state == newState) {
            return;
        }
        state = newState;
        for (StateWatch watch : stateWatches) {
            watch.changed();
        }
    }

    LiveState state() {
        return state;
    }

    /** The latest events, oldest first. */
    List<ComplaintEvent> recent() {
        synchronized (recent) {
            return List.copyOf(recent);
        }
    }

    /** Screens that follow live events now (tests, metrics). */
    int screens() {
        return mailboxes.size();
    }

    /** One screen's subscription: its filter, what waits for it, and whether a delivery is on its way. */
    private final class Mailbox {

        private final Screen screen;
        private final Predicate<ComplaintEvent> filter;
        private final Duration atMostEvery;
        private final Consumer<List<ComplaintEvent>> onEvents;
        private final ArrayDeque<ComplaintEvent> pending = new ArrayDeque<>();
        /** A delivery is set (timer or UI queue): new events join it. */
        private boolean underway;
        private Instant lastDelivered = Instant.MIN;

        Mailbox(Screen screen, Predicate<ComplaintEvent> filter, Duration atMostEvery, Consumer<List<ComplaintEvent>> onEvents) {
            this.screen = screen;
            this.filter = filter;
            this.atMostEvery = atMostEvery;
            this.onEvents = onEvents;
        }

        void offer(ComplaintEvent event) {
            boolean accepted;
            try {
                accepted = filter.test(event);
            } catch (RuntimeException e) {
                log.warn("A screen's event filter failed; event {} not delivered to it", event.id(), e);
                return;
            }
            if (!accepted) {
                return;
            }
            Duration delay;
            synchronized (this) {
                pending.addLast(event);
                if (pending.size() > maxPending) {
                    pending.removeFirst();
                }
                if (underway) {
                    return;
                }
                underway = true;
                delay = delayFrom(clock.instant());
            }
            timer.schedule(() -> handOff.execute(this::deliverInScreen), delay);
        }

        /** The coalescing window, or longer if the last batch was less than atMostEvery ago. */
        private Duration delayFrom(Instant now) {
            Instant earliest = lastDelivered == Instant.MIN ? now : lastDelivered.plus(atMostEvery);
            Duration untilAllowed = Duration.between(now, earliest);
            return untilAllowed.compareTo(coalesce) > 0 ? untilAllowed : coalesce;
        }

        private void deliverInScreen() {
            if (!mailboxes.contains(this)) {
                return;
            }
            try {
                screen.access(this::deliver);
            } catch (RuntimeException gone) {
                // the screen closed between the event and its delivery: its detach removes the mailbox
                mailboxes.remove(this);
            }
        }

        /** Runs in the screen's UI lock. */
        private void deliver() {
            List<ComplaintEvent> batch;
            synchronized (this) {
                batch = List.copyOf(pending);
                pending.clear();
                underway = false;
                lastDelivered = clock.instant();
            }
            if (!batch.isEmpty() && mailboxes.contains(this)) {
                onEvents.accept(batch);
            }
        }
    }

    /** One screen's interest in the state: only the latest state is delivered. */
    private final class StateWatch {

        private final Screen screen;
        private final Consumer<LiveState> onChange;
        private boolean underway;

        StateWatch(Screen screen, Consumer<LiveState> onChange) {
            this.screen = screen;
            this.onChange = onChange;
        }

        void changed() {
            synchronized (this) {
                if (underway) {
                    return;
                }
                underway = true;
            }
            handOff.execute(() -> {
                try {
                    screen.access(this::deliver);
                } catch (RuntimeException gone) {
                    stateWatches.remove(this);
                }
            });
        }

        private void deliver() {
            synchronized (this) {
                underway = false;
            }
            if (stateWatches.contains(this)) {
                onChange.accept(state);
            }
        }
    }
}
