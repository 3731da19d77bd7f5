package id.go.cilegon.juare.dashboard.live.ui;

import com.vaadin.flow.component.Component;
import id.go.cilegon.juare.dashboard.backend.BackendException;
import id.go.cilegon.juare.dashboard.live.LiveEvents;
import id.go.cilegon.juare.dashboard.live.LiveState;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * How a screen of city-wide figures follows the live events (command centre, wall): any event may change a figure,
 * so the figures reload (at most every {@code reloadAtMostEvery}) and again when the connection comes back after a
 * break; the latest-events list shows every event, starting with the few this server has seen before.
 */
public final class LiveFigures {

    private LiveState lastState;

    private LiveFigures() {
    }

    public static void follow(Component screen, LiveEvents live, Duration reloadAtMostEvery, LatestEvents latest, Runnable reload) {
        LiveFigures figures = new LiveFigures();
        live.subscribe(screen, event -> true, reloadAtMostEvery, batch -> reload.run());
        live.subscribe(screen, event -> true, latest::addEvents);
        live.subscribeState(screen, state -> figures.stateChanged(state, reload));
        screen.addAttachListener(attach -> latest.addEvents(live.recent(event -> true)));
    }

    /**
     * A reload nobody clicked for: a failure stays quiet (the live dot tells, the next event tries again); an ended
     * sign-in reloads the page, which goes to the login.
     */
    public static <T> Runnable quietReload(Component screen, Supplier<T> read, Consumer<T> show) {
        return () -> {
            T figures;
            try {
                figures = read.get();
            } catch (BackendException e) {
                // an ended sign-in is no BackendException: it passes by to the session's error handler
                return;
            }
            show.accept(figures);
        };
    }

    private void stateChanged(LiveState state, Runnable reload) {
        if (state == LiveState.LIVE && lastState != null && lastState != LiveState.LIVE) {
            reload.run();
        }
        lastState = state;
    }
}
