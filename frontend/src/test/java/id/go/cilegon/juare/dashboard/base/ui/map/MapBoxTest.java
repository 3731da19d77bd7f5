package id.go.cilegon.juare.dashboard.base.ui.map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MapBoxTest {

    @Test
    void aBoxPastTheGlobeIsClampedToIt() {
        assertThat(MapBox.clamped(-95, -200, 95, 200)).contains(new MapBox(-90, -180, 90, 180));
        assertThat(MapBox.clamped(-6.1, 105.9, -5.9, 106.1)).contains(new MapBox(-6.1, 105.9, -5.9, 106.1));
    }

    @Test
    void nothingIsLeftOfABoxWithoutArea() {
        assertThat(MapBox.clamped(-6, 106, -6, 106.1)).isEmpty();
        assertThat(MapBox.clamped(-6, 200, -5, 210)).as("both sides clamp to 180").isEmpty();
        assertThat(MapBox.clamped(Double.NaN, 106, -5, 106.1)).isEmpty();
        assertThatThrownBy(() -> new MapBox(-5, 106, -6, 107)).hasMessageContaining("south < north");
    }

    @Test
    void containsItsEdges() {
        MapBox box = new MapBox(-6.1, 105.9, -5.9, 106.1);
        assertThat(box.contains(-6.0, 106.0)).isTrue();
        assertThat(box.contains(-6.1, 105.9)).isTrue();
        assertThat(box.contains(-6.2, 106.0)).isFalse();
        assertThat(box.contains(-6.0, 106.2)).isFalse();
        assertThat(box.toVariable()).containsEntry("south", -6.1).containsEntry("east", 106.1);
    }
}
