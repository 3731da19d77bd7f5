package id.go.cilegon.juare.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.cilegon.juare.graphql.OperationDocuments;
import id.go.cilegon.juare.support.Api;
import id.go.cilegon.juare.support.IntegrationTest;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.test.util.ReflectionTestUtils;
import tools.jackson.databind.json.JsonMapper;

/**
 * Not a test: submitComplaint (no photo) against pgbench running the statements it sends, on the same PostgreSQL (the
 * tests' embedded one), at 16 and 64 connections (issue 15, ADR 0040). Four variants, interleaved round after round
 * (their order turns each round) so that the shared machine's load falls on each alike:
 * <ul>
 * <li>{@code juare-before}: main's path (look-up, BEGIN, INSERT complaint, INSERT event, COMMIT, photos read), switched
 * on in the running application (ComplaintService.oneStatement = false);
 * <li>{@code juare-after}: one statement (ADR 0040);
 * <li>{@code pgbench-before}: {@code bench/submit-statements-before.sql};
 * <li>{@code pgbench-after}: {@code bench/submit-statements.sql}.
 * </ul>
 * Juare's load: wrk with {@code bench/submit.lua} (unique clientRequestIds per wrk thread), 2 threads, one resident.
 * pgbench: {@code -n -M prepared -j 2}. Needs wrk and pgbench on the PATH.
 * <pre>
 * ./mvnw -B -o -pl graphql,backend verify -Dtest=SubmitBenchmark -DexcludedGroups=none \
 *     -Dsurefire.failIfNoSpecifiedTests=false [-DargLine="-Dbench.rounds=3 -Dbench.seconds=10"]
 * </pre>
 * Settings (system properties): {@code bench.rounds} (3), {@code bench.seconds} (10 per measure), {@code bench.warmup}
 * (20 s per Juare variant, thrown away), {@code bench.connections} (16,64), {@code bench.variants} (all four).
 */
@Tag("benchmark")
class SubmitBenchmark extends IntegrationTest {

    private static final Pattern WRK_RPS = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
    private static final Pattern WRK_FAILURES = Pattern.compile("failures: (\\d+)");
    private static final Pattern WRK_ERRORS = Pattern.compile("Non-2xx or 3xx responses: (\\d+)|Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)");
    private static final Pattern PGBENCH_TPS = Pattern.compile("tps = ([0-9.]+) \\(without initial connection time\\)");
    private static final Pattern PGBENCH_FAILED = Pattern.compile("number of failed transactions: (\\d+)");
    private static final Pattern LATENCY = Pattern.compile("latency average = ([0-9.]+) ms");

    @Autowired ApplicationContext context;
    @Autowired Environment environment;

    private final Path repository = Path.of("..").toAbsolutePath().normalize();

    @Test
    void submitAgainstPgbench() throws Exception {
        int rounds = Integer.getInteger("bench.rounds", 3);
        int seconds = Integer.getInteger("bench.seconds", 10);
        int warmup = Integer.getInteger("bench.warmup", 20);
        List<Integer> connections = Arrays.stream(System.getProperty("bench.connections", "16,64").split(","))
                .map(String::strip).map(Integer::valueOf).toList();
        List<String> variants = List.of(System.getProperty("bench.variants",
                "juare-before,juare-after,pgbench-before,pgbench-after").split(","));

        Api.Resident resident = api().newResident();
        JsonMapper json = JsonMapper.builder().build();
        Map<String, String> wrkEnv = Map.of("TOKEN", resident.token(),
                "SUBMIT_QUERY", json.writeValueAsString(OperationDocuments.load("SubmitComplaint")));
        String url = environment.getProperty("spring.r2dbc.url");
        Matcher hostPort = Pattern.compile("//([^:/]+):(\\d+)/(\\w+)").matcher(url);
        assertThat(hostPort.find()).as(url).isTrue();
        Map<String, String> pgEnv = Map.of("PGHOST", hostPort.group(1), "PGPORT", hostPort.group(2),
                "PGDATABASE", hostPort.group(3), "PGUSER", environment.getProperty("spring.r2dbc.username"),
                "PGPASSWORD", environment.getProperty("spring.r2dbc.password"));
        long backend = db.sql("SELECT pg_backend_pid()").map(row -> row.get(0, Integer.class)).one().block();
        postmaster = Long.parseLong(stat(backend)[1]);
        System.out.printf("BENCH max_connections %s, complaints at start %d%n",
                db.sql("SHOW max_connections").map(row -> row.get(0, String.class)).one().block(),
                db.sql("SELECT count(*) FROM complaint").map(row -> row.get(0, Long.class)).one().block());

        // JIT warm-up for both Java paths; the scripts are checked to run without failures
        for (String variant : List.of("juare-before", "juare-after")) {
            System.out.println("BENCH warm-up " + variant + " " + run(variant, 16, warmup, wrkEnv, pgEnv));
        }
        for (String variant : List.of("pgbench-before", "pgbench-after")) {
            System.out.println("BENCH check " + variant + " " + run(variant, 2, 2, wrkEnv, pgEnv));
        }

        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "%-15s %5s %5s %9s %9s %9s %9s %9s %9s %8s %6s", "variant", "conns", "round", "rps", "avg ms",
                "jvm ms/r", "db ms/r", "load ms/r", "all ms/r", "failed", "load1"));
        for (int round = 1; round <= rounds; round++) {
            for (int c : connections) {
                List<String> order = new ArrayList<>(variants);
                java.util.Collections.rotate(order, round - 1);
                for (String variant : order) {
                    Result result = run(variant, c, seconds, wrkEnv, pgEnv);
                    String line = String.format(Locale.ROOT, "%-15s %5d %5d %9.1f %9.2f %9.3f %9.3f %9.3f %9.3f %8d %6.2f", variant, c, round,
                            result.rate(), result.latencyMs(), result.cpuMsPerRequest(), result.dbMsPerRequest(),
                            result.clientMsPerRequest(), result.totalMs(), result.failed(), load());
                    lines.add(line);
                    System.out.println("BENCH " + line);
                }
            }
        }
        System.out.println("BENCH results\n" + String.join("\n", lines));
        oneStatement(true);
    }

    record Result(double rate, double latencyMs, double cpuMsPerRequest, long failed, double dbMsPerRequest,
                  double clientMsPerRequest) {

        /** CPU per request of the whole set-up on this machine: load generator, Java (Juare only) and PostgreSQL. */
        double totalMs() {
            return cpuMsPerRequest + dbMsPerRequest + clientMsPerRequest;
        }
    }

    private static final Pattern TIMES = Pattern.compile("(\\d+)m([0-9.]+)s (\\d+)m([0-9.]+)s\\s*$");

    /** The children's user + system CPU from "times" (its last line), in ms. */
    private static double childrenCpuMs(String out) {
        Matcher m = TIMES.matcher(out.strip());
        if (!m.find()) {
            return Double.NaN;
        }
        return (Long.parseLong(m.group(1)) * 60 + Double.parseDouble(m.group(2)) + Long.parseLong(m.group(3)) * 60
                + Double.parseDouble(m.group(4))) * 1000;
    }

    /** PostgreSQL's postmaster of the tests' server: its processes' CPU is PostgreSQL's work. */
    private long postmaster;

    /**
     * CPU time of the whole PostgreSQL server so far (postmaster, its live children, and the children it reaped), in
     * ms: less sensitive to the other processes on the machine than throughput is.
     */
    private double postgresCpuMs() {
        try {
            long ticks = 0;
            String[] own = stat(postmaster);
            ticks += Long.parseLong(own[11]) + Long.parseLong(own[12]) + Long.parseLong(own[13]) + Long.parseLong(own[14]);
            try (var processes = Files.list(Path.of("/proc"))) {
                for (Path process : processes.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                    try {
                        String[] fields = stat(Long.parseLong(process.getFileName().toString()));
                        if (Long.parseLong(fields[1]) == postmaster) {
                            ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                        }
                    } catch (IOException | RuntimeException gone) {
                        // ended meanwhile: the postmaster counts it once reaped
                    }
                }
            }
            return ticks * 10.0; // USER_HZ 100
        } catch (IOException e) {
            return Double.NaN;
        }
    }

    /** /proc/PID/stat after the command's name: index 0 is field 3 (state), 1 the parent, 11-14 utime, stime, cutime, cstime. */
    private static String[] stat(long pid) throws IOException {
        String line = Files.readString(Path.of("/proc/" + pid + "/stat"));
        return line.substring(line.lastIndexOf(')') + 2).split(" ");
    }

    private Result run(String variant, int connections, int seconds, Map<String, String> wrkEnv, Map<String, String> pgEnv)
            throws IOException, InterruptedException {
        double db0 = postgresCpuMs();
        Result result = runOnly(variant, connections, seconds, wrkEnv, pgEnv);
        double dbMs = (postgresCpuMs() - db0) / Math.max(1, result.rate() * seconds);
        return new Result(result.rate(), result.latencyMs(), result.cpuMsPerRequest(), result.failed(), dbMs,
                result.clientMsPerRequest());
    }

    private Result runOnly(String variant, int connections, int seconds, Map<String, String> wrkEnv, Map<String, String> pgEnv)
            throws IOException, InterruptedException {
        if (variant.startsWith("juare-")) {
            oneStatement(variant.equals("juare-after"));
            long cpu = cpuNanos();
            String out = exec(List.of("wrk", "-t2", "-c" + connections, "-d" + seconds + "s", "--latency", "--timeout", "10s",
                    "-s", repository.resolve("bench/submit.lua").toString(), "http://localhost:" + port), wrkEnv, seconds);
            long cpuUsed = cpuNanos() - cpu;
            double rps = number(WRK_RPS, out);
            long failed = (long) number(WRK_FAILURES, out);
            Matcher non2xx = WRK_ERRORS.matcher(out);
            while (non2xx.find()) {
                for (int g = 1; g <= non2xx.groupCount(); g++) {
                    failed += non2xx.group(g) == null ? 0 : Long.parseLong(non2xx.group(g));
                }
            }
            Matcher avg = Pattern.compile("Latency\\s+([0-9.]+)(us|ms|s)").matcher(out);
            double latency = avg.find() ? Double.parseDouble(avg.group(1)) * switch (avg.group(2)) {
                case "us" -> 0.001;
                case "s" -> 1000;
                default -> 1;
            } : -1;
            return new Result(rps, latency, cpuUsed / 1e6 / Math.max(1, rps * seconds), failed, 0,
                    childrenCpuMs(out) / Math.max(1, rps * seconds));
        }
        String script = variant.equals("pgbench-after") ? "bench/submit-statements.sql" : "bench/submit-statements-before.sql";
        String out = exec(List.of("pgbench", "-n", "-M", "prepared", "-f", repository.resolve(script).toString(),
                "-c", Integer.toString(connections), "-j", "2", "-T", Integer.toString(seconds)), pgEnv, seconds);
        Matcher failed = PGBENCH_FAILED.matcher(out);
        double tps = number(PGBENCH_TPS, out);
        return new Result(tps, number(LATENCY, out), 0, failed.find() ? Long.parseLong(failed.group(1)) : 0, 0,
                childrenCpuMs(out) / Math.max(1, tps * seconds));
    }

    private static double number(Pattern pattern, String out) {
        Matcher m = pattern.matcher(out);
        if (!m.find()) {
            throw new IllegalStateException("no " + pattern + " in:\n" + out);
        }
        return Double.parseDouble(m.group(1));
    }

    private static String exec(List<String> command, Map<String, String> env, int seconds) throws IOException, InterruptedException {
        // "times" prints the CPU of the shell's children last: the load generator's own CPU (wrk's, pgbench's client)
        List<String> timed = new ArrayList<>(List.of("bash", "-c", "\"$@\"; times", "bash"));
        timed.addAll(command);
        ProcessBuilder builder = new ProcessBuilder(timed).redirectErrorStream(true);
        builder.environment().putAll(env);
        Process process = builder.start();
        try {
            if (!process.waitFor(seconds + 60L, TimeUnit.SECONDS)) {
                throw new IllegalStateException(command.getFirst() + " did not end");
            }
            return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } finally {
            process.destroyForcibly();
        }
    }

    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static double load() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        } catch (IOException e) {
            return -1;
        }
    }

    private void oneStatement(boolean on) {
        try {
            Object service = context.getBean(Class.forName("id.go.cilegon.juare.complaint.internal.ComplaintService"));
            ReflectionTestUtils.setField(service, "oneStatement", on);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
