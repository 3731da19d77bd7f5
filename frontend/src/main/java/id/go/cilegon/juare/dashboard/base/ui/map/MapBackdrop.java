package id.go.cilegon.juare.dashboard.base.ui.map;

import java.util.List;

/**
 * What every map shows under the complaints: the tiles and the city outline. A Spring bean (the map feature's
 * {@code ComplaintMaps}), so that {@link ComplaintMap#single} needs nothing passed in.
 */
public interface MapBackdrop {

    MapSettings settings();

    /** The city outline and its kecamatan; {@link CityOutline#EMPTY} when they cannot be had now. */
    CityOutline outline();

    /** The kelurahan, drawn at detail zoom (asked for only then); empty when they cannot be had now. */
    default List<Kelurahan> kelurahan() {
        return List.of();
    }
}
