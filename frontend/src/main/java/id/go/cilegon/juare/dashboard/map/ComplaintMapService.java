package id.go.cilegon.juare.dashboard.map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import id.go.cilegon.juare.dashboard.backend.BackendClient;
import id.go.cilegon.juare.dashboard.backend.BackendException;
import id.go.cilegon.juare.dashboard.backend.BackendSession;
import id.go.cilegon.juare.dashboard.base.i18n.TranslationProvider;
import id.go.cilegon.juare.dashboard.base.ui.map.CityOutline;
import id.go.cilegon.juare.dashboard.base.ui.map.Kelurahan;
import id.go.cilegon.juare.dashboard.base.ui.map.MapBox;
import id.go.cilegon.juare.dashboard.base.ui.map.MapData;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.graphql.client.ClientGraphQlResponse;
import org.springframework.stereotype.Service;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The maps' data from the backend: the city outline ({@code CityMap}, reference data: loaded once per dashboard
 * server), the complaints of a box ({@code ComplaintMap}, as the signed-in staff member, so OPD staff see their own
 * OPD's only) and the category names for the markers ({@code ReferenceData}, kept a few minutes).
 */
@Service
public class ComplaintMapService {

    private static final Logger log = LoggerFactory.getLogger(ComplaintMapService.class);
    /** Categories can be renamed by an admin; a map may show an old name this long. */
    static final Duration CATEGORIES_KEPT = Duration.ofMinutes(10);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final BackendClient backend;
    private final Clock clock;

    private volatile CityOutline outline;
    private volatile List<Kelurahan> kelurahan;
    private volatile KnownCategories categories;

    public ComplaintMapService(BackendClient backend, Clock clock) {
        this.backend = backend;
        this.clock = clock;
    }

    /** The city and its kecamatan, from the backend the first time (by whoever opens a map first), then kept. */
    public CityOutline cityOutline(BackendSession session) {
        CityOutline known = outline;
        if (known == null) {
            synchronized (this) {
                if (outline == null) {
                    ClientGraphQlResponse response = backend.execute(session, "CityMap", Map.of());
                    outline = outlineFrom(response.field("city").toEntity(Boundary.class),
                            response.field("kecamatanList").toEntityList(Boundary.class));
                }
                known = outline;
            }
        }
        return known;
    }

    /** The 43 kelurahan with their boundaries, for detail zoom: from the backend the first time, then kept. */
    public List<Kelurahan> kelurahan(BackendSession session) {
        List<Kelurahan> known = kelurahan;
        if (known == null) {
            synchronized (this) {
                if (kelurahan == null) {
                    kelurahan = kelurahanFrom(backend.execute(session, "KelurahanMap", Map.of())
                            .field("kelurahanList").toEntityList(KelurahanBoundary.class));
                }
                known = kelurahan;
            }
        }
        return known;
    }

    static List<Kelurahan> kelurahanFrom(List<KelurahanBoundary> all) {
        List<Kelurahan> areas = new ArrayList<>();
        for (KelurahanBoundary k : all == null ? List.<KelurahanBoundary>of() : all) {
            JsonNode geometry = geometry(new Boundary(k.code(), k.name(), k.boundaryGeoJson()));
            if (geometry != null) {
                areas.add(new Kelurahan(k.code(), k.name(), k.kecamatan() == null ? "" : k.kecamatan().name(),
                        k.centroid().lat(), k.centroid().lng(), geometry));
            }
        }
        return List.copyOf(areas);
    }

    /** The active OPDs and categories, for the map's filter (names in the screen's language), kept a few minutes. */
    public FilterChoices filterChoices(BackendSession session, Locale locale) {
        boolean english = TranslationProvider.ENGLISH.equals(TranslationProvider.supported(locale));
        KnownCategories known = reference(session);
        List<FilterChoices.Choice> opds = known.opds().stream()
                .filter(Opd::active)
                .map(o -> new FilterChoices.Choice(o.code(), o.name()))
                .toList();
        List<FilterChoices.Choice> categories = known.byCode().values().stream()
                .filter(c -> c.active() == null || c.active())
                .sorted(java.util.Comparator.comparingInt(c -> known.order().getOrDefault(c.code(), Integer.MAX_VALUE)))
                .map(c -> new FilterChoices.Choice(c.code(), english ? c.nameEn() : c.nameId()))
                .toList();
        return new FilterChoices(opds, categories);
    }

    /**
     * The complaints of a box, clustered by the backend for the zoom.
     *
     * @param filter the backend's {@code ComplaintFilter} as a GraphQL variable, or null for every complaint the
     *               staff member may see
     * @param locale the screen's language, for the category names
     */
    public MapData complaints(BackendSession session, MapBox box, int zoom, Map<String, Object> filter, Locale locale) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("box", box.toVariable());
        variables.put("zoom", zoom);
        if (filter != null) {
            variables.put("filter", filter);
        }
        ClientGraphQlResponse response = backend.execute(session, "ComplaintMap", variables);
        Answer answer = response.field("complaintMap").toEntity(Answer.class);
        boolean english = TranslationProvider.ENGLISH.equals(TranslationProvider.supported(locale));
        Map<String, Category> names = categories(session);
        return from(answer, code -> {
            Category category = names.get(code);
            return category == null ? code : english ? category.nameEn() : category.nameId();
        });
    }

    static MapData from(Answer answer, Function<String, String> categoryName) {
        if (answer == null) {
            return MapData.EMPTY;
        }
        List<MapData.Cluster> clusters = answer.clusters().stream()
                .map(c -> new MapData.Cluster(c.lat(), c.lng(), c.count(),
                        c.byStatus().stream().map(s -> new MapData.StatusCount(s.status(), s.count())).toList(),
                        c.south(), c.west(), c.north(), c.east()))
                .toList();
        List<MapData.Marker> markers = answer.markers().stream()
                .map(m -> new MapData.Marker(m.complaintId(), m.trackingNumber(), m.status(),
                        categoryName.apply(m.categoryCode()), m.opdCode(), m.lat(), m.lng()))
                .toList();
        return new MapData(answer.total(), clusters, markers);
    }

    /** The outline from the backend's GeoJSON strings; a boundary that is not GeoJSON is left out (and logged). */
    static CityOutline outlineFrom(Boundary city, List<Boundary> kecamatan) {
        List<CityOutline.Area> areas = new ArrayList<>();
        for (Boundary k : kecamatan == null ? List.<Boundary>of() : kecamatan) {
            JsonNode geometry = geometry(k);
            if (geometry != null) {
                areas.add(new CityOutline.Area(k.code(), k.name(), geometry));
            }
        }
        return new CityOutline(city == null ? "" : city.name(), city == null ? null : geometry(city), areas);
    }

    private static JsonNode geometry(Boundary boundary) {
        try {
            JsonNode geometry = JSON.readTree(boundary.boundaryGeoJson());
            if (geometry != null && geometry.has("type") && geometry.has("coordinates")) {
                return geometry;
            }
        } catch (JacksonException | IllegalArgumentException e) {
            // fall through: logged below
        }
        log.warn("Boundary of {} is not a GeoJSON geometry; the map leaves it out", boundary.code());
        return null;
    }

    private Map<String, Category> categories(BackendSession session) {
        return reference(session).byCode();
    }

    private KnownCategories reference(BackendSession session) {
        KnownCategories known = categories;
        Instant now = clock.instant();
        if (known != null && now.isBefore(known.until())) {
            return known;
        }
        try {
            ClientGraphQlResponse response = backend.execute(session, "ReferenceData", Map.of());
            List<Category> all = response.field("categories").toEntityList(Category.class);
            List<Opd> opds = response.field("opds").toEntityList(Opd.class);
            Map<String, Category> byCode = all.stream().collect(Collectors.toUnmodifiableMap(Category::code, c -> c, (a, b) -> a));
            Map<String, Integer> order = new HashMap<>();
            for (int i = 0; i < all.size(); i++) {
                order.putIfAbsent(all.get(i).code(), i);
            }
            KnownCategories loaded = new KnownCategories(byCode, Map.copyOf(order), List.copyOf(opds), now.plus(CATEGORIES_KEPT));
            categories = loaded;
            return loaded;
        } catch (BackendException e) {
            // the markers still show, with the category codes (or the names known before)
            log.warn("Category names not loaded for the map: {}", e.getMessage());
            return known == null ? new KnownCategories(Map.of(), Map.of(), List.of(), now) : known;
        }
    }

    /** @param order the categories' display order (the backend's) */
    private record KnownCategories(Map<String, Category> byCode, Map<String, Integer> order, List<Opd> opds, Instant until) {
    }

    // the shapes of the answers, as the documents ask for them

    record Boundary(String code, String name, String boundaryGeoJson) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Category(String code, String nameId, String nameEn, Boolean active) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Opd(String code, String name, boolean active) {
    }

    record Point(double lat, double lng) {
    }

    record KecamatanName(String code, String name) {
    }

    record KelurahanBoundary(String code, String name, Point centroid, String boundaryGeoJson, KecamatanName kecamatan) {
    }

    record StatusCount(String status, int count) {
    }

    record Cluster(double lat, double lng, int count, List<StatusCount> byStatus, double south, double west,
                   double north, double east) {
    }

    record Marker(String complaintId, String trackingNumber, String status, String categoryCode, String opdCode,
                  double lat, double lng) {
    }

    record Answer(int total, List<Cluster> clusters, List<Marker> markers) {
    }
}
