package id.go.cilegon.juare.overview;

import static id.go.cilegon.juare.support.Api.operation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import id.go.cilegon.juare.auth.TokenService;
import id.go.cilegon.juare.support.IntegrationTest;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;

/**
 * complaintMap over HTTP. The complaints are seeded once, in a random spot of the southern Indian Ocean that no other
 * test uses, so every box here holds only this test's complaints.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ComplaintMapTest extends IntegrationTest {

    @org.springframework.beans.factory.annotation.Autowired
    id.go.cilegon.juare.platform.PersonalDataCipher cipher;

    /** Cell sizes as the server computes them: 360 / 2^zoom / 4 degrees. */
    private static final double CELL_Z10 = 360.0 / 1024 / 4;

    @Autowired TokenService tokens;

    private double lat;
    private double lng;
    private List<Seed.ComplaintSpec> group;
    private Seed.ComplaintSpec alone;

    @BeforeAll
    void seedComplaints() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        // the middle of a zoom-10 cell, so that five complaints 0.0005° apart share it
        lat = (Math.floor((-40 + random.nextDouble(10)) / CELL_Z10) + 0.5) * CELL_Z10;
        lng = (Math.floor((60 + random.nextDouble(30)) / CELL_Z10) + 0.5) * CELL_Z10;
        Seed seed = Seed.with(db, cipher);
        group = List.of(
                seed.complaint().at(lat, lng).status("SUBMITTED").insert(),
                seed.complaint().at(lat + 0.0005, lng + 0.0005).status("SUBMITTED").insert(),
                seed.complaint().at(lat + 0.0010, lng + 0.0010).status("DISPATCHED").opd("DPUPR").insert(),
                seed.complaint().at(lat + 0.0015, lng + 0.0015).status("DISPATCHED").opd("DLH").category("SAMPAH").insert(),
                seed.complaint().at(lat + 0.0020, lng + 0.0020).status("CLOSED").opd("DPUPR").insert());
        // 0.3° away: a cell of its own even at zoom 10
        alone = seed.complaint().at(lat - 0.3, lng + 0.3).status("IN_PROGRESS").opd("DPUPR").category("DRAINASE").insert();
    }

    private static Map<String, Object> box(double south, double west, double north, double east) {
        return Map.of("south", south, "west", west, "north", north, "east", east);
    }

    private GraphQlTester.Response map(String token, Map<String, Object> box, int zoom, Map<String, Object> filter) {
        GraphQlTester.Request<?> request = operation(api().as(token), "ComplaintMap")
                .variable("box", box)
                .variable("zoom", zoom);
        return (filter == null ? request : request.variable("filter", filter)).execute();
    }

    private Map<String, Object> around(double halfSide) {
        return box(lat - halfSide, lng - halfSide, lat + halfSide, lng + halfSide);
    }

    private String operator() {
        return Seed.staffToken(db, tokens, "OPERATOR", null);
    }

    @Test
    void atALowZoomNearbyComplaintsCollapseIntoOneCluster() {
        GraphQlTester.Response response = map(operator(), around(0.5), 10, null);

        response.path("complaintMap.total").entity(Integer.class).isEqualTo(6);
        response.path("complaintMap.clusters").entityList(Object.class).hasSize(1);
        response.path("complaintMap.clusters[0].count").entity(Integer.class).isEqualTo(5);
        response.path("complaintMap.clusters[0].byStatus[*].status").entityList(String.class)
                .containsExactly("SUBMITTED", "DISPATCHED", "CLOSED");
        response.path("complaintMap.clusters[0].byStatus[*].count").entityList(Integer.class).containsExactly(2, 2, 1);
        response.path("complaintMap.clusters[0].lat").entity(Double.class).satisfies(v -> assertThat(v).isCloseTo(lat + 0.001, within(1e-9)));
        response.path("complaintMap.clusters[0].lng").entity(Double.class).satisfies(v -> assertThat(v).isCloseTo(lng + 0.001, within(1e-9)));
        double south = response.path("complaintMap.clusters[0].south").entity(Double.class).get();
        double north = response.path("complaintMap.clusters[0].north").entity(Double.class).get();
        double west = response.path("complaintMap.clusters[0].west").entity(Double.class).get();
        double east = response.path("complaintMap.clusters[0].east").entity(Double.class).get();
        assertThat(north - south).isCloseTo(CELL_Z10, within(1e-9));
        assertThat(east - west).isCloseTo(CELL_Z10, within(1e-9));
        assertThat(lat).isBetween(south, north);
        assertThat(lng).isBetween(west, east);

        // the lone complaint is a marker with its own fields
        response.path("complaintMap.markers").entityList(Object.class).hasSize(1);
        response.path("complaintMap.markers[0].complaintId").entity(String.class).isEqualTo(alone.id().toString());
        response.path("complaintMap.markers[0].trackingNumber").entity(String.class).isEqualTo(alone.trackingNumber());
        response.path("complaintMap.markers[0].status").entity(String.class).isEqualTo("IN_PROGRESS");
        response.path("complaintMap.markers[0].categoryCode").entity(String.class).isEqualTo("DRAINASE");
        response.path("complaintMap.markers[0].opdCode").entity(String.class).isEqualTo("DPUPR");
        response.path("complaintMap.markers[0].lat").entity(Double.class).isEqualTo(alone.lat());
        response.path("complaintMap.markers[0].lng").entity(Double.class).isEqualTo(alone.lng());
    }

    @Test
    void atAHighZoomTheyAreMarkers() {
        GraphQlTester.Response response = map(operator(), around(0.004), 18, null);

        response.path("complaintMap.total").entity(Integer.class).isEqualTo(5);
        response.path("complaintMap.clusters").entityList(Object.class).hasSize(0);
        assertThat(response.path("complaintMap.markers[*].complaintId").entityList(String.class).get())
                .containsExactlyInAnyOrderElementsOf(group.stream().map(c -> c.id().toString()).toList());
        response.path("complaintMap.markers[*].opdCode").entityList(String.class).contains("DPUPR", "DLH");
    }

    @Test
    void aBigBoxAtAHighZoomGetsBiggerCellsNotThousandsOfItems() {
        // 2° at zoom 16 would be 1,458 × 1,458 cells; the server falls back to zoom 10 (24 × 24)
        GraphQlTester.Response response = map(operator(), around(1.0), 16, null);

        response.path("complaintMap.total").entity(Integer.class).isEqualTo(6);
        response.path("complaintMap.clusters[*].count").entityList(Integer.class).containsExactly(5);
        response.path("complaintMap.markers").entityList(Object.class).hasSize(1);
        double south = response.path("complaintMap.clusters[0].south").entity(Double.class).get();
        double north = response.path("complaintMap.clusters[0].north").entity(Double.class).get();
        assertThat(north - south).isCloseTo(CELL_Z10, within(1e-9));
    }

    @Test
    void theFilterAppliesBeforeClustering() {
        GraphQlTester.Response closed = map(operator(), around(0.5), 10, Map.of("statuses", List.of("CLOSED")));
        closed.path("complaintMap.total").entity(Integer.class).isEqualTo(1);
        closed.path("complaintMap.clusters").entityList(Object.class).hasSize(0);
        closed.path("complaintMap.markers[*].complaintId").entityList(String.class).containsExactly(group.get(4).id().toString());

        map(operator(), around(0.5), 10, Map.of("categoryCodes", List.of("SAMPAH", "DRAINASE")))
                .path("complaintMap.markers").entityList(Object.class).hasSize(2);
    }

    @Test
    void anOpdSeesOnlyItsOwnComplaintsOnTheMap() {
        GraphQlTester.Response response = map(Seed.staffToken(db, tokens, "OPD_RESPONDER", "DPUPR"), around(0.5), 10, null);

        response.path("complaintMap.total").entity(Integer.class).isEqualTo(3);
        response.path("complaintMap.clusters[*].count").entityList(Integer.class).containsExactly(2);
        response.path("complaintMap.clusters[0].byStatus[*].status").entityList(String.class).containsExactly("DISPATCHED", "CLOSED");
        response.path("complaintMap.markers[*].complaintId").entityList(String.class).containsExactly(alone.id().toString());

        map(Seed.staffToken(db, tokens, "OPD_HEAD", "DPUPR"), around(0.5), 10, Map.of("opdCodes", List.of("DLH")))
                .path("complaintMap.total").entity(Integer.class).isEqualTo(0);
    }

    @Test
    void anEmptyBoxIsEmpty() {
        GraphQlTester.Response response = map(operator(), box(lat + 1, lng + 1, lat + 1.1, lng + 1.1), 12, null);
        response.path("complaintMap.total").entity(Integer.class).isEqualTo(0);
        response.path("complaintMap.clusters").entityList(Object.class).hasSize(0);
        response.path("complaintMap.markers").entityList(Object.class).hasSize(0);
    }

    @Test
    void aBadZoomOrBoxIsInvalidInput() {
        String operator = operator();
        OverviewErrors.hasCode(map(operator, around(0.5), 21, null), "INVALID_INPUT");
        OverviewErrors.hasCode(map(operator, around(0.5), -1, null), "INVALID_INPUT");
        OverviewErrors.hasCode(map(operator, box(lat + 0.1, lng, lat, lng + 0.1), 10, null), "INVALID_INPUT");
        OverviewErrors.hasCode(map(operator, box(lat, lng + 0.1, lat + 0.1, lng), 10, null), "INVALID_INPUT");
        OverviewErrors.hasCode(map(operator, box(lat, lng, lat, lng + 0.1), 10, null), "INVALID_INPUT");
        OverviewErrors.hasCode(map(operator, box(89.5, 0, 91, 1), 10, null), "INVALID_INPUT");
        OverviewErrors.hasCode(map(operator, box(0, 179, 1, 181), 10, null), "INVALID_INPUT");
    }

    @Test
    void othersAreTurnedAway() {
        OverviewErrors.hasCode(map(Seed.residentToken(db, tokens), around(0.5), 10, null), "FORBIDDEN");
        OverviewErrors.hasCode(operation(api().anonymous(), "ComplaintMap")
                .variable("box", around(0.5))
                .variable("zoom", 10)
                .execute(), "UNAUTHENTICATED");
    }
}
