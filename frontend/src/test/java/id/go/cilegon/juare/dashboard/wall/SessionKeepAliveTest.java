package id.go.cilegon.juare.dashboard.wall;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.server.WrappedSession;
import com.vaadin.flow.shared.Registration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A wall keeps its session alive while it shows; the session's own limit comes back when the last wall goes. */
class SessionKeepAliveTest {

    private final Session session = new Session(1800);

    @Test
    void theLimitIsRaisedWhileAWallShowsAndRestoredAfter() {
        Registration wall = SessionKeepAlive.hold(session);
        assertThat(session.getMaxInactiveInterval()).isEqualTo(SessionKeepAlive.WALL_INACTIVITY_LIMIT.toSeconds());
        wall.remove();
        assertThat(session.getMaxInactiveInterval()).isEqualTo(1800);
        assertThat(session.attributes).isEmpty();
    }

    @Test
    void twoWallsInOneSessionTheLastOneRestores() {
        Registration first = SessionKeepAlive.hold(session);
        Registration second = SessionKeepAlive.hold(session);
        first.remove();
        first.remove();
        assertThat(session.getMaxInactiveInterval()).isEqualTo(SessionKeepAlive.WALL_INACTIVITY_LIMIT.toSeconds());
        second.remove();
        assertThat(session.getMaxInactiveInterval()).isEqualTo(1800);
    }

    @Test
    void aSessionEndedMeanwhileIsLeftAlone() {
        Registration wall = SessionKeepAlive.hold(session);
        session.invalidate();
        wall.remove();
    }

    /** An HTTP session as Vaadin wraps it, in memory. */
    private static final class Session implements WrappedSession {

        final Map<String, Object> attributes = new HashMap<>();
        private int maxInactiveInterval;
        private boolean invalid;

        Session(int maxInactiveInterval) {
            this.maxInactiveInterval = maxInactiveInterval;
        }

        private void check() {
            if (invalid) {
                throw new IllegalStateException("session invalidated");
            }
        }

        @Override
        public int getMaxInactiveInterval() {
            check();
            return maxInactiveInterval;
        }

        @Override
        public void setMaxInactiveInterval(int interval) {
            check();
            maxInactiveInterval = interval;
        }

        @Override
        public Object getAttribute(String name) {
            check();
            return attributes.get(name);
        }

        @Override
        public void setAttribute(String name, Object value) {
            check();
            attributes.put(name, value);
        }

        @Override
        public Set<String> getAttributeNames() {
            check();
            return attributes.keySet();
        }

        @Override
        public void invalidate() {
            invalid = true;
        }

        @Override
        public String getId() {
            return "test";
        }

        @Override
        public long getCreationTime() {
            return 0;
        }

        @Override
        public long getLastAccessedTime() {
            return 0;
        }

        @Override
        public boolean isNew() {
            return false;
        }

        @Override
        public void removeAttribute(String name) {
            check();
            attributes.remove(name);
        }
    }
}
