package id.go.cilegon.juare.ranking;

import id.go.cilegon.juare.auth.TokenService;
import id.go.cilegon.juare.demo.ComplaintSimulator;
import id.go.cilegon.juare.event.EventStream;
import id.go.cilegon.juare.graphql.Lifecycle;
import id.go.cilegon.juare.graphql.OperationDocuments;
import id.go.cilegon.juare.overview.Seed;
import id.go.cilegon.juare.support.IntegrationTest;
import id.go.cilegon.juare.support.Timed;
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
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Not a test: times opdRanking, opdScorecard, the drill-down and the ranking as of an instant (the daily report's) with
 * 1,000,000 complaints and their event log in the embedded database: median and 95th percentile of 10 runs after 3 to
 * warm up. Tagged "benchmark", which the build excludes; run it alone, as it fills the database (docs/benchmarks/ranking.md):
 * <pre>
 * ./mvnw -B -o -q -pl graphql,backend test -Dtest=RankingBenchmark -DexcludedGroups=none -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 * Simulating a million complaints takes about 40 minutes here, so the simulator writes {@code juare.benchmark.complaints}
 * (default 100,000) over a year ending now, and SQL multiplies them {@code juare.benchmark.copies} times (default 10):
 * every complaint and its events again, with fresh complaint ids, tracking numbers and event ids, the same times, so the
 * same shape ten times as dense. The copies' summary rows are copied too, except for one copy written through the
 * summary's trigger, to time it against one without. Before that, a month is simulated without and one with the
 * trigger, to time the write path as the simulator (through EventLog.appendAllAt) sees it.
 */
@Tag("benchmark")
class RankingBenchmark extends IntegrationTest {

    private static final int COMPLAINTS = Integer.getInteger("juare.benchmark.complaints", 100_000);
    private static final int COPIES = Integer.getInteger("juare.benchmark.copies", 10);
    // false: measure only, on data a previous run left in an external database (spring.r2dbc.url), for A/B runs
    private static final boolean SEED = Boolean.parseBoolean(System.getProperty("juare.benchmark.seed", "true"));
    private static final int DAYS = 365;
    private static final int CHUNK_DAYS = 10;
    private static final int WARM_UP = 3;
    private static final int RUNS = 10;
    private static final ZoneId WIB = ZoneId.of("Asia/Jakarta");

    @Autowired ComplaintSimulator simulator;
    @Autowired TokenService tokens;
    @Autowired EventStream stream;
    @Autowired RankingHistory history;
    @Autowired Clock clock;
    @Autowired TransactionalOperator tx;

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void rankingWithAMillionComplaints() throws Exception {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, WIB);
        int perDay = COMPLAINTS / DAYS;
        // counts what this instance's event listener has delivered, to wait for it below
        AtomicLong delivered = new AtomicLong();
        Disposable watch = stream.live().subscribe(event -> delivered.set(event.id()), error -> { });
        if (SEED) {
            seed(now, today, perDay, delivered);
        }
        watch.dispose();
        measureAll(today);
    }

    private void seed(Instant now, LocalDate today, int perDay, AtomicLong delivered) {
        // the write path: a month of the simulator without the summary's trigger, then one with it (two years ago),
        // after one to warm up
        LocalDate monthStart = today.minusDays(2 * DAYS);
        simulator.simulate(6, monthStart.minusDays(30), 30, perDay, now).block(Duration.ofMinutes(30));
        double without = simulateTimed("simulator, 30 days, trigger off", () -> {
            sql("ALTER TABLE complaint_event DISABLE TRIGGER opd_assignment_apply");
            try {
                return simulator.simulate(7, monthStart, 30, perDay, now).block(Duration.ofMinutes(30));
            } finally {
                sql("ALTER TABLE complaint_event ENABLE TRIGGER opd_assignment_apply");
            }
        });
        double with = simulateTimed("simulator, 30 days, trigger on", () ->
                simulator.simulate(8, monthStart.plusDays(30), 30, perDay, now).block(Duration.ofMinutes(30)));
        System.out.printf(Locale.ROOT, "Trigger cost in the simulator: %+.1f %%%n", 100 * (with - without) / without);

        long started = System.nanoTime();
        int complaints = 0;
        long events = 0;
        for (int day = 0; day < DAYS; day += CHUNK_DAYS) {
            ComplaintSimulator.Simulation run = simulator.simulate(1000 + day, today.minusDays(DAYS - day),
                    Math.min(CHUNK_DAYS, DAYS - day), perDay, now).block(Duration.ofMinutes(30));
            complaints += run.complaints();
            events += run.events();
        }
        System.out.printf(Locale.ROOT, "%nSimulated %,d complaints with %,d events over %d days in %.1f s%n", complaints, events, DAYS,
                (System.nanoTime() - started) / 1e9);
        // the month written without the trigger is missing from the summary: rebuilt from the log, as a threshold change would
        started = System.nanoTime();
        sql("SELECT opd_assignment_fill(15)");
        sql("ANALYZE opd_assignment");
        System.out.printf(Locale.ROOT, "Summary rebuilt from the log (%,d events) in %.1f s%n", count("SELECT count(*) FROM complaint_event"),
                (System.nanoTime() - started) / 1e9);
        multiply();
        sql("ANALYZE");
        System.out.printf(Locale.ROOT, "Now %,d complaints, %,d events, %,d assignments%n", count("SELECT count(*) FROM complaint"),
                count("SELECT count(*) FROM complaint_event"), count("SELECT count(*) FROM opd_assignment"));
        System.out.printf(Locale.ROOT, "Open now (DISPATCHED, IN_PROGRESS, REOPENED): %,d complaints%n",
                count("SELECT count(*) FROM complaint WHERE status IN (" + Lifecycle.sqlList(Lifecycle.AT_OPD) + ")"));
        awaitListener(delivered);
    }

    private void measureAll(LocalDate today) throws Exception {
        String mayor = Seed.staffToken(db, tokens, "MAYOR", null);
        YearMonth lastMonth = YearMonth.from(today).minusMonths(1);
        System.out.printf(Locale.ROOT, "%-48s %10s %10s %10s%n", "operation", "received", "median ms", "p95 ms");
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
        // the daily report's ranking as of its cut-off: still from the event log (exact for any instant)
        Instant midnight = today.atStartOfDay(WIB).toInstant();
        if (!Boolean.parseBoolean(System.getProperty("juare.benchmark.as-of", "true"))) {
            return;
        }
        measureAsOf("as-of standings 1 day (report)", today.minusDays(1), today.minusDays(1), midnight, WARM_UP, RUNS);
        measureAsOf("as-of standings 30 days (report)", today.minusDays(30), today.minusDays(1), midnight, WARM_UP, RUNS);
        // the old live path for comparison: the same event-log derivation with now as the instant
        if (!Boolean.parseBoolean(System.getProperty("juare.benchmark.event-log", "true"))) {
            return;
        }
        measureAsOf("event-log path 30 days (before)", today.minusDays(29), today, clock.instant(), 1, 3);
        measureAsOf("event-log path 365 days (before)", today.minusDays(364), today, clock.instant(), 1, 3);
    }

    private double simulateTimed(String name, java.util.function.Supplier<ComplaintSimulator.Simulation> run) {
        long started = System.nanoTime();
        ComplaintSimulator.Simulation simulation = run.get();
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf(Locale.ROOT, "%s: %,d complaints, %,d events in %.1f s (%.0f µs per event)%n", name,
                simulation.complaints(), simulation.events(), seconds, seconds * 1e6 / simulation.events());
        return seconds / simulation.events();
    }

    /**
     * Every complaint and event again, COPIES - 1 times: fresh ids (event ids shifted by the log's length, so they stay
     * gap-free and in each complaint's order), the same times. The id and notify triggers are off for the copies (ids
     * are given; the listener is woken once at the end). Copy 1 goes through the summary's trigger; the others copy
     * the summary rows as well, and copy 2 times the same insert without the trigger.
     */
    private void multiply() {
        long length = count("SELECT max(id) FROM complaint_event");
        String columns = db.sql("SELECT string_agg(column_name, ', ' ORDER BY ordinal_position) FROM information_schema.columns"
                        + " WHERE table_name = 'complaint' AND table_schema = current_schema()")
                .map(row -> row.get(0, String.class)).one().block();
        // the copy's values, column by column
        String copied = java.util.Arrays.stream(columns.split(", "))
                .map(column -> switch (column) {
                    case "id" -> "m.new_id";
                    case "tracking_number", "client_request_id" -> "c." + column + " || '~' || :k";
                    case "duplicate_of" -> "dm.new_id";
                    default -> "c." + column;
                })
                .collect(java.util.stream.Collectors.joining(", "));
        sql("CREATE TABLE bench_base AS SELECT id AS old_id FROM complaint");
        for (int k = 1; k < COPIES; k++) {
            boolean throughTrigger = k == 1;
            long started = System.nanoTime();
            int copy = k;
            db.sql("DROP TABLE IF EXISTS bench_map").then()
                    .then(db.sql("CREATE TABLE bench_map AS SELECT old_id, gen_random_uuid() AS new_id FROM bench_base").then())
                    .then(db.sql("CREATE UNIQUE INDEX ON bench_map (old_id)").then())
                    .then(db.sql("INSERT INTO complaint (" + columns + ") SELECT " + copied + " FROM complaint c JOIN bench_map m ON m.old_id = c.id LEFT JOIN bench_map dm ON dm.old_id = c.duplicate_of")
                            .bind("k", String.valueOf(copy)).then())
                    .as(tx::transactional)
                    .block(Duration.ofMinutes(30));
            long eventsStarted = System.nanoTime();
            Mono<Void> events = db.sql("ALTER TABLE complaint_event DISABLE TRIGGER complaint_event_id, DISABLE TRIGGER complaint_event_notify"
                            + (throughTrigger ? "" : ", DISABLE TRIGGER opd_assignment_apply")).then()
                    .then(db.sql("""
                                    EXPLAIN (ANALYZE)
                                    INSERT INTO complaint_event (id, complaint_id, type, actor_type, actor_id, occurred_at, status, resident_id,
                                                                 opd_code, kecamatan_code, category_code, visible_to_resident, payload)
                                    SELECT e.id + :shift, m.new_id, e.type, e.actor_type, e.actor_id, e.occurred_at, e.status, e.resident_id,
                                           e.opd_code, e.kecamatan_code, e.category_code, e.visible_to_resident, e.payload
                                    FROM complaint_event e JOIN bench_map m ON m.old_id = e.complaint_id
                                    WHERE e.id <= :length
                                    ORDER BY e.id""")
                            .bind("shift", copy * length).bind("length", length)
                            .map(row -> row.get(0, String.class))
                            .all()
                            // the time spent in each trigger, as PostgreSQL measured it
                            .filter(line -> line.startsWith("Trigger") || line.startsWith("Execution Time"))
                            .doOnNext(line -> System.out.printf(Locale.ROOT, "  copy %d: %s%n", copy, line))
                            .then())
                    .then(db.sql("ALTER TABLE complaint_event ENABLE TRIGGER complaint_event_id, ENABLE TRIGGER complaint_event_notify,"
                            + " ENABLE TRIGGER opd_assignment_apply").then());
            db.sql("SELECT 1").then().then(events).as(tx::transactional).block(Duration.ofMinutes(60));
            double eventSeconds = (System.nanoTime() - eventsStarted) / 1e9;
            long summaryStarted = System.nanoTime();
            if (!throughTrigger) {
                db.sql("""
                                INSERT INTO opd_assignment (start_id, complaint_id, opd_code, received_at, reply_due, fix_due, end_id, ended_at,
                                                            misrouted_away, first_reply_at, resolutions, disputes, last_resolved_id,
                                                            last_disputed_id, last_resolved_at, rating, closed, auto_closed,
                                                            last_closed_id, verified)
                                SELECT a.start_id + :shift, m.new_id, a.opd_code, a.received_at, a.reply_due, a.fix_due, a.end_id + :shift,
                                       a.ended_at, a.misrouted_away, a.first_reply_at, a.resolutions, a.disputes, a.last_resolved_id + :shift,
                                       a.last_disputed_id + :shift, a.last_resolved_at, a.rating, a.closed, a.auto_closed,
                                       a.last_closed_id + :shift, a.verified
                                FROM opd_assignment a JOIN bench_map m ON m.old_id = a.complaint_id
                                WHERE a.start_id <= :length""")
                        .bind("shift", copy * length).bind("length", length).then().block(Duration.ofMinutes(30));
            }
            sql("UPDATE event_counter SET last_id = " + (copy + 1) * length);
            System.out.printf(Locale.ROOT, "Copy %d: complaints %.1f s, %,d events %s in %.1f s (%.1f µs per event)%s%n", copy,
                    (eventsStarted - started) / 1e9, length, throughTrigger ? "through the summary's trigger" : "without it", eventSeconds,
                    eventSeconds * 1e6 / length,
                    throughTrigger ? "" : String.format(Locale.ROOT, ", summary rows copied in %.1f s", (System.nanoTime() - summaryStarted) / 1e9));
        }
        sql("DROP TABLE bench_map");
        sql("DROP TABLE bench_base");
        // wakes the listener, which reads every copied event once
        sql("SELECT pg_notify('juare_events', 'copies')");
    }

    private void sql(String statement) {
        db.sql(statement).then().block(Duration.ofMinutes(30));
    }

    private long count(String query) {
        return db.sql(query).map(row -> row.get(0, Long.class)).one().block(Duration.ofMinutes(30));
    }

    private void measureAsOf(String name, LocalDate first, LocalDate last, Instant asOf, int warmUp, int runs) throws Exception {
        Timed<List<OpdStanding>> timed = Timed.run(warmUp, runs, () -> history.standings(first, last, asOf).block(Duration.ofMinutes(10)));
        int received = timed.last().stream().mapToInt(OpdStanding::received).sum();
        System.out.printf(Locale.ROOT, "%-48s %10d %10.1f %10.1f%n", name, received, timed.median(), timed.p95());
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
        Timed<String> timed = Timed.run(WARM_UP, RUNS, () -> http.send(request, HttpResponse.BodyHandlers.ofString()).body());
        String last = timed.last();
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
        System.out.printf(Locale.ROOT, "%-48s %10d %10.1f %10.1f%n", name, received, timed.median(), timed.p95());
    }
}
