package id.go.cilegon.juare.dashboard.base.ui.map;

import id.go.cilegon.juare.dashboard.live.LiveState;
import java.time.Duration;
import com.vaadin.flow.shared.Registration;
import com.vaadin.flow.component.Component;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.go.cilegon.juare.dashboard.backend.BackendException;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.function.DeploymentConfiguration;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.shared.communication.PushMode;
import com.vaadin.flow.shared.ui.Dependency;
import id.go.cilegon.juare.dashboard.live.ComplaintEvent;
import id.go.cilegon.juare.dashboard.live.LiveEvents;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** The component's server side, without a browser: what it asks its source, and which live events concern it. */
class ComplaintMapTest {

    private static final MapSettings NO_TILES = new MapSettings("", "");

    private final List<String> asked = new ArrayList<>();

    private final ComplaintMap map = ComplaintMap.live(NO_TILES, CityOutline.EMPTY, (box, zoom, locale) -> {
        asked.add(box + " @" + zoom);
        return MapData.EMPTY;
    });

    private static ComplaintEvent eventAt(Double lat, Double lng) {
        return new ComplaintEvent("1", "SUBMITTED", "SUBMITTED", Instant.now(), "warga", null, "c1", "CLG-1", null,
                "36.72.01", "JALAN", lat, lng);
    }

    @Test
    void theBrowsersBoxIsAskedForClampedAndOnlyEventsInsideItCount() {
        assertThat(map.shows(eventAt(-6.0, 106.0))).as("before the browser reported a box").isFalse();

        map.mapMoved(-6.1, 105.9, -5.9, 106.1, 13);

        assertThat(asked).containsExactly(new MapBox(-6.1, 105.9, -5.9, 106.1) + " @13");
        assertThat(map.visibleBox()).contains(new MapBox(-6.1, 105.9, -5.9, 106.1));
        assertThat(map.shows(eventAt(-6.0, 106.0))).isTrue();
        assertThat(map.shows(eventAt(-6.3, 106.0))).isFalse();
        assertThat(map.shows(eventAt(null, null))).as("no location").isFalse();

        map.mapMoved(-6.1, 105.9, -5.9, 106.1, 99);
        map.mapMoved(-6.1, 105.9, -6.1, 106.1, 12);
        assertThat(asked).as("zoom clamped; a box without area not asked").hasSize(2).last().asString().endsWith("@20");
    }

    @Test
    void aBackendFailureGoesToTheErrorHandler() {
        ComplaintMap failing = ComplaintMap.live(NO_TILES, CityOutline.EMPTY, (box, zoom, locale) -> {
            throw new BackendException("FORBIDDEN", "no");
        });
        List<String> errors = new ArrayList<>();
        failing.setErrorHandler(e -> errors.add(e.code()));

        failing.mapMoved(-6.1, 105.9, -5.9, 106.1, 13);

        assertThat(errors).containsExactly("FORBIDDEN");
    }

    @Test
    void aClickOnAMarkerFiresTheComplaintsId() {
        List<String> clicked = new ArrayList<>();
        map.addComplaintClickListener(click -> clicked.add(click.getComplaintId()));

        map.complaintClicked("0b7e5f8e-3f6a-4d0e-9a53-2b1c7f00aa01");
        map.complaintClicked("../../admin");
        map.complaintClicked(null);

        assertThat(clicked).containsExactly("0b7e5f8e-3f6a-4d0e-9a53-2b1c7f00aa01");
    }

    @Test
    void aSingleComplaintsMapNeedsAPlaceOnEarthAndFollowsNothing() {
        ComplaintMap single = ComplaintMap.single(NO_TILES, CityOutline.EMPTY, -6.0, 106.0, "RESOLVED");
        single.mapMoved(-6.1, 105.9, -5.9, 106.1, 13);
        assertThat(single.visibleBox()).isEmpty();
        assertThatThrownBy(() -> single.followLive(new EventsOnly((owner, filter, onEvents) -> () -> { })))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> ComplaintMap.single(NO_TILES, CityOutline.EMPTY, 95, 106.0, "RESOLVED"))
                .hasMessageContaining("Not a place on earth");
    }

    @Test
    void whileAttachedAnEventInTheBoxMakesTheBrowserAskAgain() {
        List<Predicate<ComplaintEvent>> filters = new ArrayList<>();
        List<Consumer<List<ComplaintEvent>>> callbacks = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        LiveEvents live = new EventsOnly((owner, filter, onEvents) -> {
            assertThat(owner).isSameAs(map);
            filters.add(filter);
            callbacks.add(onEvents);
            return () -> removed.add("removed");
        });
        map.followLive(live);
        assertThat(filters).as("not before it is attached").isEmpty();

        UI ui = new UI();
        ui.getInternals().setSession(new LockedSession());
        ui.add(map);
        assertThat(filters).hasSize(1);
        assertThat(ui.getInternals().getDependencyList().getPendingSendToClient())
                .extracting(Dependency::getUrl)
                .as("Leaflet first, then ours")
                .containsExactly(ComplaintMap.LEAFLET_CSS, ComplaintMap.STYLE, ComplaintMap.LEAFLET_JS, ComplaintMap.SCRIPT);
        assertThat(scripts(ui)).anyMatch(js -> js.contains("window.JuareMap.init(el, options)"));

        map.mapMoved(-6.1, 105.9, -5.9, 106.1, 13);
        assertThat(filters.getFirst().test(eventAt(-6.0, 106.0))).isTrue();
        assertThat(filters.getFirst().test(eventAt(-7.0, 106.0))).isFalse();
        callbacks.getFirst().accept(List.of(eventAt(-6.0, 106.0)));
        assertThat(scripts(ui)).anyMatch(js -> js.contains("window.JuareMap.refresh(this)"));

        ui.remove(map);
        assertThat(removed).containsExactly("removed");
        ui.add(map);
        assertThat(filters).as("again when attached again").hasSize(2);
    }

    /** The JavaScript the next response would carry (what runs before a response, first). */
    private static List<String> scripts(UI ui) {
        ui.getInternals().getStateTree().runExecutionsBeforeClientResponse();
        return ui.getInternals().dumpPendingJavaScriptInvocations().stream()
                .map(invocation -> invocation.getInvocation().getExpression())
                .toList();
    }

    /** A session whose lock this test holds: enough for a UI to collect its JavaScript calls. */
    private static final class LockedSession extends VaadinSession {

        LockedSession() {
            super(null);
        }

        @Override
        public boolean hasLock() {
            return true;
        }

        @Override
        public void checkHasLock(String message) {
        }

        @Override
        public DeploymentConfiguration getConfiguration() {
            return new ProductionConfiguration();
        }
    }

    /** Production mode with the defaults; what attaching a component asks. */
    private static final class ProductionConfiguration implements DeploymentConfiguration {

        @Override
        public boolean isProductionMode() {
            return true;
        }

        @Override
        public String getStringProperty(String name, String defaultValue) {
            return defaultValue;
        }

        @Override
        public boolean getBooleanProperty(String name, boolean defaultValue) {
            return defaultValue;
        }

        @Override
        public boolean isRequestTiming() {
            return false;
        }

        @Override
        public boolean isSyncIdCheckEnabled() {
            return true;
        }

        @Override
        public int getHeartbeatInterval() {
            return 300;
        }

        @Override
        public int getMaxMessageSuspendTimeout() {
            return 5000;
        }

        @Override
        public int getWebComponentDisconnect() {
            return 300;
        }

        @Override
        public boolean isSendUrlsAsParameters() {
            return true;
        }

        @Override
        public boolean isCloseIdleSessions() {
            return false;
        }

        @Override
        public PushMode getPushMode() {
            return PushMode.DISABLED;
        }

        @Override
        public Properties getInitParameters() {
            return new Properties();
        }

        @Override
        public <T> T getApplicationOrSystemProperty(String name, T defaultValue, Function<String, T> converter) {
            return defaultValue;
        }

        @Override
        public String getUIClassName() {
            return UI.class.getName();
        }

        @Override
        public String getClassLoaderName() {
            return null;
        }

        @Override
        public boolean isDevModeLiveReloadEnabled() {
            return false;
        }

        @Override
        public boolean isDevToolsEnabled() {
            return false;
        }
    }

    /** The part of {@link LiveEvents} the map uses; the rest is not called. */
    private record EventsOnly(Subscriber subscriber) implements LiveEvents {

        interface Subscriber {
            Registration subscribe(Component owner, Predicate<ComplaintEvent> filter, Consumer<List<ComplaintEvent>> onEvents);
        }

        @Override
        public Registration subscribe(Component owner, Predicate<ComplaintEvent> filter, Duration atMostEvery,
                                      Consumer<List<ComplaintEvent>> onEvents) {
            return subscriber.subscribe(owner, filter, onEvents);
        }

        @Override
        public Registration subscribeState(Component owner, Consumer<LiveState> onChange) {
            throw new UnsupportedOperationException();
        }

        @Override
        public LiveState state() {
            return LiveState.LIVE;
        }

        @Override
        public List<ComplaintEvent> recent(Predicate<ComplaintEvent> filter) {
            return List.of();
        }
    }
}
