package id.go.cilegon.juare.dashboard.map;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.cilegon.juare.dashboard.base.ui.map.CityOutline;
import id.go.cilegon.juare.dashboard.base.ui.map.MapData;
import id.go.cilegon.juare.dashboard.map.ComplaintMapService.Answer;
import id.go.cilegon.juare.dashboard.map.ComplaintMapService.Boundary;
import id.go.cilegon.juare.dashboard.map.ComplaintMapService.Cluster;
import id.go.cilegon.juare.dashboard.map.ComplaintMapService.Marker;
import id.go.cilegon.juare.dashboard.map.ComplaintMapService.StatusCount;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How the backend's answers become the maps' data. */
class ComplaintMapServiceTest {

    private static final String SQUARE = "{\"type\":\"Polygon\",\"coordinates\":[[[106.0,-6.0],[106.1,-6.0],[106.1,-5.9],[106.0,-6.0]]]}";

    @Test
    void clustersAndMarkersAsTheBackendSentThemWithTheCategorysName() {
        Answer answer = new Answer(7,
                List.of(new Cluster(-6.01, 106.05, 6, List.of(new StatusCount("SUBMITTED", 4), new StatusCount("CLOSED", 2)),
                        -6.02, 106.04, -6.0, 106.06)),
                List.of(new Marker("c-1", "CLG-2026-000001", "IN_PROGRESS", "JALAN_RUSAK", "DPUPR", -6.03, 106.02),
                        new Marker("c-2", "CLG-2026-000002", "SUBMITTED", "UNKNOWN_CODE", null, -6.04, 106.01)));
        Map<String, String> names = Map.of("JALAN_RUSAK", "Jalan rusak");

        MapData data = ComplaintMapService.from(answer, code -> names.getOrDefault(code, code));

        assertThat(data.total()).isEqualTo(7);
        MapData.Cluster cluster = data.clusters().getFirst();
        assertThat(cluster).isEqualTo(new MapData.Cluster(-6.01, 106.05, 6,
                List.of(new MapData.StatusCount("SUBMITTED", 4), new MapData.StatusCount("CLOSED", 2)),
                -6.02, 106.04, -6.0, 106.06));
        assertThat(data.markers()).containsExactly(
                new MapData.Marker("c-1", "CLG-2026-000001", "IN_PROGRESS", "Jalan rusak", "DPUPR", -6.03, 106.02),
                new MapData.Marker("c-2", "CLG-2026-000002", "SUBMITTED", "UNKNOWN_CODE", null, -6.04, 106.01));
        assertThat(ComplaintMapService.from(null, code -> code)).isEqualTo(MapData.EMPTY);
    }

    @Test
    void theOutlineKeepsTheGeometriesAndLeavesOutWhatIsNotGeoJson() {
        CityOutline outline = ComplaintMapService.outlineFrom(new Boundary("36.72", "Kota Cilegon", SQUARE), List.of(
                new Boundary("36.72.01", "Cibeber", SQUARE),
                new Boundary("36.72.02", "Cilegon", "not json"),
                new Boundary("36.72.03", "Pulomerak", "{\"type\":\"Polygon\"}")));

        assertThat(outline.name()).isEqualTo("Kota Cilegon");
        assertThat(outline.city().get("type").asString()).isEqualTo("Polygon");
        assertThat(outline.city().get("coordinates").get(0).get(1).get(0).asDouble()).isEqualTo(106.1);
        assertThat(outline.kecamatan()).extracting(CityOutline.Area::code).containsExactly("36.72.01");
    }
}
