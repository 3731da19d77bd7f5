package id.go.cilegon.juare.overview.internal;

import id.go.cilegon.juare.auth.TokenService;
import id.go.cilegon.juare.complaint.ComplaintFilter;
import id.go.cilegon.juare.complaint.ComplaintScope;
import id.go.cilegon.juare.complaint.OverdueFilter;
import id.go.cilegon.juare.demo.ComplaintSimulator;
import id.go.cilegon.juare.event.EventStream;
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
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Not a test: complaintCounts and the ranking's "open now" as the complaint table grows (ADR 0037,
 * docs/benchmarks/counts.md). The simulator writes {@code juare.benchmark.complaints} (default 10,000) complaints with
 * their events over a year ending now; SQL then copies them (fresh ids, the same times, RankingBenchmark's way) up to
 * each multiple in {@code juare.benchmark.steps} (default 1,10,100), and at each size it measures, one after the other
 * in alternation (A/B/A/B, medians of {@code RUNS}): the counts from the complaint rows (before, what main runs) and
 * from the summaries (after); the ranking's open now checked per query (before) and kept per change (after); then over
 * HTTP what a client sees now. Last, the write path: single-row changes with the new triggers on and off, alternating.
 * {@code -Djuare.benchmark.write-path=false} skips the write path; {@code -Djuare.benchmark.explain=true} prints the
 * summary statement's plan (EXPLAIN ANALYZE) after each count. Tagged "benchmark", which the build excludes; it fills
 * the database, so run it alone:
 * <pre>
 * ./mvnw -B -o -q -pl graphql,backend verify -Dtest=CountsBenchmark -DexcludedGroups=none \
 *     -Dsurefire.failIfNoSpecifiedTests=false -Djuare.benchmark.complaints=10000 -Djuare.benchmark.steps=1,10,100
 * </pre>
 */
@Tag("benchmark")
class CountsBenchmark extends IntegrationTest {

    private static final int COMPLAINTS = Integer.getInteger("juare.benchmark.complaints", 10_000);
    private static final List<Integer> STEPS = Arrays.stream(System.getProperty("juare.benchmark.steps", "1,10,100").split(","))
            .map(String::trim).map(Integer::valueOf).toList();
    private static final int DAYS = 365;
    private static final int CHUNK_DAYS = 10;
    private static final int WARM_UP = 3;
    private static final int RUNS = 15;
    private static final ZoneId WIB = ZoneId.of("Asia/Jakarta");

    /** The ranking's open-now query before V15_2, as main runs it. */
    private static final String OPEN_NOW_BEFORE = """
            SELECT c.opd_code, count(*) AS open_now,
                   count(*) FILTER (WHERE ((c.first_reply_at IS NULL AND c.reply_due_at < :now) OR c.fix_due_at < :now)) AS overdue_now
            FROM complaint c
            WHERE c.status IN ('DISPATCHED', 'IN_PROGRESS', 'REOPENED') AND c.opd_code IS NOT NULL
              AND (SELECT true FROM opd_assignment r WHERE r.complaint_id = c.id AND r.end_id IS NULL LIMIT 1)
            GROUP BY c.opd_code""";
    private static final String OPEN_NOW_AFTER = """
            SELECT o.opd_code, count(*) AS open_now, count(*) FILTER (WHERE o.overdue_at < :now) AS overdue_now
            FROM opd_open_complaint o
            GROUP BY o.opd_code""";
    private static final String TRIGGERS_ON_COMPLAINT =
            "complaint_tally_insert, %1$s TRIGGER complaint_tally_update, %1$s TRIGGER complaint_tally_delete, "
                    + "%1$s TRIGGER opd_open_insert, %1$s TRIGGER opd_open_update, %1$s TRIGGER opd_open_delete";

    @Autowired ComplaintSimulator simulator;
    @Autowired ComplaintCountsRepository counts;
    @Autowired ComplaintTallyCompaction compaction;
    @Autowired TokenService tokens;
    @Autowired EventStream stream;
    @Autowired Clock clock;
    @Autowired TransactionalOperator tx;

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();
    private final AtomicLong delivered = new AtomicLong();

    @Test
    void countsAsTheTableGrows() throws Exception {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, WIB);
        Disposable watch = stream.live().subscribe(event -> delivered.set(event.id()), error -> { });
        long started = System.nanoTime();
        int perDay = Math.max(1, COMPLAINTS / DAYS);
        for (int day = 0; day < DAYS; day += CHUNK_DAYS) {
            simulator.simulate(3000 + day, today.minusDays(DAYS - day), Math.min(CHUNK_DAYS, DAYS - day), perDay, now)
                    .block(Duration.ofMinutes(30));
        }
        System.out.printf(Locale.ROOT, "%nSimulated %,d complaints in %.1f s; load %s%n", count("SELECT count(*) FROM complaint"),
                (System.nanoTime() - started) / 1e9, load());
        sql("CREATE TABLE bench_base AS SELECT id AS old_id FROM complaint");
        long length = count("SELECT max(id) FROM complaint_event");
        int copies = 1;
        for (int step : STEPS) {
            while (copies < step) {
                copy(copies, length);
                copies++;
            }
            compaction.compact().block();
            sql("VACUUM ANALYZE");
            sql("SELECT pg_notify('juare_events', 'copies')");
            awaitListener();
            // fresh tokens at each size: a long run outlives one
            measureAt(now, Seed.staffToken(db, tokens, "OPERATOR", null), Seed.staffToken(db, tokens, "MAYOR", null), today);
        }
        sql("DROP TABLE bench_base");
        if (Boolean.parseBoolean(System.getProperty("juare.benchmark.write-path", "true"))) {
            writePath();
        }
        watch.dispose();
    }

    private void measureAt(Instant started, String operator, String mayor, LocalDate today) throws Exception {
        System.out.printf(Locale.ROOT, "%n== %,d complaints, %,d events, %,d assignments, %,d open at an OPD, %,d tally rows, "
                        + "%,d due-tally rows, %,d open-now rows; load %s%n",
                count("SELECT count(*) FROM complaint"), count("SELECT count(*) FROM complaint_event"),
                count("SELECT count(*) FROM opd_assignment"),
                count("SELECT count(*) FROM complaint WHERE status IN ('DISPATCHED', 'IN_PROGRESS', 'REOPENED')"),
                count("SELECT count(*) FROM complaint_tally"), count("SELECT count(*) FROM complaint_due_tally"),
                count("SELECT count(*) FROM opd_open_complaint"), load());
        Instant now = clock.instant();
        Instant midnight = today.atStartOfDay(WIB).toInstant();
        ComplaintFilter thirtyDays = new ComplaintFilter(null, null, null, null, today.minusDays(29).atStartOfDay(WIB).toInstant(),
                null, null);
        ComplaintFilter todayOnly = new ComplaintFilter(null, null, null, null, midnight, null, null);
        System.out.printf(Locale.ROOT, "%-44s %12s %12s %12s %12s %8s%n", "A/B (same run, alternating)", "before med",
                "before p95", "after med", "after p95", "equal");
        abCounts("counts: no filter", ComplaintScope.EVERYTHING, now);
        abCounts("counts: filed today", ComplaintScope.of(staff("OPERATOR", null), todayOnly, now), now);
        abCounts("counts: filed in the last 30 days", ComplaintScope.of(staff("OPERATOR", null), thirtyDays, now), now);
        abCounts("counts: OPD staff (DPUPR), no filter", ComplaintScope.of(staff("OPD_RESPONDER", "DPUPR"), null, now), now);
        ComplaintFilter overdue = new ComplaintFilter(null, null, null, null, null, null, OverdueFilter.ANY);
        abCounts("counts: overdue (any)", ComplaintScope.of(staff("OPERATOR", null), overdue, now), now);
        abCounts("counts: OPD staff (DPUPR), overdue (fix)", ComplaintScope.of(staff("OPD_RESPONDER", "DPUPR"),
                new ComplaintFilter(null, null, null, null, null, null, OverdueFilter.FIX), now), now);
        abCounts("counts: last 30 days, overdue (any)", ComplaintScope.of(staff("OPERATOR", null),
                new ComplaintFilter(null, null, null, null, thirtyDays.from(), null, OverdueFilter.ANY), now), now);
        abCounts("counts: 30 days to yesterday 13:00 WIB", ComplaintScope.of(staff("OPERATOR", null),
                new ComplaintFilter(null, null, null, null, thirtyDays.from(), midnight.minusSeconds(11 * 3600), null), now), now);
        ab("ranking open now, all OPDs", () -> rows(OPEN_NOW_BEFORE, now), () -> rows(OPEN_NOW_AFTER, now));
        Instant since = now.minus(ComplaintCountsController.MEDIAN_REPLY_WINDOW);
        ab("median reply per OPD, 30 days (twice the same)",
                () -> counts.medianReplySeconds(ComplaintScope.EVERYTHING, since).collectList().block(),
                () -> counts.medianReplySeconds(ComplaintScope.EVERYTHING, since).collectList().block());
        if (Boolean.getBoolean("juare.benchmark.explain")) {
            db.sql("EXPLAIN (ANALYZE, BUFFERS) " + ComplaintCountsRepository.medianStatement(ComplaintScope.EVERYTHING))
                    .bind("since", since).map(row -> row.get(0, String.class)).all()
                    .doOnNext(line -> System.out.println("    | " + line)).blockLast();
        }

        System.out.printf(Locale.ROOT, "%-44s %12s %12s %12s%n", "over HTTP (after)", "total", "median ms", "p95 ms");
        http(operator, "complaintCounts (no filter)", Map.of("query", OperationDocuments.load("ComplaintCounts")));
        http(operator, "complaintCounts (overdue)", Map.of("query", OperationDocuments.load("ComplaintCounts"),
                "variables", Map.of("filter", Map.of("overdue", "ANY"))));
        http(operator, "complaintCounts (filed today)", Map.of("query", OperationDocuments.load("ComplaintCounts"),
                "variables", Map.of("filter", Map.of("from", midnight.toString()))));
        http(operator, "complaintCounts (last 30 days)", Map.of("query", OperationDocuments.load("ComplaintCounts"),
                "variables", Map.of("filter", Map.of("from", today.minusDays(29).atStartOfDay(WIB).toInstant().toString()))));
        http(operator, "CommandCentreOverview (with medians)", Map.of("query", OperationDocuments.load("CommandCentreOverview"),
                "variables", Map.of("today", Map.of("from", midnight.toString()))));
        http(mayor, "opdRanking LAST_30_DAYS", ranking(Map.of("kind", "LAST_30_DAYS")));
        http(mayor, "opdRanking RANGE 365 days", ranking(Map.of("kind", "RANGE", "from", today.minusDays(364).toString(),
                "to", today.toString())));
    }

    private static id.go.cilegon.juare.auth.Caller staff(String role, String opd) {
        return new id.go.cilegon.juare.auth.Caller(id.go.cilegon.juare.auth.Caller.Kind.STAFF, UUID.randomUUID(),
                java.util.Set.of(role), opd);
    }

    private void abCounts(String name, ComplaintScope scope, Instant now) throws Exception {
        ab(name, () -> sorted(counts.countRowsDirect(scope, now).collectList().block()),
                () -> sorted(counts.countRowsFromSummary(scope, now).collectList().block()));
        if (Boolean.getBoolean("juare.benchmark.explain")) {
            ComplaintCountsRepository.SummaryQuery query = counts.summaryQuery(scope, now);
            scope.bindTo(query.bindTo(db.sql("EXPLAIN (ANALYZE, BUFFERS) " + query.sql())))
                    .map(row -> row.get(0, String.class)).all()
                    .doOnNext(line -> System.out.println("    | " + line)).blockLast();
        }
    }

    private static List<String> sorted(List<?> rows) {
        return rows.stream().map(Object::toString).sorted().toList();
    }

    private List<String> rows(String sql, Instant now) {
        return db.sql(sql).bind("now", now)
                .map(row -> row.get("opd_code", String.class) + "=" + row.get("open_now", Long.class) + "/"
                        + row.get("overdue_now", Long.class))
                .all().collectList().block().stream().sorted().toList();
    }

    /** A and B alternately (B first every other round), after WARM_UP of each; and whether their answers agree. */
    private <T> void ab(String name, Callable<T> before, Callable<T> after) throws Exception {
        for (int i = 0; i < WARM_UP; i++) {
            before.call();
            after.call();
        }
        List<Double> a = new ArrayList<>();
        List<Double> b = new ArrayList<>();
        T lastA = null;
        T lastB = null;
        for (int i = 0; i < RUNS; i++) {
            for (int side = 0; side < 2; side++) {
                boolean first = (side == 0) == (i % 2 == 0);
                long start = System.nanoTime();
                if (first) {
                    lastA = before.call();
                    a.add((System.nanoTime() - start) / 1e6);
                } else {
                    lastB = after.call();
                    b.add((System.nanoTime() - start) / 1e6);
                }
            }
        }
        Collections.sort(a);
        Collections.sort(b);
        System.out.printf(Locale.ROOT, "%-44s %12.1f %12.1f %12.1f %12.1f %8s%n", name, a.get(a.size() / 2),
                a.get((int) Math.ceil(a.size() * 0.95) - 1), b.get(b.size() / 2), b.get((int) Math.ceil(b.size() * 0.95) - 1),
                String.valueOf(lastA != null && lastA.equals(lastB)));
    }

    /**
     * The write path: pairs of single-row changes (each its own transaction, autocommit) with the new triggers on
     * and off, alternating in blocks: a complaint at an OPD to IN_PROGRESS and back; a new complaint and its removal;
     * an update of a running assignment (every event makes one).
     */
    private void writePath() {
        List<UUID> atOpd = db.sql("SELECT id FROM complaint WHERE status = 'DISPATCHED' ORDER BY id LIMIT 300")
                .map(row -> row.get(0, UUID.class)).all().collectList().block();
        List<Long> running = db.sql("SELECT start_id FROM opd_assignment WHERE end_id IS NULL ORDER BY start_id LIMIT 300")
                .map(row -> row.get(0, Long.class)).all().collectList().block();
        UUID anyComplaint = atOpd.getFirst();
        List<Double> updOn = new ArrayList<>();
        List<Double> updOff = new ArrayList<>();
        List<Double> insOn = new ArrayList<>();
        List<Double> insOff = new ArrayList<>();
        List<Double> asgOn = new ArrayList<>();
        List<Double> asgOff = new ArrayList<>();
        for (int round = 0; round < 6; round++) {
            boolean on = round % 2 == 1;
            triggers(on);
            for (UUID id : atOpd) {
                long start = System.nanoTime();
                sql("UPDATE complaint SET status = 'IN_PROGRESS' WHERE id = '" + id + "'");
                sql("UPDATE complaint SET status = 'DISPATCHED' WHERE id = '" + id + "'");
                (on ? updOn : updOff).add((System.nanoTime() - start) / 2e3);
            }
            for (int i = 0; i < 100; i++) {
                UUID fresh = UUID.randomUUID();
                long start = System.nanoTime();
                sql("INSERT INTO complaint (id, tracking_number, resident_id, client_request_id, category_code, description, lat, lng,"
                        + " kecamatan_code, kelurahan_code, confidential, status, created_at, updated_at)"
                        + " SELECT '" + fresh + "', 'BENCH-" + fresh + "', resident_id, '" + fresh + "', category_code,"
                        + " description, lat, lng, kecamatan_code, kelurahan_code, confidential, 'SUBMITTED', now(), now()"
                        + " FROM complaint WHERE id = '" + anyComplaint + "'");
                sql("DELETE FROM complaint WHERE id = '" + fresh + "'");
                (on ? insOn : insOff).add((System.nanoTime() - start) / 2e3);
            }
            for (long id : running) {
                long start = System.nanoTime();
                sql("UPDATE opd_assignment SET rating = rating WHERE start_id = " + id);
                (on ? asgOn : asgOff).add((System.nanoTime() - start) / 1e3);
            }
        }
        triggers(true);
        System.out.printf(Locale.ROOT, "%nWrite path, µs per single-row statement (own transaction), median / p95, triggers off vs on; load %s%n", load());
        print("complaint UPDATE (status)", updOff, updOn);
        print("complaint INSERT then DELETE (per statement)", insOff, insOn);
        print("opd_assignment UPDATE (an event's)", asgOff, asgOn);
    }

    private void print(String name, List<Double> off, List<Double> on) {
        Collections.sort(off);
        Collections.sort(on);
        System.out.printf(Locale.ROOT, "%-44s off %8.0f / %8.0f   on %8.0f / %8.0f%n", name, off.get(off.size() / 2),
                off.get((int) Math.ceil(off.size() * 0.95) - 1), on.get(on.size() / 2), on.get((int) Math.ceil(on.size() * 0.95) - 1));
    }

    private void triggers(boolean on) {
        String verb = on ? "ENABLE" : "DISABLE";
        sql("ALTER TABLE complaint " + verb + " TRIGGER " + TRIGGERS_ON_COMPLAINT.formatted(verb));
        sql("ALTER TABLE opd_assignment " + verb + " TRIGGER opd_open_assignment_insert, " + verb
                + " TRIGGER opd_open_assignment_update, " + verb + " TRIGGER opd_open_assignment_delete");
    }

    /** One more copy of the simulated complaints, their events and their assignments (RankingBenchmark's way). */
    private void copy(int k, long length) {
        long started = System.nanoTime();
        String columns = db.sql("SELECT string_agg(column_name, ', ' ORDER BY ordinal_position) FROM information_schema.columns"
                        + " WHERE table_name = 'complaint' AND table_schema = current_schema()")
                .map(row -> row.get(0, String.class)).one().block();
        String copied = Arrays.stream(columns.split(", "))
                .map(column -> switch (column) {
                    case "id" -> "m.new_id";
                    case "tracking_number", "client_request_id" -> "c." + column + " || '~' || :k";
                    case "duplicate_of" -> "dm.new_id";
                    default -> "c." + column;
                })
                .collect(Collectors.joining(", "));
        db.sql("DROP TABLE IF EXISTS bench_map").then()
                .then(db.sql("CREATE TABLE bench_map AS SELECT old_id, gen_random_uuid() AS new_id FROM bench_base").then())
                .then(db.sql("CREATE UNIQUE INDEX ON bench_map (old_id)").then())
                .then(db.sql("INSERT INTO complaint (" + columns + ") SELECT " + copied + " FROM complaint c JOIN bench_map m ON m.old_id = c.id"
                        + " LEFT JOIN bench_map dm ON dm.old_id = c.duplicate_of").bind("k", String.valueOf(k)).then())
                .then(db.sql("ALTER TABLE complaint_event DISABLE TRIGGER complaint_event_id, DISABLE TRIGGER complaint_event_notify,"
                        + " DISABLE TRIGGER opd_assignment_apply").then())
                .then(db.sql("""
                                INSERT INTO complaint_event (id, complaint_id, type, actor_type, actor_id, occurred_at, status, resident_id,
                                                             opd_code, kecamatan_code, category_code, visible_to_resident, payload)
                                SELECT e.id + :shift, m.new_id, e.type, e.actor_type, e.actor_id, e.occurred_at, e.status, e.resident_id,
                                       e.opd_code, e.kecamatan_code, e.category_code, e.visible_to_resident, e.payload
                                FROM complaint_event e JOIN bench_map m ON m.old_id = e.complaint_id
                                WHERE e.id <= :length
                                ORDER BY e.id""").bind("shift", k * length).bind("length", length).then())
                .then(db.sql("ALTER TABLE complaint_event ENABLE TRIGGER complaint_event_id, ENABLE TRIGGER complaint_event_notify,"
                        + " ENABLE TRIGGER opd_assignment_apply").then())
                .then(db.sql("""
                                INSERT INTO opd_assignment (start_id, complaint_id, opd_code, received_at, reply_due, fix_due, end_id, ended_at,
                                                            misrouted_away, first_reply_at, resolutions, disputes, last_resolved_id,
                                                            last_disputed_id, last_resolved_at, rating, closed, auto_closed,
                                                            last_closed_id, verified)
                                SELECT a.start_id + :shift, m.new_id, a.opd_code, a.received_at, a.reply_due, a.fix_due, a.end_id + :shift,
                                       a.ended_at, a.misrouted_away, a.first_reply_at, a.resolutions, a.disputes, a.last_resolved_id + :shift,
                                       a.last_disputed_id + :shift, a.last_resolved_at, a.rating, a.closed, a.auto_closed,
                                       a.last_closed_id + :shift, a.verified
                                FROM opd_assignment a JOIN bench_map m ON m.old_id = a.complaint_id
                                WHERE a.start_id <= :length""").bind("shift", k * length).bind("length", length).then())
                .then(db.sql("UPDATE event_counter SET last_id = " + (k + 1) * length).then())
                .as(tx::transactional)
                .block(Duration.ofMinutes(30));
        if (k % 10 == 0 || k == 1) {
            System.out.printf(Locale.ROOT, "Copy %d in %.1f s%n", k, (System.nanoTime() - started) / 1e9);
            compaction.compact().block();
        }
    }

    private void http(String token, String name, Map<String, Object> body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/graphql"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token)
                .timeout(Duration.ofMinutes(5))
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)))
                .build();
        Timed<String> timed = Timed.run(WARM_UP, RUNS, () -> http.send(request, HttpResponse.BodyHandlers.ofString()).body());
        JsonNode answer = json.readTree(timed.last());
        if (answer.has("errors") || answer.path("data").isNull()) {
            throw new IllegalStateException(name + " failed: " + timed.last());
        }
        JsonNode data = answer.path("data");
        int total = data.has("complaintCounts") ? data.path("complaintCounts").path("total").asInt()
                : data.has("all") ? data.path("all").path("total").asInt() : 0;
        for (JsonNode row : data.path("opdRanking").path("rows")) {
            total += row.path("figures").path("received").asInt();
        }
        System.out.printf(Locale.ROOT, "%-44s %12d %12.1f %12.1f%n", name, total, timed.median(), timed.p95());
    }

    private static Map<String, Object> ranking(Map<String, Object> period) {
        return Map.of("query", OperationDocuments.load("OpdRanking"), "variables", Map.of("period", period));
    }

    private void awaitListener() {
        long last = count("SELECT max(id) FROM complaint_event");
        Flux.interval(Duration.ofSeconds(1)).filter(tick -> delivered.get() >= last).next().block(Duration.ofMinutes(30));
    }

    private String load() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).trim();
        } catch (java.io.IOException e) {
            return "?";
        }
    }

    private void sql(String statement) {
        db.sql(statement).then().block(Duration.ofMinutes(30));
    }

    private long count(String query) {
        return db.sql(query).map(row -> row.get(0, Long.class)).one().block(Duration.ofMinutes(30));
    }
}
