package id.go.cilegon.juare.dashboard.live;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.shared.Registration;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The backend's live complaint events, fanned out to the open screens: one backend subscription per dashboard
 * server, not one per browser tab.
 */
public interface LiveEvents {

    /**
     * Calls {@code onEvents} with the events {@code filter} accepts, in order, a few at a time (events arriving close
     * together come as one batch, so a screen reloads once for a burst), inside {@code owner}'s UI lock
     * ({@code UI.access}), while {@code owner} is attached. Ends by itself when {@code owner} is detached.
     */
    Registration subscribe(Component owner, Predicate<ComplaintEvent> filter, Consumer<List<ComplaintEvent>> onEvents);
}
