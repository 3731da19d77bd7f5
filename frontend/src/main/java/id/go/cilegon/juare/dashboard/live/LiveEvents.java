package id.go.cilegon.juare.dashboard.live;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.shared.Registration;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The backend's live complaint events, fanned out to the open screens: one backend subscription per dashboard
 * server, not one per browser tab. That subscription sees EVERY event (a MAYOR service account): a screen for OPD
 * staff must pass a filter that keeps its own OPD's only.
 */
public interface LiveEvents {

    /**
     * Calls {@code onEvents} with the events {@code filter} accepts, in order, a few at a time (events arriving close
     * together come as one batch, so a screen reloads once for a burst), inside {@code owner}'s UI lock
     * ({@code UI.access}), while {@code owner} is attached. Ends by itself when {@code owner} is detached.
     */
    default Registration subscribe(Component owner, Predicate<ComplaintEvent> filter, Consumer<List<ComplaintEvent>> onEvents) {
        return subscribe(owner, filter, Duration.ZERO, onEvents);
    }

    /**
     * As {@link #subscribe(Component, Predicate, Consumer)}, but at most one batch per {@code atMostEvery}: what
     * arrives meanwhile waits and comes with the next batch. For screens whose answer to an event is costly (a
     * reload from the backend).
     */
    Registration subscribe(Component owner, Predicate<ComplaintEvent> filter, Duration atMostEvery,
                           Consumer<List<ComplaintEvent>> onEvents);

    /**
     * Calls {@code onChange} with the connection's state when {@code owner} is attached and after each change, inside
     * its UI lock. A screen may reload when the state comes back to {@link LiveState#LIVE}: whatever happened while
     * the connection was down arrives as events too, but a reload is one round trip instead of many.
     */
    Registration subscribeState(Component owner, Consumer<LiveState> onChange);

    /** The connection's state now. */
    LiveState state();

    /**
     * The latest events this server received (a few, oldest first) that {@code filter} accepts, for a screen to
     * start its list with; the subscription's first start fetches some from before, so there are some from the start.
     */
    List<ComplaintEvent> recent(Predicate<ComplaintEvent> filter);
}
