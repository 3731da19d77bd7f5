package id.go.cilegon.juare.event;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.cilegon.juare.graphql.OperationDocuments;
import id.go.cilegon.juare.support.Api;
import id.go.cilegon.juare.support.IntegrationTest;
import id.go.cilegon.juare.support.Staff;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.client.WebsocketClientSpec;
import reactor.netty.resources.ConnectionProvider;
import reactor.netty.resources.LoopResources;
import tools.jackson.databind.json.JsonMapper;

/**
 * Not a test: one event to N complaintEvents subscribers on this test's backend (docs/benchmarks/fanout.md). N raw
 * reactor-netty graphql-ws clients on one event loop, one operator token; then one complaint submitted at a time, and
 * from the moment the submit is sent to each subscriber's receipt: p50, p99, max, missed deliveries; the heap (after a
 * GC) before and after 100 events, bytes per idle subscription (client and server, one JVM), and the submit's latency
 * with and without the subscribers. Tagged "benchmark", which the build excludes:
 * <pre>
 * ./mvnw -B -o -q -pl graphql,backend test -Dtest=FanoutBenchmark -DexcludedGroups=none -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Djuare.benchmark.subscribers=1000,5000 -DargLine=-Xmx1g
 * </pre>
 * Each connection costs two file descriptors here (client and server in one process), so N stays below half of
 * {@code ulimit -n}.
 */
@Tag("benchmark")
class FanoutBenchmark extends IntegrationTest {

    private static final int[] SUBSCRIBERS = Arrays.stream(System.getProperty("juare.benchmark.subscribers", "1000").split(","))
            .mapToInt(s -> Integer.parseInt(s.trim())).toArray();
    private static final int MEASURED_EVENTS = Integer.getInteger("juare.benchmark.events", 10);
    private static final int HEAP_EVENTS = Integer.getInteger("juare.benchmark.heap-events", 100);
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
        LoopResources loop = LoopResources.create("fanout-bench", 1, true);
        ConnectionProvider connections = ConnectionProvider.newConnection();
        HttpClient.WebsocketSender client = HttpClient.create(connections).runOn(loop)
                .websocket(WebsocketClientSpec.builder().protocols("graphql-transport-ws").maxFramePayloadLength(1 << 20).build());
        String init = json.writeValueAsString(Map.of("type", "connection_init", "payload", Map.of("Authorization", "Bearer " + operator)));
        String subscribe = json.writeValueAsString(Map.of("id", "1", "type", "subscribe", "payload",
                Map.of("query", OperationDocuments.load("ComplaintEvents"), "variables", Map.of())));

        long heapEmpty = usedHeapAfterGc();
        int before = stream.subscriberCount();
        List<Subscriber> subscribers = new ArrayList<>(n);
        int retried = 0;
        long opening = System.nanoTime();
        AtomicInteger errors = new AtomicInteger();
        for (int batch = 0; batch < n; batch += 200) {
            List<Subscriber> pending = new ArrayList<>();
            for (int i = 0; i < Math.min(200, n - batch); i++) {
                pending.add(new Subscriber());
            }
            subscribers.addAll(pending);
            // a connection_init now and then is never acknowledged (issue 15, part W): open that one again
            for (int attempt = 0; !pending.isEmpty() && attempt < 5; attempt++) {
                CountDownLatch acknowledged = new CountDownLatch(pending.size());
                for (Subscriber s : pending) {
                    s.connection = s.connect(client, port, init, subscribe, errors, acknowledged);
                }
                acknowledged.await(10, TimeUnit.SECONDS);
                List<Subscriber> again = pending.stream().filter(s -> !s.acknowledged).toList();
                again.forEach(s -> s.connection.dispose());
                retried += again.size();
                pending = new ArrayList<>(again);
            }
        }
        // attached to the live stream (the server subscribes after the subscribe message)
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (stream.subscriberCount() < before + n && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        System.out.printf("FANOUT N=%d: %d attached in %.1f s (%d connection errors, %d opened again)%n", n, stream.subscriberCount() - before,
                (System.nanoTime() - opening) / 1e9, errors.get(), retried);
        long heapIdle = usedHeapAfterGc();
        System.out.printf("FANOUT N=%d: heap %d MiB empty, %d MiB with N idle subscriptions: %d bytes per subscription (client and server)%n",
                n, heapEmpty >> 20, heapIdle >> 20, (heapIdle - heapEmpty) / n);

        // warm up, then one event at a time
        for (int i = 0; i < 3; i++) {
            deliverOne(subscribers, residentToken);
        }
        List<Long> latencies = new ArrayList<>();
        List<Long> submits = new ArrayList<>();
        long missed = 0;
        for (int i = 0; i < MEASURED_EVENTS; i++) {
            Round round = deliverOne(subscribers, residentToken);
            latencies.addAll(round.latencies);
            submits.add(round.submit);
            missed += n - round.latencies.size();
        }
        System.out.printf("FANOUT N=%d: one event, send of submit to receipt: p50 %.1f ms, p99 %.1f ms, max %.1f ms over %d events; missed %d; submit p50 %.1f ms, max %.1f ms%n",
                n, pct(latencies, 50) / 1e6, pct(latencies, 99) / 1e6, pct(latencies, 100) / 1e6, MEASURED_EVENTS, missed,
                pct(submits, 50) / 1e6, pct(submits, 100) / 1e6);

        // 100 events back to back: the heap after, and each submit's latency while fan-outs run
        long heapBefore = usedHeapAfterGc();
        long received = subscribers.stream().mapToLong(s -> s.count.get()).sum();
        List<Long> during = new ArrayList<>();
        for (int i = 0; i < HEAP_EVENTS; i++) {
            during.add(submit(residentToken));
        }
        long expected = received + (long) HEAP_EVENTS * n;
        long waitUntil = System.nanoTime() + DELIVERY_WAIT.toNanos() * 3;
        while (subscribers.stream().mapToLong(s -> s.count.get()).sum() < expected && System.nanoTime() < waitUntil) {
            Thread.sleep(50);
        }
        long got = subscribers.stream().mapToLong(s -> s.count.get()).sum() - received;
        long heapAfter = usedHeapAfterGc();
        System.out.printf("FANOUT N=%d: %d events back to back: heap %d -> %d MiB; delivered %d of %d (missed %d); submit during fan-out p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                n, HEAP_EVENTS, heapBefore >> 20, heapAfter >> 20, got, (long) HEAP_EVENTS * n, (long) HEAP_EVENTS * n - got,
                pct(during, 50) / 1e6, pct(during, 99) / 1e6, pct(during, 100) / 1e6);
        System.out.printf("FANOUT N=%d: subscriptions closed by the server: %d%n", n, subscribers.stream().filter(s -> s.closed).count());

        subscribers.forEach(s -> s.connection.dispose());
        deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (stream.subscriberCount() > before && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        loop.disposeLater().block(Duration.ofSeconds(10));
        assertThat(missed).isZero();
    }

    private record Round(List<Long> latencies, long submit) {
    }

    /** Submits one complaint and waits for every subscriber to receive its event. */
    private Round deliverOne(List<Subscriber> subscribers, String residentToken) throws Exception {
        long[] counts = subscribers.stream().mapToLong(s -> s.count.get()).toArray();
        long sent = System.nanoTime();
        subscribers.forEach(s -> s.mark(sent));
        long submit = submit(residentToken);
        long deadline = sent + DELIVERY_WAIT.toNanos();
        List<Long> latencies = new ArrayList<>();
        for (int i = 0; i < subscribers.size(); i++) {
            Subscriber s = subscribers.get(i);
            while (s.count.get() <= counts[i] && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            if (s.count.get() > counts[i]) {
                latencies.add(s.firstAfterMark - sent);
            }
        }
        return new Round(latencies, submit);
    }

    /** One submitComplaint over HTTP; its latency in ns. */
    private long submit(String token) throws Exception {
        String body = json.writeValueAsString(Map.of("query", OperationDocuments.load("SubmitComplaint"),
                "variables", Map.of("input", Api.complaintInput(Api.newRequestId(), List.of()))));
        long start = System.nanoTime();
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/graphql"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        long took = System.nanoTime() - start;
        assertThat(response.body()).contains("\"errors\":[]");
        return took;
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

    /** One graphql-ws client: counts "next" messages and notes when the first one after a mark arrived. */
    private static final class Subscriber {
        final AtomicLong count = new AtomicLong();
        volatile boolean acknowledged;
        volatile Disposable connection;
        volatile long mark;
        volatile long firstAfterMark;
        volatile boolean closed;

        void mark(long at) {
            mark = at;
            firstAfterMark = 0;
        }

        Disposable connect(HttpClient.WebsocketSender client, int port, String init, String subscribe, AtomicInteger errors, CountDownLatch acknowledgements) {
            closed = false;
            return client.uri("ws://localhost:" + port + "/graphql")
                    .handle((in, out) -> {
                        Sinks.Many<String> outgoing = Sinks.many().unicast().onBackpressureBuffer();
                        outgoing.tryEmitNext(init);
                        Mono<Void> reading = in.receive().asString().doOnNext(text -> {
                            if (text.contains("\"next\"")) {
                                long now = System.nanoTime();
                                if (firstAfterMark == 0 && mark != 0) {
                                    firstAfterMark = now;
                                }
                                count.incrementAndGet();
                            } else if (text.contains("connection_ack")) {
                                outgoing.tryEmitNext(subscribe);
                                acknowledged = true;
                                acknowledgements.countDown();
                            } else if (text.contains("\"ping\"")) {
                                outgoing.tryEmitNext("{\"type\":\"pong\"}");
                            } else if (text.contains("\"error\"") || text.contains("\"complete\"")) {
                                closed = true;
                                System.out.println("FANOUT server ended a subscription: " + text);
                            }
                        }).then();
                        return Flux.merge(out.sendString(outgoing.asFlux()).then(), reading).then()
                                .doFinally(signal -> closed = true);
                    })
                    .subscribe(null, e -> errors.incrementAndGet());
        }
    }
}
