package id.go.cilegon.juare.dashboard.base.ui.map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The map's background tiles ({@code juare.map.*}). An empty {@code tile-url} means no tiles: the map then shows the
 * city outline, the kecamatan boundaries and the complaints on a plain background (for a network without the tile
 * server, and for the tests).
 *
 * @param tileUrl     a Leaflet tile URL template ({@code {z}/{x}/{y}}), or empty for none
 * @param attribution the tiles' attribution (HTML), shown in the map's corner when there are tiles
 */
@ConfigurationProperties("juare.map")
public record MapSettings(
        @DefaultValue("https://tile.openstreetmap.org/{z}/{x}/{y}.png") String tileUrl,
        @DefaultValue("&copy; <a href=\"https://www.openstreetmap.org/copyright\">OpenStreetMap</a>") String attribution) {

    public MapSettings {
        tileUrl = tileUrl == null ? "" : tileUrl.strip();
        attribution = attribution == null ? "" : attribution;
    }

    public boolean hasTiles() {
        return !tileUrl.isEmpty();
    }
}
