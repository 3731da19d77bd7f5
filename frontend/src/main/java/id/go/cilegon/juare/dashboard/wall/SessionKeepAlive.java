package id.go.cilegon.juare.dashboard.wall;

import com.vaadin.flow.server.WrappedSession;
import com.vaadin.flow.shared.Registration;
import java.time.Duration;

/**
 * Keeps a signed-in HTTP session from timing out while a wall screen shows in it. With
 * {@code vaadin.close-idle-sessions=true} only real requests count as activity, not heartbeats, and a wall nobody
 * touches makes none of its own accord (and a browser may slow the wall's polling in a background tab): its session
 * gets a long inactivity limit while a wall is attached, and the original back when the last wall in it goes.
 * Called in the session's lock (attach and detach), so the count needs no lock of its own.
 */
public final class SessionKeepAlive {

    /** Long enough for a wall that runs all week with nobody touching it; a bound all the same. */
    public static final Duration WALL_INACTIVITY_LIMIT = Duration.ofDays(8);

    private static final String HOLDERS = SessionKeepAlive.class.getName() + ".holders";
    private static final String ORIGINAL = SessionKeepAlive.class.getName() + ".original";

    private SessionKeepAlive() {
    }

    /** Raises the session's inactivity limit until the returned registration is removed. */
    public static Registration hold(WrappedSession session) {
        int holders = session.getAttribute(HOLDERS) instanceof Integer count ? count : 0;
        if (holders == 0) {
            session.setAttribute(ORIGINAL, session.getMaxInactiveInterval());
            session.setMaxInactiveInterval(Math.toIntExact(WALL_INACTIVITY_LIMIT.toSeconds()));
        }
        session.setAttribute(HOLDERS, holders + 1);
        boolean[] released = {false};
        return () -> {
            if (released[0]) {
                return;
            }
            released[0] = true;
            try {
                release(session);
            } catch (IllegalStateException invalidated) {
                // signed out meanwhile: nothing left to restore
            }
        };
    }

    private static void release(WrappedSession session) {
        int holders = session.getAttribute(HOLDERS) instanceof Integer count ? count : 0;
        if (holders > 1) {
            session.setAttribute(HOLDERS, holders - 1);
            return;
        }
        session.removeAttribute(HOLDERS);
        if (session.getAttribute(ORIGINAL) instanceof Integer original) {
            session.setMaxInactiveInterval(original);
        }
        session.removeAttribute(ORIGINAL);
    }
}
