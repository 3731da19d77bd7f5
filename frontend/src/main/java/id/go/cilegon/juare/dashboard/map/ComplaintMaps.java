package id.go.cilegon.juare.dashboard.map;

import id.go.cilegon.juare.dashboard.backend.BackendException;
import id.go.cilegon.juare.dashboard.backend.BackendSession;
import id.go.cilegon.juare.dashboard.base.ui.map.CityOutline;
import id.go.cilegon.juare.dashboard.base.ui.map.ComplaintMap;
import id.go.cilegon.juare.dashboard.base.ui.map.MapBackdrop;
import id.go.cilegon.juare.dashboard.base.ui.map.MapSettings;
import id.go.cilegon.juare.dashboard.live.LiveEvents;
import id.go.cilegon.juare.dashboard.security.CurrentStaff;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Maps for views: {@link #live} for the signed-in staff member's complaints, {@link #single} for one complaint's
 * place. Call from a view (the signed-in staff member is the request's).
 */
@Component
public class ComplaintMaps implements MapBackdrop {

    private static final Logger log = LoggerFactory.getLogger(ComplaintMaps.class);

    private final MapSettings settings;
    private final ComplaintMapService service;
    private final CurrentStaff currentStaff;
    private final LiveEvents liveEvents;

    public ComplaintMaps(MapSettings settings, ComplaintMapService service, CurrentStaff currentStaff, LiveEvents liveEvents) {
        this.settings = settings;
        this.service = service;
        this.currentStaff = currentStaff;
        this.liveEvents = liveEvents;
    }

    /** Every complaint the signed-in staff member may see, live. */
    public ComplaintMap live() {
        return live(null);
    }

    /**
     * The complaints the signed-in staff member may see, live.
     *
     * @param filter the backend's {@code ComplaintFilter} (e.g. {@code Map.of("statuses", List.of("SUBMITTED"))}),
     *               or null for all
     */
    public ComplaintMap live(Map<String, Object> filter) {
        // the session object, not the request: live refreshes come from a background thread
        BackendSession session = currentStaff.session();
        ComplaintMap map = ComplaintMap.live(settings, outline(session),
                (box, zoom, locale) -> service.complaints(session, box, zoom, filter, locale));
        map.setErrorHandler(map::showBackendError);
        map.followLive(liveEvents);
        return map;
    }

    /** One complaint's place, read-only, at street zoom. */
    public ComplaintMap single(double lat, double lng, String status) {
        return ComplaintMap.single(settings, outline(), lat, lng, status);
    }

    @Override
    public MapSettings settings() {
        return settings;
    }

    @Override
    public CityOutline outline() {
        return outline(currentStaff.session());
    }

    /** The outline is decoration: without it the map still shows the complaints. */
    private CityOutline outline(BackendSession session) {
        try {
            return service.cityOutline(session);
        } catch (BackendException e) {
            log.warn("City outline not loaded for the map: {}", e.getMessage());
            return CityOutline.EMPTY;
        }
    }
}
