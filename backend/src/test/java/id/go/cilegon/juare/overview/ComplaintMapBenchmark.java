package id.go.cilegon.juare.overview;

import id.go.cilegon.juare.auth.TokenService;
import id.go.cilegon.juare.graphql.OperationDocuments;
import id.go.cilegon.juare.support.IntegrationTest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
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
        String token = Seed.staffToken(tokens, "OPERATOR", null);

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

    /** 70 % scattered round the eight kecamatan centres, 30 % anywhere in the city's bounding box. */
    private void seed() {
        UUID resident = UUID.randomUUID();
        db.sql("""
                        INSERT INTO resident (id, nik_hash, nik_encrypted, nik_masked, phone_hash, phone_encrypted, phone_masked,
                                              name, created_at, updated_at)
                        VALUES (:id, decode(md5(CAST(:id AS text)), 'hex'), '\\x00', '3672••••', '\\x00', '\\x00', '+62•••', 'Bench', now(), now())""")
                .bind("id", resident)
                .then()
                .block();
        db.sql("""
                        WITH k AS (
                            SELECT row_number() OVER (ORDER BY code) - 1 AS idx, code, centroid_lat, centroid_lng FROM kecamatan
                        ),
                        s AS (
                            SELECT i, random() AS r1, random() AS r2, random() AS r3, random() AS r4,
                                   (ARRAY['SUBMITTED', 'DISPATCHED', 'IN_PROGRESS', 'RESOLVED', 'CLOSED', 'REJECTED', 'REOPENED'])
                                       [1 + (i / 8) % 7] AS status,
                                   now() - random() * interval '90 days' AS created
                            FROM generate_series(1, :n) AS i
                        )
                        INSERT INTO complaint (id, tracking_number, resident_id, client_request_id, category_code, description, lat, lng,
                                               kecamatan_code, kelurahan_code, confidential, status, opd_code, created_at, updated_at,
                                               dispatched_at, reply_due_at, fix_due_at, first_reply_at)
                        SELECT gen_random_uuid(), 'BEN-' || :run || '-' || s.i, :resident, 'bench-' || s.i,
                               (ARRAY['JALAN', 'DRAINASE', 'PJU', 'SAMPAH', 'POHON', 'LALIN', 'KETERTIBAN', 'LAINNYA'])[1 + s.i % 8],
                               'Keluhan untuk tolok ukur peta',
                               CASE WHEN s.i % 10 < 7 THEN k.centroid_lat + (s.r1 + s.r2 - 1) * 0.02 ELSE -6.08 + s.r1 * 0.2 END,
                               CASE WHEN s.i % 10 < 7 THEN k.centroid_lng + (s.r3 + s.r4 - 1) * 0.02 ELSE 105.92 + s.r3 * 0.17 END,
                               k.code, k.code || '.1001', false, s.status,
                               CASE WHEN s.status IN ('SUBMITTED', 'REJECTED') THEN NULL
                                    ELSE (ARRAY['DPUPR', 'DLH', 'DISHUB', 'DINKES', 'DINSOS', 'SATPOLPP', 'PERKIM'])[1 + (s.i / 56) % 7] END,
                               s.created, s.created,
                               s.created + interval '1 hour', s.created + interval '25 hours', s.created + interval '73 hours',
                               CASE WHEN s.i % 2 = 0 THEN s.created + interval '3 hours' END
                        FROM s JOIN k ON k.idx = s.i % 8""")
                .bind("n", COMPLAINTS)
                .bind("run", UUID.randomUUID().toString().substring(0, 8))
                .bind("resident", resident)
                .then()
                .block();
        db.sql("ANALYZE complaint").then().block();
    }

    private void measure(String token, String name, Map<String, Object> body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/graphql"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)))
                .build();
        String last = null;
        for (int i = 0; i < WARM_UP; i++) {
            last = http.send(request, HttpResponse.BodyHandlers.ofString()).body();
        }
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            last = http.send(request, HttpResponse.BodyHandlers.ofString()).body();
            millis.add((System.nanoTime() - start) / 1e6);
        }
        Collections.sort(millis);
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
                millis.get(RUNS / 2), millis.get((int) Math.ceil(RUNS * 0.95) - 1));
    }
}
