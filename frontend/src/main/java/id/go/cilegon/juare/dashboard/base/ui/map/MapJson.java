package id.go.cilegon.juare.dashboard.base.ui.map;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** What {@code juare-map.js} gets: the map's options once, then the complaints of the visible box after each move. */
final class MapJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private MapJson() {
    }

    /**
     * {@code JuareMap.init}'s options.
     *
     * @param statusLabel a status's name in the screen's language
     * @param texts       the few other texts the script shows
     * @param single      the one complaint of a read-only map, or null for a live map
     */
    static ObjectNode options(MapSettings settings, CityOutline outline, Function<String, String> statusLabel,
                              Map<String, String> texts, Single single) {
        ObjectNode options = NODES.objectNode();
        options.put("live", single == null);
        options.put("tileUrl", settings.tileUrl());
        options.put("attribution", settings.attribution());
        options.set("outline", outline(outline));
        ArrayNode statuses = options.putArray("statuses");
        for (String status : StatusPalette.statuses()) {
            statuses.addObject()
                    .put("status", status)
                    .put("label", statusLabel.apply(status))
                    .put("color", StatusPalette.color(status));
        }
        ObjectNode text = options.putObject("texts");
        texts.forEach(text::put);
        if (single != null) {
            options.putObject("single")
                    .put("lat", single.lat())
                    .put("lng", single.lng())
                    .put("status", single.status())
                    .put("label", statusLabel.apply(single.status()))
                    .put("color", StatusPalette.color(single.status()))
                    .put("zoom", single.zoom());
        }
        return options;
    }

    static ObjectNode outline(CityOutline outline) {
        ObjectNode json = NODES.objectNode();
        json.put("name", outline.name());
        if (outline.city() != null) {
            json.set("city", outline.city());
        }
        ArrayNode kecamatan = json.putArray("kecamatan");
        for (CityOutline.Area area : outline.kecamatan()) {
            kecamatan.addObject()
                    .put("code", area.code())
                    .put("name", area.name())
                    .set("geometry", area.geometry());
        }
        return json;
    }

    /** Adds the statuses the legend lists (null: every one) to an update's data. */
    static ObjectNode legend(ObjectNode data, List<String> statuses) {
        if (statuses != null) {
            ArrayNode shown = data.putArray("legendStatuses");
            statuses.forEach(shown::add);
        }
        return data;
    }

    /** The kelurahan for detail zoom: code, name, kecamatan, centroid, geometry. */
    static ArrayNode kelurahan(List<Kelurahan> kelurahan) {
        ArrayNode json = NODES.arrayNode();
        for (Kelurahan k : kelurahan) {
            json.addObject()
                    .put("code", k.code())
                    .put("name", k.name())
                    .put("kecamatan", k.kecamatan())
                    .put("lat", k.lat())
                    .put("lng", k.lng())
                    .set("geometry", k.geometry());
        }
        return json;
    }

    /** {@code JuareMap.update}'s data: clusters with their statuses (most urgent first) and single markers. */
    static ObjectNode data(MapData data, String totalText) {
        return data(data, totalText, null);
    }

    /** As {@link #data(MapData, String)}, with the legend's line saying what the map shows (null for none). */
    static ObjectNode data(MapData data, String totalText, String note) {
        ObjectNode json = NODES.objectNode();
        json.put("total", data.total());
        json.put("totalText", totalText);
        if (note != null) {
            json.put("note", note);
        }
        ArrayNode clusters = json.putArray("clusters");
        for (MapData.Cluster cluster : data.clusters()) {
            ObjectNode c = clusters.addObject()
                    .put("lat", cluster.lat())
                    .put("lng", cluster.lng())
                    .put("count", cluster.count())
                    .put("dominant", dominant(cluster))
                    .put("south", cluster.south())
                    .put("west", cluster.west())
                    .put("north", cluster.north())
                    .put("east", cluster.east());
            ArrayNode parts = c.putArray("parts");
            cluster.byStatus().stream()
                    .filter(part -> part.count() > 0)
                    .sorted(Comparator.comparingInt((MapData.StatusCount part) -> StatusPalette.rank(part.status())))
                    .forEach(part -> parts.addObject()
                            .put("status", part.status())
                            .put("count", part.count())
                            .put("color", StatusPalette.color(part.status())));
        }
        ArrayNode markers = json.putArray("markers");
        for (MapData.Marker marker : data.markers()) {
            markers.addObject()
                    .put("id", marker.complaintId())
                    .put("tracking", marker.trackingNumber())
                    .put("status", marker.status())
                    .put("color", StatusPalette.color(marker.status()))
                    .put("category", marker.category())
                    .put("lat", marker.lat())
                    .put("lng", marker.lng());
        }
        return json;
    }

    /** The status most of the cluster's complaints have; a tie goes to the more urgent one. */
    static String dominant(MapData.Cluster cluster) {
        return cluster.byStatus().stream()
                .min(Comparator.comparingInt((MapData.StatusCount part) -> -part.count())
                        .thenComparingInt(part -> StatusPalette.rank(part.status())))
                .map(MapData.StatusCount::status)
                .orElse("UNKNOWN");
    }

    /** The one complaint of a read-only map. */
    record Single(double lat, double lng, String status, int zoom) {
    }
}
