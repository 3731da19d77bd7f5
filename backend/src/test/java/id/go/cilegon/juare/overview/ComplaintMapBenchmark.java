package id.go.cilegon.juare.overview;

import id.go.cilegon.juare.auth.TokenService;
import id.go.cilegon.juare.demo.BulkComplaints;
import id.go.cilegon.juare.graphql.OperationDocuments;
import id.go.cilegon.juare.platform.PersonalDataCipher;
import id.go.cilegon.juare.support.IntegrationTest;
import id.go.cilegon.juare.support.Timed;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Not a test: times complaintMap and complaintCounts over HTTP with 100,000 complaints spread over Cilegon in the
 * embedded database (median and 95th percentile of 30 runs after 10 to warm up). Tagged "benchmark", which the
 * build excludes; run it alone, as it fills the database:
 * <pre>
 * ./mvnw -B -o -pl backend -am test -Dtest=ComplaintMapBenchmark -DexcludedGroups=none \
 *     -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 */
@Tag("benchmark")
class ComplaintMapBenchmark extends IntegrationTest {

    private static final int COMPLAINTS = 100_000;
    private static final int WARM_UP = 10;
    private static final int RUNS = 30;
    private static final Map<String, Object> CITY = box(-6.082, 105.92, -5.876, 106.09);
    /** About 550 m × 330 m in kecamatan Cilegon. */
    private static final Map<String, Object> STREET = box(-6.0441, 106.0374, -6.0411, 106.0424);

    @Autowired TokenService tokens;
    @Autowired PersonalDataCipher cipher;

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();

    private static Map<String, Object> box(double south, double west, double north, double east) {
        return Map.of("south", south, "west", west, "north", north, "east", east);
    }

    @Test
    void complaintMapAndCountsWith100kComplaints() throws Exception {
        long seeding = System.nanoTime();
        seed();
        System.out.printf(Locale.ROOT, "%nSeeded %,d complaints in %.1f s%n", COMPLAINTS, (System.nanoTime() - seeding) / 1e9);
        String token = Seed.staffToken(db, tokens, "OPERATOR", null);

        System.out.printf(Locale.ROOT, "%-32s %8s %8s %10s %10s%n", "operation", "items", "total", "median ms", "p95 ms");
        measure(token, "complaintMap city zoom 12", mapBody(CITY, 12));
        measure(token, "complaintMap city zoom 14", mapBody(CITY, 14));
        measure(token, "complaintMap city zoom 16", mapBody(CITY, 16));
        measure(token, "complaintMap street zoom 18", mapBody(STREET, 18));
        measure(token, "complaintCounts (no filter)", Map.of("query", OperationDocuments.load("ComplaintCounts")));
    }

    private Map<String, Object> mapBody(Map<String, Object> box, int zoom) {
        return Map.of("query", OperationDocuments.load("ComplaintMap"), "variables", Map.of("box", box, "zoom", zoom));
    }

    /** A resident of its own, and {@link BulkComplaints} (spread like real complaints). */
    private void seed() {
        UUID resident = Seed.with(db, cipher).residentId();
        BulkComplaints.insert(db, COMPLAINTS, resident).block();
    }

    private void measure(String token, String name, Map<String, Object> body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/graphql"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)))
                .build();
        Timed<String> timed = Timed.run(WARM_UP, RUNS, () -> http.send(request, HttpResponse.BodyHandlers.ofString()).body());
        String last = timed.last();
        JsonNode data = json.readTree(last).path("data");
        if (data.isMissingNode() || data.isNull()) {
            throw new IllegalStateException(name + " failed: " + last);
        }
        JsonNode map = data.path("complaintMap");
        String items = map.isMissingNode()
                ? "-"
                : Integer.toString(map.path("clusters").size() + map.path("markers").size());
        int total = map.isMissingNode() ? data.path("complaintCounts").path("total").asInt() : map.path("total").asInt();
        System.out.printf(Locale.ROOT, "%-32s %8s %8d %10.1f %10.1f%n", name, items, total,
                timed.median(), timed.p95());
    }
}
