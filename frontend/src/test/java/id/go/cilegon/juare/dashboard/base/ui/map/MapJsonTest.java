package id.go.cilegon.juare.dashboard.base.ui.map;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** What the browser's juare-map.js gets from the server. */
class MapJsonTest {

    private static final MapData.Cluster CLUSTER = new MapData.Cluster(-6.01, 106.05, 9,
            List.of(new MapData.StatusCount("CLOSED", 4), new MapData.StatusCount("IN_PROGRESS", 2),
                    new MapData.StatusCount("SUBMITTED", 3)),
            -6.02, 106.04, -6.0, 106.06);
    private static final MapData.Marker MARKER = new MapData.Marker("0b7e5f8e-3f6a-4d0e-9a53-2b1c7f00aa01",
            "CLG-2026-000123", "DISPATCHED", "Jalan rusak", "DPUPR", -6.03, 106.02);

    @Test
    void clustersCarryTheirStatusesMostUrgentFirstAndTheirCellToZoomInto() {
        ObjectNode json = MapJson.data(new MapData(10, List.of(CLUSTER), List.of(MARKER)), "10 pengaduan di area ini");

        assertThat(json.get("total").asInt()).isEqualTo(10);
        assertThat(json.get("totalText").asString()).isEqualTo("10 pengaduan di area ini");
        JsonNode cluster = json.get("clusters").get(0);
        assertThat(cluster.get("count").asInt()).isEqualTo(9);
        assertThat(cluster.get("lat").asDouble()).isEqualTo(-6.01);
        assertThat(cluster.get("lng").asDouble()).isEqualTo(106.05);
        assertThat(List.of(cluster.get("south").asDouble(), cluster.get("west").asDouble(),
                cluster.get("north").asDouble(), cluster.get("east").asDouble()))
                .containsExactly(-6.02, 106.04, -6.0, 106.06);
        assertThat(cluster.get("dominant").asString()).as("most of them").isEqualTo("CLOSED");
        assertThat(cluster.get("parts").valueStream().map(p -> p.get("status").asString()).toList())
                .containsExactly("SUBMITTED", "IN_PROGRESS", "CLOSED");
        assertThat(cluster.get("parts").get(0).get("count").asInt()).isEqualTo(3);
        assertThat(cluster.get("parts").get(0).get("color").asString()).isEqualTo(StatusPalette.color("SUBMITTED"));
    }

    @Test
    void aMarkerIsOneComplaintInItsStatusColour() {
        JsonNode marker = MapJson.data(new MapData(1, List.of(), List.of(MARKER)), "").get("markers").get(0);

        assertThat(marker.get("id").asString()).isEqualTo("0b7e5f8e-3f6a-4d0e-9a53-2b1c7f00aa01");
        assertThat(marker.get("tracking").asString()).isEqualTo("CLG-2026-000123");
        assertThat(marker.get("status").asString()).isEqualTo("DISPATCHED");
        assertThat(marker.get("color").asString()).isEqualTo(StatusPalette.color("DISPATCHED"));
        assertThat(marker.get("category").asString()).isEqualTo("Jalan rusak");
        assertThat(marker.get("lat").asDouble()).isEqualTo(-6.03);
        assertThat(marker.get("lng").asDouble()).isEqualTo(106.02);
    }

    @Test
    void aTieGoesToTheMoreUrgentStatus() {
        MapData.Cluster tie = new MapData.Cluster(0, 0, 4,
                List.of(new MapData.StatusCount("RESOLVED", 2), new MapData.StatusCount("REOPENED", 2)), 0, 0, 1, 1);
        assertThat(MapJson.dominant(tie)).isEqualTo("REOPENED");
    }

    @Test
    void theOptionsCarryTheTilesTheOutlineAndTheLegend() {
        JsonNode city = JsonMapper.builder().build().readTree("{\"type\":\"Polygon\",\"coordinates\":[[[106,-6],[106.1,-6],[106.1,-5.9],[106,-6]]]}");
        CityOutline outline = new CityOutline("Kota Cilegon", city, List.of(new CityOutline.Area("36.72.01", "Cibeber", city)));

        ObjectNode live = MapJson.options(new MapSettings("", ""), outline, status -> "label " + status,
                Map.of("legend", "Status"), null);

        assertThat(live.get("live").asBoolean()).isTrue();
        assertThat(live.get("tileUrl").asString()).as("no tiles").isEmpty();
        assertThat(live.get("outline").get("city").get("type").asString()).isEqualTo("Polygon");
        assertThat(live.get("outline").get("kecamatan").get(0).get("name").asString()).isEqualTo("Cibeber");
        assertThat(live.get("statuses").valueStream().map(s -> s.get("status").asString()).toList())
                .isEqualTo(StatusPalette.statuses());
        assertThat(live.get("statuses").get(0).get("label").asString()).isEqualTo("label SUBMITTED");
        assertThat(live.get("texts").get("legend").asString()).isEqualTo("Status");
        assertThat(live.has("single")).isFalse();

        ObjectNode single = MapJson.options(new MapSettings("https://tiles.example/{z}/{x}/{y}.png", "©"), CityOutline.EMPTY,
                status -> status, Map.of(), new MapJson.Single(-6.0, 106.0, "RESOLVED", 16));
        assertThat(single.get("live").asBoolean()).isFalse();
        assertThat(single.get("tileUrl").asString()).isEqualTo("https://tiles.example/{z}/{x}/{y}.png");
        assertThat(single.get("outline").has("city")).isFalse();
        assertThat(single.get("single").get("zoom").asInt()).isEqualTo(16);
        assertThat(single.get("single").get("color").asString()).isEqualTo(StatusPalette.color("RESOLVED"));
    }
}
