package id.go.cilegon.juare.dashboard.base.ui.map;

import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * What every map draws under the complaints: the city's outline and its kecamatan, as GeoJSON geometries
 * ({@code [lng, lat]}). Reference data: loaded once per dashboard server.
 *
 * @param city the city's geometry, or null if unknown
 */
public record CityOutline(String name, JsonNode city, List<Area> kecamatan) {

    public static final CityOutline EMPTY = new CityOutline("", null, List.of());

    public CityOutline {
        kecamatan = List.copyOf(kecamatan);
    }

    public record Area(String code, String name, JsonNode geometry) {
    }
}
