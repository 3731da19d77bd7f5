package id.go.cilegon.juare.complaint;

import id.go.cilegon.juare.auth.TokenService;
import id.go.cilegon.juare.demo.BulkComplaints;
import id.go.cilegon.juare.event.EventStream;
import id.go.cilegon.juare.graphql.Lifecycle;
import id.go.cilegon.juare.graphql.OperationDocuments;
import id.go.cilegon.juare.overview.Seed;
import id.go.cilegon.juare.platform.PersonalDataCipher;
import id.go.cilegon.juare.support.IntegrationTest;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import tools.jackson.databind.json.JsonMapper;

/**
 * Not a test: whether the main reads stay flat as the city's complaints grow from 10,000 to 1,000,000 (issue 15,
 * docs/benchmarks/flat.md). At each size, over HTTP, median and 95th percentile of {@code bench.runs} calls (50) after
 * {@code bench.warmup} (10; and {@code bench.warmupSeconds}, 60, of every read before the first size): myComplaints(first: 20) of a resident with 30 complaints, complaint(id), the operators'
 * intake queue, an OPD's queue, complaintCounts, complaintMap (the city at zoom 13 and a street at 17, with the
 * dashboard's default filter and with every status), and the first page of complaints(filter).
 * <pre>
 * ./mvnw -B -o -q -pl graphql,backend verify -Dtest=FlatReadsBenchmark -DexcludedGroups=none \
 *     -Dsurefire.failIfNoSpecifiedTests=false [-Dbench.sizes=10000,100000,1000000]
 * </pre>
 * The data: 10,000 complaints of the last 90 days as {@link BulkComplaints} makes them (every status in equal shares,
 * clocks run out marked overdue), 30 of one resident (half with two photos). The city then grows by its history:
 * copies of those 10,000 with fresh ids, tracking numbers ({@code …~k}) and filers, filed {@code k × 30} days earlier,
 * finished (what was still open is closed, what never reached an OPD rejected), each with its SUBMITTED event (ids
 * given past the log's end, as RankingBenchmark does). A city that files 300 complaints a day reaches a million after
 * about nine years with about the same backlog it had in its first months: what grows is what is finished.
 */
@Tag("benchmark")
class FlatReadsBenchmark extends IntegrationTest {

    private static final int LIVE = 10_000;
    private static final int FILERS = 200;
    private static final Map<String, Object> CITY = box(-6.082, 105.92, -5.876, 106.09);
    /** About 550 m × 330 m in kecamatan Cilegon. */
    private static final Map<String, Object> STREET = box(-6.0441, 106.0374, -6.0411, 106.0424);
    /** The command centre map's default filter, "Masih berjalan": every status but the finished ones. */
    private static final List<String> ONGOING = Lifecycle.names(Lifecycle.OPEN).stream().toList();

    @Autowired TokenService tokens;
    @Autowired PersonalDataCipher cipher;
    @Autowired EventStream stream;
    @Autowired org.springframework.context.ApplicationContext context;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final JsonMapper json = JsonMapper.builder().build();

    private static Map<String, Object> box(double south, double west, double north, double east) {
        return Map.of("south", south, "west", west, "north", north, "east", east);
    }

    record Read(String name, String token, String body) {
    }

    record Figure(String read, int size, String variant, double median, double p95, double cpuMs) {
    }

    @Test
    void mainReadsFrom10kTo1M() throws Exception {
        List<Integer> sizes = Arrays.stream(System.getProperty("bench.sizes", "10000,100000,1000000").split(","))
                .map(String::trim).map(Integer::parseInt).toList();
        int warmUp = Integer.getInteger("bench.warmup", 10);
        int runs = Integer.getInteger("bench.runs", 50);
        int rounds = Integer.getInteger("bench.rounds", 2);
        List<String> variants = List.of(System.getProperty("bench.variants", "main").split(","));
        String explainAt = System.getProperty("bench.explain", String.join(",", sizes.stream().map(String::valueOf).toList()));

        AtomicLong delivered = new AtomicLong();
        Disposable watch = stream.live().subscribe(event -> delivered.set(event.id()), error -> { });

        long started = System.nanoTime();
        UUID filler = Seed.with(db, cipher).residentId();
        BulkComplaints.insert(db, LIVE - 30, filler).block(Duration.ofMinutes(10));
        UUID resident = Seed.with(db, cipher).residentId();
        BulkComplaints.insert(db, 30, resident).block();
        db.sql("""
                        INSERT INTO photo (id, owner_resident_id, complaint_id, width, height, size_bytes, created_at)
                        SELECT gen_random_uuid(), resident_id, id, 1600, 1200, 250000, created_at + n * interval '1 second'
                        FROM complaint, generate_series(1, 2) AS n
                        WHERE resident_id = :resident AND tracking_number ~ '[13579]$'""")
                .bind("resident", resident)
                .then().block();
        UUID[] filers = new UUID[FILERS];
        for (int i = 0; i < FILERS; i++) {
            filers[i] = Seed.with(db, cipher).residentId();
        }
        sql("CREATE TABLE bench_live AS SELECT * FROM complaint WHERE tracking_number LIKE 'BEN-%'");
        System.out.printf(Locale.ROOT, "%nLive complaints: %,d in %.1f s%n", count("SELECT count(*) FROM bench_live"),
                (System.nanoTime() - started) / 1e9);

        UUID oneComplaint = db.sql("SELECT id FROM complaint WHERE resident_id = :r ORDER BY created_at DESC LIMIT 1 OFFSET 3")
                .bind("r", resident).map(row -> row.get(0, UUID.class)).one().block();
        for (Read read : reads(resident, oneComplaint)) {
            check(read);
        }
        // the JIT first: otherwise the smallest size, measured first, pays for the compilation
        long warmEnd = System.nanoTime() + Integer.getInteger("bench.warmupSeconds", 60) * 1_000_000_000L;
        for (String variant : variants) {
            flat(variant);
        }
        List<Read> warming = reads(resident, oneComplaint);
        while (System.nanoTime() < warmEnd) {
            for (Read read : warming) {
                time(read, 0, 3);
            }
        }

        List<Figure> figures = new ArrayList<>();
        int copies = 0;
        for (int size : sizes) {
            int wanted = Math.max(0, size / LIVE - 1);
            if (wanted > copies) {
                grow(copies + 1, wanted, filers);
                copies = wanted;
                awaitListener(delivered);
            }
            long total = count("SELECT count(*) FROM complaint");
            System.out.printf(Locale.ROOT, "%n== %,d complaints (%,d events), load %.2f%n", total,
                    count("SELECT count(*) FROM complaint_event"), load());
            System.out.printf(Locale.ROOT, "%-34s %-8s %9s %9s %8s %6s%n", "read", "variant", "median ms", "p95 ms", "cpu ms", "load1");
            List<Read> reads = reads(resident, oneComplaint);
            Map<String, List<Double>> samples = new LinkedHashMap<>();
            Map<String, List<Double>> cpus = new LinkedHashMap<>();
            for (int round = 1; round <= rounds; round++) {
                for (String variant : variants) {
                    flat(variant);
                    for (Read read : reads) {
                        List<Double> millis = time(read, warmUp, runs / rounds);
                        double cpu = millis.removeLast();
                        List<Double> sorted = millis.stream().sorted().toList();
                        System.out.printf(Locale.ROOT, "  round %d %-34s %-8s %9.1f %9.1f %8.2f %6.2f%n", round, read.name(), variant,
                                percentile(sorted, 0.5), percentile(sorted, 0.95), cpu, load());
                        samples.computeIfAbsent(read.name() + "\u0000" + variant, k -> new ArrayList<>()).addAll(millis);
                        cpus.computeIfAbsent(read.name() + "\u0000" + variant, k -> new ArrayList<>()).add(cpu);
                    }
                }
            }
            for (Read read : reads) {
                for (String variant : variants) {
                    List<Double> millis = samples.get(read.name() + "\u0000" + variant).stream().sorted().toList();
                    List<Double> cpu = cpus.get(read.name() + "\u0000" + variant).stream().sorted().toList();
                    Figure figure = new Figure(read.name(), size, variant, percentile(millis, 0.5), percentile(millis, 0.95),
                            percentile(cpu, 0.5));
                    figures.add(figure);
                    System.out.printf(Locale.ROOT, "%-34s %-8s %9.1f %9.1f %8.2f %6.2f%n", read.name(), variant, figure.median(),
                            figure.p95(), figure.cpuMs(), load());
                }
            }
            if (Arrays.asList(explainAt.split(",")).contains(String.valueOf(size))) {
                for (String variant : variants) {
                    flat(variant);
                    System.out.printf(Locale.ROOT, "%nPlans at %,d complaints, %s%n", size, variant);
                    explain(variant);
                }
            }
        }
        watch.dispose();
        if (Boolean.getBoolean("bench.writeCost")) {
            writeCost();
        }

        System.out.printf(Locale.ROOT, "%nmedian (p95) ms / CPU ms per call by size; last columns: largest size over the smallest,"
                + " median and CPU%n");
        for (Read read : reads(resident, oneComplaint)) {
            for (String variant : variants) {
                List<Figure> row = figures.stream().filter(f -> f.read().equals(read.name()) && f.variant().equals(variant)).toList();
                System.out.printf(Locale.ROOT, "| %s | %s | %s | %+.0f %% | %+.0f %% |%n", read.name(), variant,
                        row.stream().map(f -> String.format(Locale.ROOT, "%.1f (%.1f) / %.1f", f.median(), f.p95(), f.cpuMs()))
                                .collect(Collectors.joining(" | ")),
                        100 * (row.getLast().median() / row.getFirst().median() - 1),
                        100 * (row.getLast().cpuMs() / row.getFirst().cpuMs() - 1));
            }
        }
        flat("main");
        id.go.cilegon.juare.overview.internal.MapSummaryBench.enable(true);
    }

    /**
     * Copies {@code from}..{@code to} of the live complaints into the past (copy k filed k × 30 days earlier), finished,
     * each with a SUBMITTED event; the id and notify triggers and the ranking's summary trigger are off for the copy.
     */
    private void grow(int from, int to, UUID[] filers) {
        long started = System.nanoTime();
        List<String> columns = db.sql("SELECT column_name, data_type FROM information_schema.columns"
                        + " WHERE table_name = 'complaint' AND table_schema = current_schema() ORDER BY ordinal_position")
                .map(row -> row.get(0, String.class) + ":" + row.get(1, String.class)).all().collectList().block();
        String finished = Lifecycle.sqlList(Lifecycle.FINISHED);
        String copied = columns.stream()
                .map(column -> {
                    String name = column.substring(0, column.indexOf(':'));
                    String type = column.substring(column.indexOf(':') + 1);
                    return switch (name) {
                        case "id" -> "gen_random_uuid()";
                        case "tracking_number", "client_request_id" -> "c." + name + " || '~' || k";
                        case "resident_id" -> "(CAST(:filers AS uuid[]))[1 + (hashtext(c.id::text) & 1023) % " + FILERS + "]";
                        case "status" -> "CASE WHEN c.status IN (" + finished + ") THEN c.status"
                                + " WHEN c.status = 'SUBMITTED' THEN 'REJECTED' ELSE 'CLOSED' END";
                        case "closed_at" -> "CASE WHEN c.status IN (" + finished + ") THEN c.closed_at"
                                + " WHEN c.status = 'SUBMITTED' THEN NULL ELSE c.created_at + interval '4 days' END - k * interval '30 days'";
                        case "transfer_requested_at", "transfer_reason", "verification", "verification_reason" -> "NULL";
                        default -> type.startsWith("timestamp") ? "c." + name + " - k * interval '30 days'" : "c." + name;
                    };
                })
                .collect(Collectors.joining(", "));
        String names = columns.stream().map(column -> column.substring(0, column.indexOf(':'))).collect(Collectors.joining(", "));
        long length = count("SELECT coalesce(max(id), 0) FROM complaint_event");
        sql("ALTER TABLE complaint_event DISABLE TRIGGER complaint_event_id, DISABLE TRIGGER complaint_event_notify,"
                + " DISABLE TRIGGER opd_assignment_apply");
        try {
            db.sql("WITH copy AS (INSERT INTO complaint (" + names + ") SELECT " + copied
                            + " FROM generate_series(:from, :to) AS k CROSS JOIN bench_live c ORDER BY k, c.created_at"
                            + " RETURNING id, resident_id, created_at, kecamatan_code, category_code)"
                            + " INSERT INTO complaint_event (id, complaint_id, type, actor_type, actor_id, occurred_at, status,"
                            + " resident_id, opd_code, kecamatan_code, category_code, visible_to_resident, payload)"
                            + " SELECT :length + row_number() OVER (ORDER BY created_at, id), id, 'SUBMITTED', 'RESIDENT',"
                            + " resident_id, created_at, 'SUBMITTED', resident_id, NULL, kecamatan_code, category_code, true,"
                            + " '{}'::jsonb FROM copy")
                    .bind("from", from).bind("to", to).bind("filers", filers).bind("length", length)
                    .then().block(Duration.ofMinutes(60));
        } finally {
            sql("ALTER TABLE complaint_event ENABLE TRIGGER complaint_event_id, ENABLE TRIGGER complaint_event_notify,"
                    + " ENABLE TRIGGER opd_assignment_apply");
        }
        sql("UPDATE event_counter SET last_id = (SELECT max(id) FROM complaint_event)");
        // as autovacuum would soon: the visibility map for index-only scans, and no vacuum during the measurements
        sql("VACUUM ANALYZE complaint");
        sql("VACUUM ANALYZE complaint_event");
        // wakes the listener, which reads every copied event once
        sql("SELECT pg_notify('juare_events', 'copies')");
        System.out.printf(Locale.ROOT, "%nCopies %d..%d (%,d complaints) in %.1f s%n", from, to, (long) (to - from + 1) * LIVE,
                (System.nanoTime() - started) / 1e9);
    }

    /**
     * The map summary's triggers' cost per status change (ADR 0044): single-row status updates (each its own
     * statement, inside PostgreSQL so that the network and the machine's load weigh less), with the three map triggers
     * on and off, interleaved; every complaint toggled twice, so the data ends as it began.
     */
    private void writeCost() {
        sql("""
                CREATE OR REPLACE FUNCTION bench_status_changes(p_n integer) RETURNS float8 AS $$
                DECLARE
                    ids uuid[];
                    started timestamptz;
                BEGIN
                    SELECT array_agg(id) INTO ids FROM (SELECT id FROM complaint WHERE status IN ('DISPATCHED', 'IN_PROGRESS')
                                                        ORDER BY id LIMIT p_n) s;
                    started := clock_timestamp();
                    FOR round IN 1..2 LOOP
                        FOR i IN 1..array_length(ids, 1) LOOP
                            UPDATE complaint SET status = CASE status WHEN 'DISPATCHED' THEN 'IN_PROGRESS' ELSE 'DISPATCHED' END
                            WHERE id = ids[i];
                        END LOOP;
                    END LOOP;
                    RETURN extract(epoch FROM clock_timestamp() - started) * 1000 / (2 * array_length(ids, 1));
                END;
                $$ LANGUAGE plpgsql""");
        String triggers = "%1$s TRIGGER complaint_map_tally_insert, %1$s TRIGGER complaint_map_tally_update, %1$s TRIGGER complaint_map_tally_delete";
        System.out.printf(Locale.ROOT, "%nStatus change, ms per single-row UPDATE inside PostgreSQL (500 complaints × 2), load %.2f%n", load());
        for (int round = 0; round < 4; round++) {
            for (boolean on : new boolean[] {true, false}) {
                sql("ALTER TABLE complaint " + triggers.formatted(on ? "ENABLE" : "DISABLE"));
                double ms = db.sql("SELECT bench_status_changes(500)").map(row -> row.get(0, Double.class)).one()
                        .block(Duration.ofMinutes(5));
                System.out.printf(Locale.ROOT, "  round %d map triggers %-3s %8.4f ms/update  load %.2f%n", round, on ? "on" : "off", ms, load());
            }
        }
        sql("ALTER TABLE complaint " + triggers.formatted("ENABLE"));
        sql("DROP FUNCTION bench_status_changes(integer)");

        // a new complaint: copies of live ones inserted one statement each, then deleted with the triggers as they
        // were (so the summary ends as it began); only the inserts are timed
        sql("""
                CREATE OR REPLACE FUNCTION bench_inserts(p_n integer) RETURNS float8 AS $$
                DECLARE
                    r complaint;
                    started timestamptz;
                    elapsed float8 := 0;
                BEGIN
                    FOR r IN SELECT * FROM complaint WHERE tracking_number LIKE 'BEN-%' AND tracking_number NOT LIKE '%~%'
                             ORDER BY id LIMIT p_n LOOP
                        r.id := gen_random_uuid();
                        r.tracking_number := r.tracking_number || '~w';
                        r.client_request_id := r.client_request_id || '~w';
                        started := clock_timestamp();
                        INSERT INTO complaint SELECT r.*;
                        elapsed := elapsed + extract(epoch FROM clock_timestamp() - started) * 1000;
                    END LOOP;
                    DELETE FROM complaint WHERE tracking_number LIKE 'BEN-%~w';
                    RETURN elapsed / p_n;
                END;
                $$ LANGUAGE plpgsql""");
        System.out.printf(Locale.ROOT, "%nNew complaint, ms per single-row INSERT inside PostgreSQL (500), load %.2f%n", load());
        for (int round = 0; round < 4; round++) {
            for (boolean on : new boolean[] {true, false}) {
                sql("ALTER TABLE complaint " + triggers.formatted(on ? "ENABLE" : "DISABLE"));
                double ms = db.sql("SELECT bench_inserts(500)").map(row -> row.get(0, Double.class)).one()
                        .block(Duration.ofMinutes(5));
                System.out.printf(Locale.ROOT, "  round %d map triggers %-3s %8.4f ms/insert  load %.2f%n", round, on ? "on" : "off", ms, load());
            }
        }
        sql("ALTER TABLE complaint " + triggers.formatted("ENABLE"));
        sql("DROP FUNCTION bench_inserts(integer)");
    }

    /** The plans at this size, for the reads whose SQL this benchmark can state (docs/benchmarks/flat.md). */
    private void explain(String variant) {
        if (variant.startsWith("map")) {
            boolean summary = variant.equals("mapsummary");
            List<ComplaintStatus> ongoing = ONGOING.stream().map(ComplaintStatus::valueOf).toList();
            for (Object[] map : new Object[][] {{"city z13 all", -6.082, 105.92, -5.876, 106.09, 13, null},
                    {"city z13 ongoing", -6.082, 105.92, -5.876, 106.09, 13, ongoing},
                    {"street z17 all", -6.0441, 106.0374, -6.0411, 106.0424, 17, null}}) {
                System.out.println("\nEXPLAIN map " + map[0] + " (" + variant + ")");
                @SuppressWarnings("unchecked")
                List<ComplaintStatus> statuses = (List<ComplaintStatus>) map[6];
                id.go.cilegon.juare.overview.internal.MapSummaryBench.explain(context, (double) map[1], (double) map[2],
                                (double) map[3], (double) map[4], (int) map[5], statuses, summary)
                        .forEach(line -> System.out.println("  " + line));
            }
            return;
        }
        for (String statement : explained()) {
            System.out.println("\nEXPLAIN " + statement.lines().findFirst().orElse(""));
            db.sql("EXPLAIN (ANALYZE, BUFFERS) " + statement)
                    .map(row -> row.get(0, String.class)).all()
                    .doOnNext(line -> System.out.println("  " + line))
                    .then().block(Duration.ofMinutes(5));
        }
    }

    /** The reads, with fresh tokens (a size takes longer than a token lives). */
    private List<Read> reads(UUID resident, UUID oneComplaint) {
        String residentToken = tokens.residentSession(resident).block().accessToken();
        String operator = Seed.staffToken(db, tokens, "OPERATOR", null);
        String responder = Seed.staffToken(db, tokens, "OPD_RESPONDER", "DPUPR");

        List<String> only = Arrays.stream(System.getProperty("bench.reads", "").split(",")).filter(s -> !s.isBlank()).toList();
        return all(residentToken, operator, responder, oneComplaint).stream()
                .filter(read -> only.isEmpty() || only.stream().anyMatch(read.name()::contains))
                .toList();
    }

    private List<Read> all(String residentToken, String operator, String responder, UUID oneComplaint) {
        return List.of(
                new Read("myComplaints(first:20)", residentToken, body("MyComplaints", Map.of("first", 20))),
                new Read("complaint(id)", residentToken, body("ComplaintDetail", Map.of("id", oneComplaint.toString()))),
                new Read("intakeQueue(first:50)", operator, body("IntakeQueue", Map.of("first", 50))),
                new Read("opdQueue DPUPR (first:50)", responder, body("OpdQueue", Map.of("first", 50))),
                new Read("complaintCounts", operator, body("ComplaintCounts", Map.of())),
                new Read("complaintCounts ongoing", operator, body("ComplaintCounts", Map.of("filter", Map.of("statuses", ONGOING)))),
                new Read("complaintMap city z13 ongoing", operator, mapBody(CITY, 13, ONGOING)),
                new Read("complaintMap street z17 ongoing", operator, mapBody(STREET, 17, ONGOING)),
                new Read("complaintMap city z13 all", operator, mapBody(CITY, 13, null)),
                new Read("complaintMap street z17 all", operator, mapBody(STREET, 17, null)),
                new Read("complaints ongoing (first:100)", operator, body("ComplaintList",
                        Map.of("filter", Map.of("statuses", ONGOING), "first", 100))),
                new Read("complaints overdue (first:100)", operator, body("ComplaintList",
                        Map.of("filter", Map.of("overdue", "ANY"), "first", 100))),
                new Read("complaints DPUPR (first:100)", operator, body("ComplaintList",
                        Map.of("filter", Map.of("opdCodes", List.of("DPUPR")), "first", 100))));
    }

    /**
     * Switches what a variant differs in: "before" (main before ADR 0041: without V15_10's index, the statuses as a
     * bound array), "after" (as migrated), "main" (nothing).
     */
    private void flat(String variant) {
        switch (variant) {
            case "main" -> { }
            // ADR 0044: the map from its per-cell summary (mapsummary) or from the complaint rows as before (mapmain)
            case "mapmain" -> id.go.cilegon.juare.overview.internal.MapSummaryBench.enable(false);
            case "mapsummary" -> id.go.cilegon.juare.overview.internal.MapSummaryBench.enable(true);
            case "before" -> {
                ComplaintScope.statusesAsLiterals = false;
                sql("DROP INDEX IF EXISTS complaint_open_created");
            }
            case "after" -> {
                ComplaintScope.statusesAsLiterals = true;
                String open = "status NOT IN (" + Lifecycle.sqlList(Lifecycle.FINISHED) + ")";
                sql("CREATE INDEX IF NOT EXISTS complaint_open_created ON complaint (created_at, id) WHERE " + open);
            }
            default -> throw new IllegalArgumentException(variant);
        }
        sql("ANALYZE complaint");
    }

    /** The SQL of the reads that grew, as the application sends it with its values (a custom plan). */
    private List<String> explained() {
        String ongoing = "status IN (" + Lifecycle.sqlList(Lifecycle.OPEN) + ")";
        String atOpd = "status IN (" + Lifecycle.sqlList(Lifecycle.AT_OPD) + ")";
        String overdue = "((" + atOpd + " AND first_reply_at IS NULL AND reply_due_at < now()) OR (" + atOpd + " AND fix_due_at < now()))";
        String city = "lat >= -6.082 AND lat <= -5.876 AND lng >= 105.92 AND lng <= 106.09";
        return List.of(
                "SELECT id, created_at FROM complaint WHERE " + ongoing + " ORDER BY created_at, id LIMIT 101 -- complaints ongoing",
                "SELECT id, created_at FROM complaint WHERE status = ANY('{SUBMITTED,DISPATCHED,IN_PROGRESS,RESOLVED,REOPENED}'::text[])"
                        + " ORDER BY created_at, id LIMIT 101 -- complaints ongoing, bound array",
                "SELECT id, created_at FROM complaint WHERE " + overdue + " ORDER BY created_at, id LIMIT 101 -- complaints overdue",
                "SELECT floor(lng / 0.011)::bigint, floor(lat / 0.011)::bigint, count(*) FROM complaint WHERE " + city + " AND "
                        + ongoing + " GROUP BY 1, 2 -- map city ongoing",
                "SELECT floor(lng / 0.011)::bigint, floor(lat / 0.011)::bigint, count(*) FROM complaint WHERE " + city
                        + " GROUP BY 1, 2 -- map city all",
                "SELECT status, count(*) FROM complaint GROUP BY status -- counts, no filter");
    }

    private String body(String document, Map<String, Object> variables) {
        return json.writeValueAsString(Map.of("query", OperationDocuments.load(document), "variables", variables));
    }

    private String mapBody(Map<String, Object> box, int zoom, List<String> statuses) {
        Map<String, Object> variables = new LinkedHashMap<>(Map.of("box", box, "zoom", zoom));
        if (statuses != null) {
            variables.put("filter", Map.of("statuses", statuses));
        }
        return body("ComplaintMap", variables);
    }

    private HttpRequest request(Read read) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/graphql"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + read.token())
                .timeout(Duration.ofMinutes(2))
                .POST(HttpRequest.BodyPublishers.ofString(read.body()))
                .build();
    }

    private void check(Read read) throws Exception {
        HttpResponse<String> response = http.send(request(read), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200 || response.body().contains("\"errors\"") || !response.body().contains("\"data\"")) {
            throw new IllegalStateException(read.name() + " failed: " + response.body());
        }
    }

    /** The times of {@code runs} calls, one after the other; last, the CPU ms per call (this JVM and PostgreSQL). */
    private List<Double> time(Read read, int warmUp, int runs) throws Exception {
        HttpRequest request = request(read);
        for (int i = 0; i < warmUp; i++) {
            http.send(request, HttpResponse.BodyHandlers.ofString());
        }
        double cpuStart = cpuMillis();
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            millis.add((System.nanoTime() - start) / 1e6);
            if (response.statusCode() != 200 || response.body().contains("\"errors\"")) {
                throw new IllegalStateException(read.name() + " failed: " + response.body());
            }
        }
        millis.add((cpuMillis() - cpuStart) / runs);
        return millis;
    }

    private static double percentile(List<Double> sorted, double p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1));
    }

    private void sql(String statement) {
        db.sql(statement).then().block(Duration.ofMinutes(30));
    }

    private long count(String query) {
        return db.sql(query).map(row -> row.get(0, Long.class)).one().block(Duration.ofMinutes(30));
    }

    /** The instance's listener reads every new event once; wait until it has, so that it does not share the CPU. */
    private void awaitListener(AtomicLong delivered) {
        long last = count("SELECT max(id) FROM complaint_event");
        long started = System.nanoTime();
        Flux.interval(Duration.ofSeconds(1))
                .filter(tick -> delivered.get() >= last)
                .next()
                .block(Duration.ofMinutes(30));
        System.out.printf(Locale.ROOT, "Listener caught up after %.1f s%n", (System.nanoTime() - started) / 1e9);
    }

    private long postmaster;

    /**
     * CPU time so far of this JVM (server, load generator) and of the embedded PostgreSQL (the postmaster and its
     * children, from /proc): per call it hardly depends on the shared machine's load, as the times do.
     */
    private double cpuMillis() throws Exception {
        if (postmaster == 0) {
            long backend = db.sql("SELECT pg_backend_pid()").map(row -> row.get(0, Integer.class)).one().block();
            postmaster = Long.parseLong(stat(backend)[1]);
        }
        double ticks = 0;
        try (var processes = java.nio.file.Files.list(java.nio.file.Path.of("/proc"))) {
            for (java.nio.file.Path process : processes.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                long pid = Long.parseLong(process.getFileName().toString());
                String[] stat = stat(pid);
                if (stat != null && (pid == postmaster || Long.parseLong(stat[1]) == postmaster)) {
                    ticks += Long.parseLong(stat[11]) + Long.parseLong(stat[12]);
                }
            }
        }
        double jvm = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime() / 1e6;
        return jvm + ticks * 10; // USER_HZ = 100
    }

    /** /proc/pid/stat's fields after the command: [0] state, [1] ppid, … [11] utime, [12] stime; null when gone. */
    private static String[] stat(long pid) {
        try {
            String line = java.nio.file.Files.readString(java.nio.file.Path.of("/proc", Long.toString(pid), "stat"));
            return line.substring(line.lastIndexOf(')') + 2).split(" ");
        } catch (java.io.IOException e) {
            return null;
        }
    }

    private static double load() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
}
