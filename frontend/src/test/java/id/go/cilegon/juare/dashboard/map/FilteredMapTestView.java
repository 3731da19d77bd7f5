package id.go.cilegon.juare.dashboard.map;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.router.Route;
import id.go.cilegon.juare.dashboard.map.ui.FilteredComplaintMap;
import jakarta.annotation.security.RolesAllowed;

/** Tests only: the filtered live map alone, the screen's width ({@link MapPhoneBrowserTest}). */
@Route("test/filtered-map")
@RolesAllowed({"OPERATOR", "MAYOR", "ADMIN"})
public class FilteredMapTestView extends Div {

    public FilteredMapTestView(ComplaintMaps maps) {
        FilteredComplaintMap filtered = maps.filtered();
        filtered.map().setId("complaint-map");
        filtered.map().setHeight("60vh");
        add(filtered);
    }
}
