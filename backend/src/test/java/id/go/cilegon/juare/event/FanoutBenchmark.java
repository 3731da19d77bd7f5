package id.go.cilegon.juare.event;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.cilegon.juare.graphql.OperationDocuments;
import id.go.cilegon.juare.support.Api;
import id.go.cilegon.juare.support.IntegrationTest;
import id.go.cilegon.juare.support.Staff;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import reactor.netty.http.client.HttpClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * Not a test: one event to N complaintEvents subscribers on this test's backend (docs/benchmarks/fanout.md). N raw
 * reactor-netty graphql-ws clients in a JVM of their own ({@link FanoutClients}, one event loop, one operator token);
 * then events until both JVMs are warm (see {@link #WARMUP_EVENTS}); then one complaint submitted at a time, and from
 * the moment just before the submit is sent to each subscriber's
 * receipt: p50, p99, max, missed deliveries; the server's heap (after a GC) before and after back-to-back events, bytes
 * per idle subscription and per delivery (the server alone) with the classes that grew most (a class histogram taken
 * in this JVM), and the submit's latency with and without the subscribers. Tagged "benchmark", which the build excludes:
 * <pre>
 * ./mvnw -B -o -q -pl graphql,backend test -Dtest=FanoutBenchmark -DexcludedGroups=none -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Djuare.benchmark.subscribers=1000,5000,10000 -DargLine=-Xmx1g
 * </pre>
 * Each side holds one file descriptor per connection, so N stays below {@code ulimit -n} (20,000 here) less a few hundred.
 */
@Tag("benchmark")
class FanoutBenchmark extends IntegrationTest {

    private static final int[] SUBSCRIBERS = Arrays.stream(System.getProperty("juare.benchmark.subscribers", "1000").split(","))
            .mapToInt(s -> Integer.parseInt(s.trim())).toArray();
    private static final int MEASURED_EVENTS = Integer.getInteger("juare.benchmark.events", 10);
    private static final int HEAP_EVENTS = Integer.getInteger("juare.benchmark.heap-events", 100);
    /**
     * Events delivered before the measured ones: at least this many, and then more (up to {@code
     * juare.benchmark.jit-quiet-max-seconds}, 180) until both JVMs' JIT compilers together spent less than
     * {@value #JIT_QUIET_MS} ms in the last {@value #JIT_QUIET_EVENTS} events. Two minutes after its start the
     * server's C2 thread still took a third of a core through the measured events (perf, fanout.md round 8): what a
     * replica that has run for a while does not pay. The compilers work in bursts, so a few quiet events in a row
     * are not the end of it (5 events under 20 ms each ended some warm-ups at 90 s, with a cold run's CPU after).
     * None extra: {@code -Djuare.benchmark.jit-quiet=false}.
     */
    private static final int WARMUP_EVENTS = Integer.getInteger("juare.benchmark.warmup-events", 3);
    private static final boolean JIT_QUIET = Boolean.parseBoolean(System.getProperty("juare.benchmark.jit-quiet", "true"));
    private static final long JIT_QUIET_MS = 200;
    private static final int JIT_QUIET_EVENTS = 20;
    private static final long JIT_QUIET_MAX_SECONDS = Long.getLong("juare.benchmark.jit-quiet-max-seconds", 180);

    /** The last {@value #JIT_QUIET_EVENTS} events cost both JIT compilers together less than {@value #JIT_QUIET_MS} ms. */
    private static boolean quiet(java.util.Deque<Long> recentJit) {
        return recentJit.size() == JIT_QUIET_EVENTS && recentJit.stream().mapToLong(Long::longValue).sum() < JIT_QUIET_MS;
    }
    private static final Duration DELIVERY_WAIT = Duration.ofSeconds(60);

    @Autowired EventStream stream;

    private final java.net.http.HttpClient http = java.net.http.HttpClient.newBuilder().version(java.net.http.HttpClient.Version.HTTP_1_1).build();
    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void oneEventToManySubscribers() throws Exception {
        stream.listening().block(Duration.ofSeconds(30));
        String operator = new Staff(api()).operator().token();
        Api.Resident resident = api().newResident();
        for (int i = 0; i < 5; i++) {
            submit(resident.token());
        }
        List<Long> quiet = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            quiet.add(submit(resident.token()));
        }
        System.out.printf("FANOUT submit without subscribers: p50 %.1f ms, p99 %.1f ms%n", pct(quiet, 50) / 1e6, pct(quiet, 99) / 1e6);
        for (int n : SUBSCRIBERS) {
            run(n, operator, resident.token());
        }
    }

    private void run(int n, String operator, String residentToken) throws Exception {
        String init = json.writeValueAsString(Map.of("type", "connection_init", "payload", Map.of("Authorization", "Bearer " + operator)));
        String subscribe = json.writeValueAsString(Map.of("id", "1", "type", "subscribe", "payload",
                Map.of("query", OperationDocuments.load("ComplaintEvents"), "variables", Map.of())));
        Path initFile = Files.writeString(Files.createTempFile("fanout-init", ".json"), init);
        Path subscribeFile = Files.writeString(Files.createTempFile("fanout-subscribe", ".json"), subscribe);

        long heapEmpty = usedHeapAfterGc();
        String histogramEmpty = histogram();
        int before = stream.subscriberCount();
        // the subscribers in a JVM of their own: the heap and the file descriptors measured here are the server's
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + System.getProperty("juare.benchmark.client-heap", "1g"),
                "-Djuare.benchmark.client-loops=" + Integer.getInteger("juare.benchmark.client-loops", 2)));
        // e.g. a flight recording of the clients' JVM
        String clientOptions = System.getProperty("juare.benchmark.client-jvm-options", "").trim();
        if (!clientOptions.isEmpty()) {
            command.addAll(Arrays.asList(clientOptions.split("\\s+")));
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"),
                FanoutClients.class.getName(), Integer.toString(port), Integer.toString(n), initFile.toString(), subscribeFile.toString()));
        Process clients = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try {
            Clients remote = new Clients(clients);
            String[] opened = remote.read("opened").split(" ");
            // attached to the live stream (the server subscribes after the subscribe message)
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (stream.subscriberCount() < before + n && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            System.out.printf("FANOUT N=%d: %d attached in %s s (%s connection errors, %s opened again)%n", n, stream.subscriberCount() - before,
                    opened[2], opened[3], opened[4]);
            long heapIdle = usedHeapAfterGc();
            System.out.printf("FANOUT N=%d: server heap %d MiB empty, %d MiB with N idle subscriptions: %d bytes per subscription (server alone)%n",
                    n, heapEmpty >> 20, heapIdle >> 20, (heapIdle - heapEmpty) / n);
            printGrowth("idle subscriptions", n, histogramEmpty, histogram());

            // warm up, then one event at a time
            int warmup = 0;
            long warmupStart = System.nanoTime();
            long jit = serverJit() + remote.jit();
            java.util.ArrayDeque<Long> recentJit = new java.util.ArrayDeque<>();
            StringBuilder jitTrace = new StringBuilder();
            while (warmup < WARMUP_EVENTS || JIT_QUIET && !quiet(recentJit)
                    && System.nanoTime() - warmupStart < TimeUnit.SECONDS.toNanos(JIT_QUIET_MAX_SECONDS)) {
                deliverOne(remote, residentToken);
                warmup++;
                long now = serverJit() + remote.jit();
                recentJit.addLast(now - jit);
                if (recentJit.size() > JIT_QUIET_EVENTS) {
                    recentJit.removeFirst();
                }
                jitTrace.append(now - jit).append(' ');
                jit = now;
            }
            System.out.printf("FANOUT N=%d: %d events to warm up delivered in %.1f s (server up %.1f s); JIT ms in each: %s%n",
                    n, warmup, (System.nanoTime() - warmupStart) / 1e9, ManagementFactory.getRuntimeMXBean().getUptime() / 1e3, jitTrace);
            List<Long> latencies = new ArrayList<>();
            List<Long> submits = new ArrayList<>();
            List<Long> serverSpans = new ArrayList<>();
            List<Long> serverFirst = new ArrayList<>();
            List<Long> eventP99 = new ArrayList<>();
            long missed = 0;
            long wrong = 0;
            long serverCpu = serverCpu();
            long clientCpu = remote.cpu();
            for (int i = 0; i < MEASURED_EVENTS; i++) {
                Round round = deliverOne(remote, residentToken);
                latencies.addAll(round.latencies);
                if (!round.latencies.isEmpty()) {
                    eventP99.add((long) pct(round.latencies, 99));
                }
                submits.add(round.submit);
                missed += n - round.latencies.size();
                wrong += round.wrong;
                if (round.firstFrame > 0) {
                    serverFirst.add(round.firstFrame);
                    serverSpans.add(round.lastFrame - round.firstFrame);
                }
            }
            serverCpu = serverCpu() - serverCpu;
            clientCpu = remote.cpu() - clientCpu;
            System.out.printf("FANOUT N=%d: one event, send of submit to receipt: p50 %.1f ms, p99 %.1f ms, max %.1f ms over %d events; missed %d (of them the wrong event first %d); submit p50 %.1f ms, max %.1f ms (%s)%n",
                    n, pct(latencies, 50) / 1e6, pct(latencies, 99) / 1e6, pct(latencies, 100) / 1e6, MEASURED_EVENTS, missed, wrong,
                    pct(submits, 50) / 1e6, pct(submits, 100) / 1e6, loadAverage());
            // the p99 above is over all the events' deliveries together: the slowest event's (one with a pause in it)
            System.out.printf("FANOUT N=%d: one event, each event's own p99 (ms, in order): %s; median %.1f ms, max %.1f ms%n", n,
                    eventP99.stream().map(t -> String.format("%.0f", t / 1e6)).collect(java.util.stream.Collectors.joining(" ")),
                    pct(eventP99, 50) / 1e6, pct(eventP99, 100) / 1e6);
            System.out.printf("FANOUT N=%d: one event, server: send of submit to first frame p50 %.1f ms, max %.1f ms; first frame to last frame p50 %.1f ms, max %.1f ms; CPU per delivery: server %.1f µs, clients %.1f µs%n",
                    n, pct(serverFirst, 50) / 1e6, pct(serverFirst, 100) / 1e6, pct(serverSpans, 50) / 1e6, pct(serverSpans, 100) / 1e6,
                    serverCpu / 1e3 / Math.max(1, (long) MEASURED_EVENTS * n), clientCpu / 1e3 / Math.max(1, (long) MEASURED_EVENTS * n));

            // events back to back: the heap after, and each submit's latency while fan-outs run
            long heapBefore = usedHeapAfterGc();
            String histogramBefore = histogram();
            long received = remote.count();
            long serverCpuBefore = serverCpu();
            long clientCpuBefore = remote.cpu();
            List<Long> during = new ArrayList<>();
            long backToBack = System.nanoTime();
            for (int i = 0; i < HEAP_EVENTS; i++) {
                during.add(submit(residentToken));
            }
            long expected = received + (long) HEAP_EVENTS * n;
            long waitUntil = System.nanoTime() + DELIVERY_WAIT.toNanos() * 3;
            long got;
            while ((got = remote.count()) < expected && System.nanoTime() < waitUntil) {
                Thread.sleep(100);
            }
            double seconds = (System.nanoTime() - backToBack) / 1e9;
            got -= received;
            long serverCpuUsed = serverCpu() - serverCpuBefore;
            long clientCpuUsed = remote.cpu() - clientCpuBefore;
            System.out.printf("FANOUT N=%d: %d events back to back delivered in %.1f s: %.0f deliveries/s; CPU per delivery: server %.1f µs, clients %.1f µs; out of order %d (%s)%n",
                    n, HEAP_EVENTS, seconds, got / seconds, serverCpuUsed / 1e3 / Math.max(1, got), clientCpuUsed / 1e3 / Math.max(1, got),
                    remote.outOfOrder(), loadAverage());
            long heapAfter = usedHeapAfterGc();
            System.out.printf("FANOUT N=%d: %d events back to back: server heap %d -> %d MiB (%d bytes per delivery); delivered %d of %d (missed %d); submit during fan-out p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                    n, HEAP_EVENTS, heapBefore >> 20, heapAfter >> 20, (heapAfter - heapBefore) / Math.max(1, (long) HEAP_EVENTS * n),
                    got, (long) HEAP_EVENTS * n, (long) HEAP_EVENTS * n - got,
                    pct(during, 50) / 1e6, pct(during, 99) / 1e6, pct(during, 100) / 1e6);
            System.out.printf("FANOUT N=%d: submits during the back-to-back fan-outs, in order (ms): %s%n", n,
                    during.stream().map(t -> String.format("%.0f", t / 1e6)).collect(java.util.stream.Collectors.joining(" ")));
            printGrowth("deliveries", (long) HEAP_EVENTS * n, histogramBefore, histogram());
            System.out.printf("FANOUT N=%d: subscriptions closed by the server: %s%n", n, remote.ask("closed").split(" ")[1]);
            long outOfOrder = remote.outOfOrder();
            remote.ask("quit");
            assertThat(missed).isZero();
            assertThat(outOfOrder).isZero();
        } finally {
            clients.destroy();
            clients.waitFor(30, TimeUnit.SECONDS);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (stream.subscriberCount() > before && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
        }
    }

    /** FanoutClients over its standard input and output. */
    private static final class Clients {
        private final BufferedReader in;
        private final PrintStream out;

        Clients(Process process) {
            this.in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            this.out = new PrintStream(process.getOutputStream(), true, StandardCharsets.UTF_8);
        }

        String read(String expected) throws Exception {
            for (String line; (line = in.readLine()) != null; ) {
                if (line.startsWith(expected)) {
                    return line;
                }
            }
            throw new IllegalStateException("the client process ended");
        }

        String ask(String command) throws Exception {
            out.println(command);
            String name = command.split(" ")[0];
            return read(switch (name) {
                case "wait" -> "latencies";
                case "quit" -> "bye";
                default -> name;
            });
        }

        long count() throws Exception {
            return Long.parseLong(ask("count").split(" ")[1]);
        }

        long outOfOrder() throws Exception {
            return Long.parseLong(ask("count").split(" ")[2]);
        }

        /** The client process's JIT compilers' time so far, ms. */
        long jit() throws Exception {
            return Long.parseLong(ask("jit").split(" ")[1]);
        }

        /** The client process's CPU time, ns. */
        long cpu() throws Exception {
            return Long.parseLong(ask("cpu").split(" ")[1]);
        }
    }

    private record Round(List<Long> latencies, long submit, int wrong, long firstFrame, long lastFrame) {
    }

    /**
     * Submits one complaint and waits for every subscriber to receive its event (latencies in ns, from the mark); the
     * server's first and last frame of it (ns from the mark), as its frame encoder saw them (SharedFrameEncoder:
     * when each frame was made, just before it is handed to its connection's event loop).
     */
    private Round deliverOne(Clients remote, String residentToken) throws Exception {
        remote.ask("mark");
        if (FRAME_FIRST != null) {
            ((java.util.concurrent.atomic.AtomicLong) FRAME_FIRST.get(null)).set(0);
        }
        long start = System.nanoTime();
        Submitted submitted = submitComplaint(residentToken);
        String line = remote.ask("wait " + DELIVERY_WAIT.toMillis() + " " + submitted.trackingNumber());
        String[] parts = line.substring("latencies ".length()).split(" wrong ");
        List<Long> latencies = new ArrayList<>();
        for (String value : parts[0].split(",")) {
            if (!value.isBlank()) {
                latencies.add(Long.parseLong(value.trim()) * 1000);
            }
        }
        long first = FRAME_FIRST == null ? 0 : ((java.util.concurrent.atomic.AtomicLong) FRAME_FIRST.get(null)).get();
        long last = FRAME_LAST == null ? 0 : FRAME_LAST.getLong(null);
        return new Round(latencies, submitted.took(), Integer.parseInt(parts[1].trim()),
                first == 0 ? 0 : first - start, first == 0 ? 0 : last - start);
    }

    private static final java.lang.reflect.Field FRAME_FIRST = encoderField("FIRST_AT");
    private static final java.lang.reflect.Field FRAME_LAST = encoderField("lastAt");

    private static java.lang.reflect.Field encoderField(String name) {
        try {
            java.lang.reflect.Field field = Class.forName("id.go.cilegon.juare.platform.internal.SharedFrameEncoder").getDeclaredField(name);
            field.setAccessible(true);
            return field;
        } catch (ReflectiveOperationException e) {
            return null; // a build without the frame encoder (main before round 3): no server-side frame times
        }
    }

    /** This JVM's JIT compilers' time so far, ms. */
    private static long serverJit() {
        return ManagementFactory.getCompilationMXBean().getTotalCompilationTime();
    }

    /** This JVM's CPU time (the server; the test's own thread waits), ns. */
    private static long serverCpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** The server's class histogram (live objects, after a full GC), in-process through the diagnostic command MBean. */
    private static String histogram() {
        try {
            return (String) ManagementFactory.getPlatformMBeanServer().invoke(
                    new javax.management.ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
                    new Object[] {new String[0]}, new String[] {String[].class.getName()});
        } catch (Exception e) {
            return "";
        }
    }

    /** The classes whose live bytes grew most between two histograms, per unit (subscription or delivery). */
    private static void printGrowth(String per, long units, String before, String after) {
        Map<String, long[]> was = parse(before);
        Map<String, long[]> now = parse(after);
        now.entrySet().stream()
                .map(e -> Map.entry(e.getKey(), new long[] {e.getValue()[0] - was.getOrDefault(e.getKey(), new long[2])[0],
                        e.getValue()[1] - was.getOrDefault(e.getKey(), new long[2])[1]}))
                .sorted((a, b) -> Long.compare(b.getValue()[1], a.getValue()[1]))
                .limit(Integer.getInteger("juare.benchmark.histogram-top", 20))
                .forEach(e -> System.out.printf("FANOUT   growth per %s: %8.1f B %6.2f objects  %s%n", per,
                        e.getValue()[1] / (double) units, e.getValue()[0] / (double) units, e.getKey()));
    }

    private static Map<String, long[]> parse(String histogram) {
        Map<String, long[]> classes = new java.util.HashMap<>();
        for (String line : histogram.split("\n")) {
            String[] f = line.trim().split("\\s+");
            if (f.length >= 4 && f[0].endsWith(":")) {
                try {
                    classes.put(f[3], new long[] {Long.parseLong(f[1]), Long.parseLong(f[2])});
                } catch (NumberFormatException ignored) {
                    // a header or total line
                }
            }
        }
        return classes;
    }

    /** One submitComplaint over HTTP; its latency in ns. */
    private long submit(String token) throws Exception {
        return submitComplaint(token).took();
    }

    private record Submitted(long took, String trackingNumber) {
    }

    private Submitted submitComplaint(String token) throws Exception {
        String body = json.writeValueAsString(Map.of("query", OperationDocuments.load("SubmitComplaint"),
                "variables", Map.of("input", Api.complaintInput(Api.newRequestId(), List.of()))));
        long start = System.nanoTime();
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/graphql"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        long took = System.nanoTime() - start;
        assertThat(response.body()).contains("\"errors\":[]");
        return new Submitted(took, json.readTree(response.body()).at("/data/submitComplaint/complaint/trackingNumber").asString());
    }

    private static String loadAverage() {
        try {
            return "load average " + Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (java.io.IOException e) {
            return "load average unknown";
        }
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static double pct(List<Long> values, int p) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        long[] sorted = values.stream().mapToLong(Long::longValue).sorted().toArray();
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
