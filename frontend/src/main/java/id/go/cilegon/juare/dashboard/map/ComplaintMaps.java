package id.go.cilegon.juare.dashboard.map;

import id.go.cilegon.juare.dashboard.backend.BackendException;
import id.go.cilegon.juare.dashboard.backend.BackendSession;
import id.go.cilegon.juare.dashboard.base.ui.map.CityOutline;
import id.go.cilegon.juare.dashboard.base.ui.map.ComplaintMap;
import id.go.cilegon.juare.dashboard.base.ui.map.Kelurahan;
import id.go.cilegon.juare.dashboard.base.ui.map.MapBackdrop;
import id.go.cilegon.juare.dashboard.base.ui.map.MapSettings;
import id.go.cilegon.juare.dashboard.live.LiveEvents;
import id.go.cilegon.juare.dashboard.map.ui.FilteredComplaintMap;
import id.go.cilegon.juare.dashboard.security.CurrentStaff;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
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
    private final Clock clock;

    public ComplaintMaps(MapSettings settings, ComplaintMapService service, CurrentStaff currentStaff, LiveEvents liveEvents,
                         Clock clock) {
        this.settings = settings;
        this.service = service;
        this.currentStaff = currentStaff;
        this.liveEvents = liveEvents;
        this.clock = clock;
    }

    /**
     * The complaints the signed-in staff member may see, live, with a filter bar above the map (the command centre's):
     * open complaints to start with ({@link MapFilter#DEFAULT}).
     */
    public FilteredComplaintMap filtered() {
        AtomicReference<MapFilter> filter = new AtomicReference<>(MapFilter.DEFAULT);
        BackendSession session = currentStaff.session();
        ComplaintMap map = live(session, () -> filter.get().toVariable(clock.instant()));
        return new FilteredComplaintMap(map, MapFilter.DEFAULT, filter::set,
                locale -> service.filterChoices(session, locale));
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
        return live(currentStaff.session(), () -> filter);
    }

    private ComplaintMap live(BackendSession session, Supplier<Map<String, Object>> filter) {
        ComplaintMap map = ComplaintMap.live(settings, outline(session),
                (box, zoom, locale) -> service.complaints(session, box, zoom, filter.get(), locale),
                () -> kelurahan(session));
        // a sign-in that is over is no BackendException: the session's error handler has it
        map.setErrorHandler(map::showBackendError);
        map.followLive(liveEvents);
        return map;
    }

    /** One complaint's place, read-only, at street zoom. */
    public ComplaintMap single(double lat, double lng, String status) {
        BackendSession session = currentStaff.session();
        return ComplaintMap.single(settings, outline(session), () -> kelurahan(session), lat, lng, status);
    }

    @Override
    public MapSettings settings() {
        return settings;
    }

    @Override
    public CityOutline outline() {
        return outline(currentStaff.session());
    }

    @Override
    public List<Kelurahan> kelurahan() {
        return kelurahan(currentStaff.session());
    }

    /** Decoration too: asked for by a map at detail zoom. */
    private List<Kelurahan> kelurahan(BackendSession session) {
        try {
            return service.kelurahan(session);
        } catch (BackendException e) {
            log.warn("Kelurahan not loaded for the map: {}", e.getMessage());
            return List.of();
        }
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
