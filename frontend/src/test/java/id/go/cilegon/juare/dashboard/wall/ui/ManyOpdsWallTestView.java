package id.go.cilegon.juare.dashboard.wall.ui;

import com.vaadin.flow.router.Route;
import id.go.cilegon.juare.dashboard.commandcentre.CommandCentreOverview;
import id.go.cilegon.juare.dashboard.commandcentre.CommandCentreOverview.OpdRow;
import id.go.cilegon.juare.dashboard.commandcentre.CommandCentreService;
import id.go.cilegon.juare.dashboard.live.LiveEvents;
import id.go.cilegon.juare.dashboard.map.ComplaintMaps;
import id.go.cilegon.juare.dashboard.security.CurrentStaff;
import id.go.cilegon.juare.dashboard.wall.WallProperties;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.List;

/**
 * Tests only: the real wall, live, with the backend's OPDs followed by made-up quiet ones up to {@link #OPDS} in all,
 * as a city whose every OPD has had complaints looks (the demo data reaches about a dozen): more than fit at 1366×768
 * ({@link WallBrowserTest}).
 */
@Route("test/wall-many-opds")
@RolesAllowed({"OPERATOR", "MAYOR", "ADMIN"})
public class ManyOpdsWallTestView extends WallView {

    static final int OPDS = 45;

    public ManyOpdsWallTestView(CommandCentreService service, CurrentStaff currentStaff, LiveEvents live,
                                ComplaintMaps maps, WallProperties properties) {
        super(service, currentStaff, live, maps, properties);
    }

    @Override
    void show(CommandCentreOverview o) {
        List<OpdRow> opds = new ArrayList<>(o.opds());
        for (int i = 1; opds.size() < OPDS; i++) {
            opds.add(new OpdRow("UJI-%02d".formatted(i), "Dinas Uji Coba Nomor %02d".formatted(i), 0, 0, 0, 0, null));
        }
        super.show(new CommandCentreOverview(o.asOf(), o.newToday(), o.open(), o.replyOverdue(), o.fixOverdue(),
                o.resolvedToday(), o.waitingForOperator(), opds, o.shift()));
    }
}
