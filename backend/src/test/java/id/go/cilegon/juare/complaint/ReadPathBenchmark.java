package id.go.cilegon.juare.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.cilegon.juare.auth.TokenService;
import id.go.cilegon.juare.demo.BulkComplaints;
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
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.json.JsonMapper;

/**
 * Not a test: throughput and latency of the resident's two reads over HTTP — myComplaints(first: 20) with the app's
 * document (MyComplaints + ComplaintFields) and complaint(id) with ComplaintDetail — at 16 and 64 concurrent
 * connections, for a resident with 30 complaints (half with two photos). The read path's optimisations are switched
 * off and on inside this one JVM (the same beans the application uses), and the variants run interleaved, round after
 * round, so that the shared machine's load falls on each alike. The load generator runs in the same JVM (JDK
 * HttpClient, one platform thread per connection): absolute figures are lower than with wrk on another machine.
 * <pre>
 * ./mvnw -B -o -pl graphql,backend verify -Dtest=ReadPathBenchmark -DexcludedGroups=none \
 *     -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 * Settings (system properties): {@code bench.rounds} (3), {@code bench.seconds} (8 per measure), {@code bench.warmup}
 * (60 s, all variants, thrown away), {@code bench.variants} (before,token-cache,one-statement,after; "main" is after, the path before ADR 0042;
 * then ADR 0042's steps plain-fields, keyed-mac, cached-figures, document-selection, timestamps; "reads2" is all of them; then ADR 0047's lean-instrumentation, direct-json; ADR 0048's lean-graphql-path), {@code bench.jfr} (a directory:
 * a JFR recording per variant of myComplaints at 16 connections, first round).
 */
@Tag("benchmark")
class ReadPathBenchmark extends IntegrationTest {

    private static final int COMPLAINTS = 30;

    /**
     * Each step switches on one more optimisation: ADR 0036's (before, token-cache, one-statement, after = "main",
     * the path on main before ADR 0042), then ADR 0042's.
     */
    private static final List<String> STEPS = List.of("before", "token-cache", "one-statement", "after",
            "plain-fields", "keyed-mac", "cached-figures", "document-selection", "timestamps", "lean-instrumentation", "direct-json",
            "lean-graphql-path");

    @Autowired TokenService tokens;
    @Autowired PersonalDataCipher cipher;
    @Autowired ApplicationContext context;

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void myComplaintsAndComplaintById() throws Exception {
        int rounds = Integer.getInteger("bench.rounds", 3);
        int seconds = Integer.getInteger("bench.seconds", 8);
        int warmUp = Integer.getInteger("bench.warmup", 60);
        List<String> variants = List.of(System.getProperty("bench.variants", "before,token-cache,one-statement,after").split(","));
        String jfr = System.getProperty("bench.jfr");

        UUID resident = Seed.with(db, cipher).residentId();
        BulkComplaints.insert(db, COMPLAINTS, resident).block();
        db.sql("""
                        INSERT INTO photo (id, owner_resident_id, complaint_id, width, height, size_bytes, created_at)
                        SELECT gen_random_uuid(), resident_id, id, 1600, 1200, 250000, created_at + n * interval '1 second'
                        FROM complaint, generate_series(1, 2) AS n
                        WHERE resident_id = :resident AND tracking_number LIKE '%0'
                           OR resident_id = :resident AND tracking_number ~ '[13579]$'""")
                .bind("resident", resident)
                .then().block();
        String token = tokens.residentSession(resident).block().accessToken();
        UUID oneComplaint = db.sql("SELECT id FROM complaint WHERE resident_id = :r ORDER BY created_at DESC LIMIT 1")
                .bind("r", resident).map(row -> row.get(0, UUID.class)).one().block();

        String my = json.writeValueAsString(Map.of("query", OperationDocuments.load("MyComplaints"), "variables", Map.of("first", 20)));
        String detail = json.writeValueAsString(Map.of("query", OperationDocuments.load("ComplaintDetail"),
                "variables", Map.of("id", oneComplaint.toString())));
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        check(http, token, my, "\"edges\"");
        check(http, token, detail, "\"trackingNumber\"");

        for (String variant : variants) {
            variant(variant);
            run(http, token, my, 16, warmUp / variants.size() / 2);
            run(http, token, detail, 16, warmUp / variants.size() / 2);
        }
        System.out.printf(Locale.ROOT, "%n%-24s %-11s %5s %5s %8s %8s %8s %8s %8s %6s %s%n",
                "query", "variant", "conns", "round", "rps", "p50 ms", "p99 ms", "cpu ms/r", "KB/r", "errors", "load1");
        Map<String, List<Double>> rps = new java.util.LinkedHashMap<>();
        for (int round = 1; round <= rounds; round++) {
            for (int connections : new int[] {16, 64}) {
                for (String[] query : new String[][] {{"myComplaints(first:20)", my}, {"complaint(id)", detail}}) {
                    for (String variant : variants) {
                        variant(variant);
                        // one profile per variant and query: 16 connections in the first round
                        boolean profile = jfr != null && round == 1 && connections == 16;
                        jdk.jfr.Recording recording = profile ? startRecording() : null;
                        Result r = run(http, token, query[1], connections, seconds);
                        if (recording != null) {
                            java.nio.file.Path file = java.nio.file.Path.of(jfr,
                                    (query[1].equals(my) ? "myComplaints-" : "complaint-") + variant + ".jfr");
                            java.nio.file.Files.createDirectories(file.getParent());
                            recording.dump(file);
                            recording.close();
                        }
                        System.out.printf(Locale.ROOT, "%-24s %-11s %5d %5d %8.0f %8.1f %8.1f %8.2f %8.1f %6d %.2f%n", query[0], variant,
                                connections, round, r.rps(), r.p50(), r.p99(), r.cpuMs(), r.allocatedKb(), r.errors(), load());
                        String key = query[0] + " " + connections + " " + variant;
                        rps.computeIfAbsent(key + " rps", k -> new ArrayList<>()).add(r.rps());
                        rps.computeIfAbsent(key + " p99 ms", k -> new ArrayList<>()).add(r.p99());
                        rps.computeIfAbsent(key + " cpu ms/request", k -> new ArrayList<>()).add(r.cpuMs());
                        rps.computeIfAbsent(key + " KB allocated/request", k -> new ArrayList<>()).add(r.allocatedKb());
                    }
                }
            }
        }
        System.out.printf(Locale.ROOT, "%nmedians over %d rounds%n", rounds);
        rps.forEach((key, values) -> System.out.printf(Locale.ROOT, "%-58s %10.2f%n", key, median(values)));
        variant(STEPS.getLast());
    }

    /**
     * Switches the read path's optimisations (each one's bean, as the application runs it), one more per variant:
     * before (none: main's path), token-cache, one-statement, after (and no observation per field).
     */
    private void variant(String name) {
        int step = STEPS.indexOf(name.equals("main") ? "after" : name.equals("reads2") ? "timestamps" : name);
        if (step < 0) {
            throw new IllegalArgumentException(name + " (one of " + STEPS + ", main or reads2)");
        }
        Variants.tokenCache(context).accept(step >= 1);
        Variants.oneStatement(context).accept(step >= 2);
        Variants.fieldObservations(context).accept(step < 3);
        Variants.plainFields(context).accept(step >= 4);
        Variants.keyedMac(context).accept(step >= 5);
        Variants.cachedFigures(context).accept(step >= 6);
        Variants.selectionFromDocument(context).accept(step >= 7);
        Variants.timestampParser(context).accept(step >= 8);
        Variants.leanInstrumentation(context).accept(step >= 9);
        Variants.directJson(context).accept(step >= 10);
        Variants.leanGraphQlPath(context).accept(step >= 11);
    }

    private void check(HttpClient http, String token, String body, String expected) throws Exception {
        HttpResponse<String> response = http.send(request(token, body), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains(expected).doesNotContain("\"errors\"");
    }

    private HttpRequest request(String token, String body) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/graphql"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token)
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    record Result(double rps, double p50, double p99, long errors, double cpuMs, double allocatedKb) {
    }

    /** {@code connections} loops each sending the request as soon as the last answer came, for {@code seconds}. */
    private Result run(HttpClient http, String token, String body, int connections, int seconds) throws Exception {
        HttpRequest request = request(token, body);
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        long[][] latencies = new long[connections][];
        int[] counts = new int[connections];
        AtomicLong errors = new AtomicLong();
        CountDownLatch done = new CountDownLatch(connections);
        long cpuStart = cpuTime();
        long allocatedStart = allocated();
        long start = System.nanoTime();
        for (int i = 0; i < connections; i++) {
            int index = i;
            Thread.ofPlatform().daemon().start(() -> {
                long[] mine = new long[1 << 16];
                int n = 0;
                try {
                    while (System.nanoTime() < end) {
                        long sent = System.nanoTime();
                        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                        long took = System.nanoTime() - sent;
                        if (response.statusCode() != 200 || response.body().contains("\"errors\"")) {
                            errors.incrementAndGet();
                        }
                        if (n == mine.length) {
                            mine = Arrays.copyOf(mine, n * 2);
                        }
                        mine[n++] = took;
                    }
                } catch (Exception e) {
                    errors.incrementAndGet();
                } finally {
                    latencies[index] = mine;
                    counts[index] = n;
                    done.countDown();
                }
            });
        }
        done.await();
        double elapsed = (System.nanoTime() - start) / 1e9;
        long cpu = cpuTime() - cpuStart;
        long allocated = allocated() - allocatedStart;
        int total = Arrays.stream(counts).sum();
        long[] all = new long[total];
        int at = 0;
        for (int i = 0; i < connections; i++) {
            System.arraycopy(latencies[i], 0, all, at, counts[i]);
            at += counts[i];
        }
        Arrays.sort(all);
        return new Result(total / elapsed, percentile(all, 0.50), percentile(all, 0.99), errors.get(),
                total == 0 ? Double.NaN : cpu / 1e6 / total, total == 0 ? Double.NaN : allocated / 1024.0 / total);
    }

    private static double percentile(long[] sorted, double p) {
        return sorted.length == 0 ? Double.NaN : sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    /** CPU time of this whole JVM (server and load generator): per request, it hardly depends on the machine's other load. */
    private static long cpuTime() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /**
     * Bytes allocated by all of this JVM's threads (server and load generator): per request, a measure the machine's
     * load does not move at all, and a close second to CPU time for this reactive path.
     */
    private static long allocated() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getTotalThreadAllocatedBytes();
    }

    private static jdk.jfr.Recording startRecording() throws Exception {
        jdk.jfr.Recording recording = new jdk.jfr.Recording(jdk.jfr.Configuration.getConfiguration("profile"));
        recording.start();
        return recording;
    }

    private static double load() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
}
