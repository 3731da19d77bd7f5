package id.go.cilegon.juare.dashboard.map;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Route;
import id.go.cilegon.juare.dashboard.base.ui.map.ComplaintMap;
import id.go.cilegon.juare.dashboard.base.ui.map.MapSettings;
import jakarta.annotation.security.PermitAll;
import java.util.List;

/**
 * Tests only: a read-only single-complaint map, as the complaint views show one ({@link ComplaintMapBrowserTest}).
 * {@code ?tiles=unreachable}: a tile server that answers nothing; {@code ?tiles=local}: a test tile from the test
 * classpath (the tests have no internet); without: no tiles (the tests' setting).
 */
@Route("test/single-map")
@PermitAll
public class SingleMapTestView extends Div implements BeforeEnterObserver {

    static final double LAT = -6.0172;
    static final double LNG = 106.0536;
    static final String UNREACHABLE_TILES = "http://127.0.0.1:9/{z}/{x}/{y}.png";
    static final String LOCAL_TILES = "/juare/test-tile.png?z={z}&x={x}&y={y}";

    private final ComplaintMaps maps;

    public SingleMapTestView(ComplaintMaps maps) {
        this.maps = maps;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        List<String> tiles = event.getLocation().getQueryParameters().getParameters().getOrDefault("tiles", List.of());
        ComplaintMap map;
        if (tiles.isEmpty()) {
            map = ComplaintMap.single(LAT, LNG, "IN_PROGRESS");
        } else {
            MapSettings settings = new MapSettings(tiles.contains("local") ? LOCAL_TILES : UNREACHABLE_TILES, "test tiles");
            map = ComplaintMap.single(settings, maps.outline(), maps::kelurahan, LAT, LNG, "IN_PROGRESS");
        }
        map.setId("single-map");
        map.setWidth("min(600px, 100%)");
        add(map);
    }
}
