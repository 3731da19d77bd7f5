package id.go.cilegon.juare.dashboard.base.ui.map;

import java.util.Locale;

/**
 * Where a live {@link ComplaintMap} gets the complaints of its visible box: the map feature's service, asking the
 * backend as the signed-in staff member. May throw {@link id.go.cilegon.juare.dashboard.backend.BackendException}.
 */
@FunctionalInterface
public interface ComplaintSource {

    /** @param locale the screen's language, for the category names */
    MapData complaints(MapBox box, int zoom, Locale locale);
}
