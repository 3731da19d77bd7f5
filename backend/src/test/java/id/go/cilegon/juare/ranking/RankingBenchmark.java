package id.go.cilegon.juare.ranking;

import id.go.cilegon.juare.auth.TokenService;
import id.go.cilegon.juare.demo.ComplaintSimulator;
import id.go.cilegon.juare.event.EventStream;
import id.go.cilegon.juare.graphql.OperationDocuments;
import id.go.cilegon.juare.overview.Seed;
import id.go.cilegon.juare.support.IntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Not a test: times opdRanking and opdScorecard over HTTP with 1,000,000 simulated complaints and their event log (a
 * year ending now, written by the simulator ten days at a time) in the embedded database: median and 95th percentile
 * of 10 runs after 3 to warm up. Tagged "benchmark", which the build excludes; run it alone, as it fills the database:
 * <pre>
 * ./mvnw -B -o -pl backend -am test -Dtest=RankingBenchmark -DexcludedGroups=none -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 */
@Tag("benchmark")
class RankingBenchmark extends IntegrationTest {

    private static final int COMPLAINTS = Integer.getInteger("juare.benchmark.complaints", 1_000_000);
    private static final int DAYS = 365;
    private static final int CHUNK_DAYS = 10;
    private static final int WARM_UP = 3;
    private static final int RUNS = 10;
    private static final ZoneId WIB = ZoneId.of("Asia/Jakarta");

    @Autowired ComplaintSimulator simulator;
    @Autowired TokenService tokens;
    @Autowired EventStream stream;
    @Autowired Clock clock;

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void rankingWithAMillionComplaints() throws Exception {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, WIB);
        // counts what this instance's event listener has delivered, to wait for it below
        AtomicLong delivered = new AtomicLong();
        Disposable watch = stream.live().subscribe(event -> delivered.set(event.id()), error -> { });
        long started = System.nanoTime();
        int complaints = 0;
        long events = 0;
        int perDay = COMPLAINTS / DAYS;
        for (int day = 0; day < DAYS; day += CHUNK_DAYS) {
            ComplaintSimulator.Simulation run = simulator.simulate(1000 + day, today.minusDays(DAYS - day),
                    Math.min(CHUNK_DAYS, DAYS - day), perDay, now).block(Duration.ofMinutes(30));
            complaints += run.complaints();
            events += run.events();
        }
        db.sql("ANALYZE").then().block();
        System.out.printf(Locale.ROOT, "%nSimulated %,d complaints with %,d events in %.1f s%n", complaints, events,
                (System.nanoTime() - started) / 1e9);
        awaitListener(delivered);
        watch.dispose();

        String mayor = Seed.staffToken(tokens, "MAYOR", null);
        YearMonth lastMonth = YearMonth.from(today).minusMonths(1);
        System.out.printf(Locale.ROOT, "%-44s %10s %10s %10s%n", "operation", "received", "median ms", "p95 ms");
        measure(mayor, "opdRanking TODAY", ranking(Map.of("kind", "TODAY")));
        measure(mayor, "opdRanking LAST_7_DAYS", ranking(Map.of("kind", "LAST_7_DAYS")));
        measure(mayor, "opdRanking LAST_30_DAYS", ranking(Map.of("kind", "LAST_30_DAYS")));
        measure(mayor, "opdRanking MONTH " + lastMonth, ranking(Map.of("kind", "MONTH", "month", lastMonth.toString())));
        measure(mayor, "opdRanking RANGE 365 days", ranking(Map.of("kind", "RANGE", "from", today.minusDays(364).toString(),
                "to", today.toString())));
        measure(mayor, "opdScorecard DPUPR LAST_30_DAYS + trend", Map.of("query", OperationDocuments.load("OpdScorecard"),
                "variables", Map.of("opdCode", "DPUPR", "period", Map.of("kind", "LAST_30_DAYS"))));
        measure(mayor, "drill-down DPUPR FIX_LATE 30 days, 50", Map.of("query", OperationDocuments.load("OpdScorecardComplaints"),
                "variables", Map.of("opdCode", "DPUPR", "period", Map.of("kind", "LAST_30_DAYS"), "metric", "FIX_LATE", "first", 50)));
        measure(mayor, "drill-down DPUPR OVERDUE_NOW, 50", Map.of("query", OperationDocuments.load("OpdScorecardComplaints"),
                "variables", Map.of("opdCode", "DPUPR", "period", Map.of("kind", "LAST_30_DAYS"), "metric", "OVERDUE_NOW", "first", 50)));
    }

    private static Map<String, Object> ranking(Map<String, Object> period) {
        return Map.of("query", OperationDocuments.load("OpdRanking"), "variables", Map.of("period", period));
    }

    /** The instance's listener reads every new event once; wait until it has, so that it does not share the CPU. */
    private void awaitListener(AtomicLong delivered) {
        long last = db.sql("SELECT max(id) FROM complaint_event").map(row -> row.get(0, Long.class)).one().block();
        long started = System.nanoTime();
        Flux.interval(Duration.ofSeconds(1))
                .filter(tick -> delivered.get() >= last)
                .next()
                .block(Duration.ofMinutes(30));
        System.out.printf(Locale.ROOT, "Listener caught up after %.1f s%n", (System.nanoTime() - started) / 1e9);
    }

    private void measure(String token, String name, Map<String, Object> body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/graphql"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token)
                .timeout(Duration.ofMinutes(5))
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
        if (data.isMissingNode() || data.isNull() || json.readTree(last).has("errors")) {
            throw new IllegalStateException(name + " failed: " + last);
        }
        int received = 0;
        for (JsonNode row : data.path("opdRanking").path("rows")) {
            received += row.path("figures").path("received").asInt();
        }
        if (data.has("opdScorecard")) {
            received = data.path("opdScorecard").path("figures").path("received").asInt();
        }
        System.out.printf(Locale.ROOT, "%-44s %10d %10.1f %10.1f%n", name, received, millis.get(RUNS / 2),
                millis.get((int) Math.ceil(RUNS * 0.95) - 1));
    }
}
