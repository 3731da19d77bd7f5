package id.go.cilegon.juare.dashboard.base.ui.map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.go.cilegon.juare.dashboard.backend.BackendException;
import id.go.cilegon.juare.dashboard.live.ComplaintEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
        assertThatThrownBy(() -> single.followLive((owner, filter, onEvents) -> () -> { }))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> ComplaintMap.single(NO_TILES, CityOutline.EMPTY, 95, 106.0, "RESOLVED"))
                .hasMessageContaining("Not a place on earth");
    }
}
