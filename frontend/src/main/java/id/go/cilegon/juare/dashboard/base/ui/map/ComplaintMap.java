package id.go.cilegon.juare.dashboard.base.ui.map;

import id.go.cilegon.juare.dashboard.base.ui.JuareFiles;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.ClientCallable;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.page.Page;
import com.vaadin.flow.di.Instantiator;
import com.vaadin.flow.shared.Registration;
import id.go.cilegon.juare.dashboard.backend.BackendException;
import id.go.cilegon.juare.dashboard.live.ComplaintEvent;
import id.go.cilegon.juare.dashboard.live.LiveEvents;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * A Leaflet map of complaints: the city outline and its kecamatan under the complaints, a legend of the status
 * colours ({@link StatusPalette}), optional background tiles ({@link MapSettings}).
 * <ul>
 *     <li>{@link #live}: the complaints of the visible box, clustered by the backend for the zoom; after each move the
 *     browser reports its box and zoom ({@link #mapMoved}) and gets the box's clusters and markers back. With
 *     {@link #followLive} an event inside the box makes the browser ask again (at most once a second). A click on a
 *     complaint fires a {@link ComplaintClickEvent}; a click on a cluster zooms into it.</li>
 *     <li>{@link #single}: one complaint's place, read-only, at street zoom.</li>
 * </ul>
 * Leaflet (its jar's {@code META-INF/resources/webjars}) and {@code juare/juare-map.js} are loaded into the page at
 * run time: no frontend build. Each complaint's SVG path has the classes
 * {@code juare-marker complaint-<id> status-<STATUS>}, each cluster {@code juare-cluster status-<most of them>}.
 * <p>
 * Offline help: from {@link #DETAIL_ZOOM} on (a single complaint's map always) the kelurahan boundaries and names show
 * (asked for from the browser the first time, {@link #kelurahan}); a single complaint's map also writes its kelurahan,
 * kecamatan and coordinates. Markers and clusters are reachable with Tab; Enter opens or zooms in.
 */
public class ComplaintMap extends Div {

    /** As {@code leaflet.version} in frontend/pom.xml. */
    static final String LEAFLET_VERSION = "1.9.4";
    static final String LEAFLET_JS = "context://webjars/leaflet/" + LEAFLET_VERSION + "/dist/leaflet.js";
    static final String LEAFLET_CSS = "context://webjars/leaflet/" + LEAFLET_VERSION + "/dist/leaflet.css";
    /** Our files, with their content's checksum so a browser never keeps an old one after a deployment. */
    static final String SCRIPT = JuareFiles.url("juare-map.js");
    static final String STYLE = JuareFiles.url("juare-map.css");

    /** Street level: a single complaint's map opens this close. */
    public static final int SINGLE_ZOOM = 16;
    /** From this zoom on the kelurahan boundaries and names show (as in juare-map.js). */
    public static final int DETAIL_ZOOM = 14;

    private static final int MAX_ZOOM = 20;
    private static final Pattern COMPLAINT_ID = Pattern.compile("[0-9A-Za-z-]{1,64}");

    /*
     * Vaadin runs this after the page's eager scripts (Leaflet, ours) have loaded; the wait is only a safety net for a
     * slow or reordered load.
     */
    private static final String INIT = """
            const el = this;
            const options = $0;
            (function start(tries) {
                if (window.JuareMap) {
                    window.JuareMap.init(el, options);
                } else if (tries < 600) {
                    setTimeout(() => start(tries + 1), 50);
                } else {
                    console.error('juare-map.js did not load');
                }
            })(0);""";

    private final MapSettings settings;
    private final CityOutline outline;
    private final ComplaintSource source;
    private final MapJson.Single single;
    private final Supplier<List<Kelurahan>> kelurahan;
    /** The legend's line saying what the map shows (its filter); null for none. */
    private volatile String legendNote;
    /** The statuses the legend lists (those the filter can show); null for all. */
    private volatile List<String> legendStatuses;

    private Consumer<BackendException> errorHandler = this::showBackendError;
    private LiveEvents liveEvents;
    private Registration liveSubscription;
    /** Read by the live events' filter, possibly outside the UI lock. */
    private volatile MapBox visibleBox;

    private ComplaintMap(MapSettings settings, CityOutline outline, ComplaintSource source, MapJson.Single single,
                         Supplier<List<Kelurahan>> kelurahan) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.kelurahan = kelurahan == null ? List::of : kelurahan;
        this.outline = outline == null ? CityOutline.EMPTY : outline;
        this.source = source;
        this.single = single;
        addClassName("juare-map");
        setWidthFull();
        // in a flex layout (VerticalLayout) keep the height asked for rather than shrink to the minimum
        getStyle().set("flex-shrink", "0");
        setHeight(single == null ? "60vh" : "320px");
    }

    /** The complaints {@code source} gives for the visible box, clustered; the city's whole area to start with. */
    public static ComplaintMap live(MapSettings settings, CityOutline outline, ComplaintSource source) {
        return live(settings, outline, source, null);
    }

    /** As {@link #live(MapSettings, CityOutline, ComplaintSource)}, with the kelurahan for detail zoom. */
    public static ComplaintMap live(MapSettings settings, CityOutline outline, ComplaintSource source,
                                    Supplier<List<Kelurahan>> kelurahan) {
        return new ComplaintMap(settings, outline, Objects.requireNonNull(source, "source"), null, kelurahan);
    }

    /** One complaint's place, read-only, with the tiles and outline of the map feature's {@link MapBackdrop}. */
    public static ComplaintMap single(double lat, double lng, String status) {
        UI ui = UI.getCurrent();
        if (ui == null) {
            throw new IllegalStateException("ComplaintMap.single(lat, lng, status) needs a UI: call it from a view");
        }
        MapBackdrop backdrop = Instantiator.get(ui).getOrCreate(MapBackdrop.class);
        return single(backdrop.settings(), backdrop.outline(), backdrop::kelurahan, lat, lng, status);
    }

    /** One complaint's place, read-only. */
    public static ComplaintMap single(MapSettings settings, CityOutline outline, double lat, double lng, String status) {
        return single(settings, outline, null, lat, lng, status);
    }

    /** One complaint's place, read-only, with the kelurahan around it. */
    public static ComplaintMap single(MapSettings settings, CityOutline outline, Supplier<List<Kelurahan>> kelurahan,
                                      double lat, double lng, String status) {
        if (!Double.isFinite(lat) || !Double.isFinite(lng) || Math.abs(lat) > 90 || Math.abs(lng) > 180) {
            throw new IllegalArgumentException("Not a place on earth: " + lat + ", " + lng);
        }
        return new ComplaintMap(settings, outline, null,
                new MapJson.Single(lat, lng, Objects.requireNonNull(status, "status"), SINGLE_ZOOM), kelurahan);
    }

    /** What happens when the backend fails a query (by default: an error notification). */
    public void setErrorHandler(Consumer<BackendException> errorHandler) {
        this.errorHandler = Objects.requireNonNull(errorHandler, "errorHandler");
    }

    /**
     * Live: an event about a complaint inside the visible box makes the browser query the box again (at most once a
     * second, so a burst of events costs one query), while the map is attached.
     */
    public void followLive(LiveEvents events) {
        if (source == null) {
            throw new IllegalStateException("a single complaint's map has nothing to follow");
        }
        this.liveEvents = Objects.requireNonNull(events, "events");
        if (isAttached() && liveSubscription == null) {
            subscribe();
        }
    }

    /** Queries the visible box again (throttled in the browser like live updates). */
    public void refresh() {
        getElement().executeJs("window.JuareMap && window.JuareMap.refresh(this)");
    }

    /** Queries the visible box again now (the filter changed: the answer must follow at once). */
    public void reload() {
        getElement().executeJs("window.JuareMap && window.JuareMap.reload(this)");
    }

    /** A line in the legend saying what the map shows (e.g. its filter); shown from the next answer on. */
    public void setLegendNote(String note) {
        this.legendNote = note;
    }

    /** The statuses the legend lists from the next answer on (those the filter can show); null for all. */
    public void setLegendStatuses(java.util.Collection<String> statuses) {
        this.legendStatuses = statuses == null ? null : List.copyOf(statuses);
    }

    public Registration addComplaintClickListener(ComponentEventListener<ComplaintClickEvent> listener) {
        return addListener(ComplaintClickEvent.class, listener);
    }

    /** The box the browser last reported; empty before it did (or for a single complaint's map). */
    public Optional<MapBox> visibleBox() {
        return Optional.ofNullable(visibleBox);
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        Page page = attachEvent.getUI().getPage();
        page.addStyleSheet(LEAFLET_CSS);
        page.addStyleSheet(STYLE);
        page.addJavaScript(LEAFLET_JS);
        page.addJavaScript(SCRIPT);
        getElement().executeJs(INIT, MapJson.options(settings, outline, this::statusLabel, texts(), single));
        if (liveEvents != null && liveSubscription == null) {
            subscribe();
        }
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        if (liveSubscription != null) {
            liveSubscription.remove();
            liveSubscription = null;
        }
        super.onDetach(detachEvent);
    }

    private void subscribe() {
        liveSubscription = liveEvents.subscribe(this, this::shows, batch -> refresh());
    }

    /** Whether an event is about a complaint in the visible box. */
    boolean shows(ComplaintEvent event) {
        MapBox box = visibleBox;
        return box != null && event.lat() != null && event.lng() != null && box.contains(event.lat(), event.lng());
    }

    /** The browser's box and zoom after a move (debounced there): its complaints go back to it. */
    @ClientCallable
    void mapMoved(double south, double west, double north, double east, int zoom) {
        if (source == null) {
            return;
        }
        Optional<MapBox> box = MapBox.clamped(south, west, north, east);
        if (box.isEmpty()) {
            return;
        }
        visibleBox = box.get();
        MapData data;
        try {
            data = source.complaints(box.get(), Math.max(0, Math.min(MAX_ZOOM, zoom)), getLocale());
        } catch (BackendException e) {
            errorHandler.accept(e);
            return;
        }
        int asked = Math.max(0, Math.min(MAX_ZOOM, zoom));
        getElement().executeJs("window.JuareMap.update(this, $0)",
                MapJson.legend(MapJson.data(data, getTranslation("map.total", data.total()), legendNote), legendStatuses)
                        .put("zoom", asked));
    }

    /** A click on a complaint's marker. */
    @ClientCallable
    void complaintClicked(String complaintId) {
        if (complaintId != null && COMPLAINT_ID.matcher(complaintId).matches()) {
            fireEvent(new ComplaintClickEvent(this, true, complaintId));
        }
    }

    /** The kelurahan boundaries and names, asked for by the browser once it zooms in to detail (GeoJSON text). */
    @ClientCallable
    String kelurahan() {
        List<Kelurahan> areas;
        try {
            areas = kelurahan.get();
        } catch (BackendException e) {
            // decoration: the map works without them
            areas = List.of();
        }
        return MapJson.kelurahan(areas == null ? List.of() : areas).toString();
    }

    private String statusLabel(String status) {
        return getTranslation("map.status." + status);
    }

    private Map<String, String> texts() {
        Map<String, String> texts = new LinkedHashMap<>();
        texts.put("legend", getTranslation("map.legend"));
        // the count goes in in the browser
        texts.put("cluster", getTranslation("map.cluster", "{0}"));
        texts.put("lang", getLocale() == null ? "id" : getLocale().getLanguage());
        texts.put("kelurahan", getTranslation("map.place.kelurahan", "{0}"));
        texts.put("kecamatan", getTranslation("map.place.kecamatan", "{0}"));
        texts.put("outside", getTranslation("map.place.outside"));
        texts.put("marker", getTranslation("map.marker", "{0}", "{1}", "{2}"));
        return texts;
    }

    /** The default error handling: a notification with the backend's error code. */
    public void showBackendError(BackendException e) {
        Notification.show(getTranslation("map.error", e.code()), 5000, Notification.Position.MIDDLE)
                .addThemeVariants(NotificationVariant.LUMO_ERROR);
    }


    /** A click on one complaint's marker. */
    public static class ComplaintClickEvent extends ComponentEvent<ComplaintMap> {

        private final String complaintId;

        public ComplaintClickEvent(ComplaintMap source, boolean fromClient, String complaintId) {
            super(source, fromClient);
            this.complaintId = complaintId;
        }

        public String getComplaintId() {
            return complaintId;
        }
    }
}
