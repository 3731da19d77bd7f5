package id.go.cilegon.juare.dashboard.map;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.router.Route;
import id.go.cilegon.juare.dashboard.base.ui.map.ComplaintMap;
import jakarta.annotation.security.PermitAll;

/** Tests only: a read-only single-complaint map, as the complaint views show one ({@link ComplaintMapBrowserTest}). */
@Route("test/single-map")
@PermitAll
public class SingleMapTestView extends Div {

    static final double LAT = -6.0172;
    static final double LNG = 106.0536;

    public SingleMapTestView() {
        ComplaintMap map = ComplaintMap.single(LAT, LNG, "IN_PROGRESS");
        map.setId("single-map");
        map.setWidth("600px");
        add(map);
    }
}
