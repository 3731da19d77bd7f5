package id.go.cilegon.juare.report;

import id.go.cilegon.juare.demo.ComplaintSimulator;
import id.go.cilegon.juare.graphql.OperationDocuments;
import id.go.cilegon.juare.support.IntegrationTest;
import id.go.cilegon.juare.support.Timed;
import id.go.cilegon.juare.support.Staff;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Not a test: times making a daily report (regenerateDailyReport over HTTP: every query, the ranking of 30 days, the
 * PDF and the CSV, storing) with 100,000 simulated complaints and their event log (60 days ending now), median and
 * 95th percentile of 10 runs after 3 to warm up, and the download of its PDF. Tagged "benchmark"; run it alone:
 * <pre>
 * ./mvnw -B -o -pl graphql,backend test -Dtest=ReportBenchmark -DexcludedGroups=none -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 */
@Tag("benchmark")
class ReportBenchmark extends IntegrationTest {

    private static final int COMPLAINTS = Integer.getInteger("juare.benchmark.complaints", 100_000);
    private static final int DAYS = 60;
    private static final int CHUNK_DAYS = 10;
    private static final int WARM_UP = 3;
    private static final int RUNS = 10;
    private static final ZoneId WIB = ZoneId.of("Asia/Jakarta");
    /**
     * With -Djuare.benchmark.reuse=true and a kept database (spring.r2dbc.url and spring.flyway.url pointing at a
     * PostgreSQL of one's own), a run finds the complaints of an earlier run (of the same day) and simulates nothing.
     */
    private static final boolean REUSE = Boolean.getBoolean("juare.benchmark.reuse");

    @Autowired ComplaintSimulator simulator;
    @Autowired Clock clock;

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void dailyReportOverAHundredThousandComplaints() throws Exception {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, WIB);
        long started = System.nanoTime();
        long complaints = count("SELECT count(*) AS n FROM complaint");
        if (REUSE && complaints >= COMPLAINTS * 9L / 10) {
            System.out.printf(Locale.ROOT, "%nReusing the database's %,d complaints with %,d events%n", complaints,
                    count("SELECT count(*) AS n FROM complaint_event"));
        } else {
            complaints = 0;
            long events = 0;
            for (int day = 0; day < DAYS; day += CHUNK_DAYS) {
                ComplaintSimulator.Simulation run = simulator.simulate(2000 + day, today.minusDays(DAYS - day),
                        Math.min(CHUNK_DAYS, DAYS - day), COMPLAINTS / DAYS, now).block(Duration.ofMinutes(30));
                complaints += run.complaints();
                events += run.events();
            }
            System.out.printf(Locale.ROOT, "%nSimulated %,d complaints with %,d events in %.1f s%n", complaints, events,
                    (System.nanoTime() - started) / 1e9);
        }
        db.sql("ANALYZE").then().block();

        String admin = new Staff(api()).adminToken();
        LocalDate yesterday = today.minusDays(1);
        String body = json.writeValueAsString(Map.of("query", OperationDocuments.load("RegenerateDailyReport"),
                "variables", Map.of("input", Map.of("day", yesterday.toString()))));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/graphql"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + admin)
                .timeout(Duration.ofMinutes(5))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        Timed<String> timed = Timed.run(WARM_UP, RUNS, () -> http.send(request, HttpResponse.BodyHandlers.ofString()).body());
        String last = timed.last();
        JsonNode report = json.readTree(last).path("data").path("regenerateDailyReport").path("report");
        if (report.isMissingNode() || report.isNull()) {
            throw new IllegalStateException("regenerateDailyReport failed: " + last);
        }
        JsonNode totals = report.path("totals");
        System.out.printf(Locale.ROOT, "Report of %s: received %d, handled %d, not handled %d, overdue %d, awaiting dispatch %d, "
                        + "%d OPDs, PDF %,d bytes, CSV %,d bytes%n", yesterday, totals.path("received").asInt(), totals.path("handled").asInt(),
                totals.path("notHandled").asInt(), totals.path("overdue").asInt(), report.path("awaitingDispatch").asInt(),
                report.path("opds").size(), report.path("pdfBytes").asInt(), report.path("csvBytes").asInt());
        System.out.printf(Locale.ROOT, "%-44s %10s %10s%n", "operation", "median ms", "p95 ms");
        System.out.printf(Locale.ROOT, "%-44s %10.1f %10.1f%n", "regenerateDailyReport (yesterday)", timed.median(), timed.p95());

        HttpRequest pdf = HttpRequest.newBuilder(URI.create("http://localhost:" + port + report.path("pdfPath").asString()))
                .header("Authorization", "Bearer " + admin)
                .GET()
                .build();
        List<Double> downloads = new ArrayList<>();
        for (int i = 0; i < WARM_UP + RUNS; i++) {
            long start = System.nanoTime();
            http.send(pdf, HttpResponse.BodyHandlers.ofByteArray());
            if (i >= WARM_UP) {
                downloads.add((System.nanoTime() - start) / 1e6);
            }
        }
        Collections.sort(downloads);
        System.out.printf(Locale.ROOT, "%-44s %10.1f %10.1f%n", "GET " + report.path("pdfPath").asString(), downloads.get(RUNS / 2),
                downloads.get((int) Math.ceil(RUNS * 0.95) - 1));
    }

    private long count(String sql) {
        return db.sql(sql).map(row -> row.get("n", Long.class)).one().block();
    }
}
