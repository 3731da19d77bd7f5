package id.go.cilegon.juare.event;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.client.WebsocketClientSpec;
import reactor.netty.resources.ConnectionProvider;
import reactor.netty.resources.LoopResources;

/**
 * Not a test: FanoutBenchmark's N graphql-ws subscribers, in a process of their own (so that the server's heap and
 * file descriptors are the server's alone). {@code java FanoutClients <port> <n> <init file> <subscribe file>}; then
 * commands on standard input, one a line, each answered with one line on standard output:
 * {@code mark} (from now, note each subscriber's first event: "marked"), {@code wait <ms> <tracking number>} (until
 * every subscriber has one since the mark, or the time is up: "latencies <µs,µs,...> wrong <k>", one latency per
 * subscriber whose first event since the mark is that complaint's; k subscribers got another one first),
 * {@code count} ("count <events received in all> <events out of order>"), {@code cpu} ("cpu <this process's CPU
 * time, ns>"), {@code closed} ("closed <subscriptions the server ended>"), {@code quit}.
 * <p>
 * Cheap on purpose (round 4): frames are read as bytes on {@code juare.benchmark.client-loops} (2) event loops, and
 * a {@code next} frame is found by a byte search, not decoded to text or parsed; from each one the event's id (to
 * prove each subscriber's events come in order, none twice) and, for the first frame after a mark only, the
 * complaint's tracking number (to prove it is the submitted complaint's event) are read at known keys. The server's
 * frame is the same either way; the client's own cost is reported ({@code cpu}).
 */
public final class FanoutClients {

    public static void main(String[] args) throws Exception {
        PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true, StandardCharsets.UTF_8);
        System.setOut(new PrintStream(System.err, true));
        int port = Integer.parseInt(args[0]);
        int n = Integer.parseInt(args[1]);
        String init = Files.readString(Path.of(args[2]));
        String subscribe = Files.readString(Path.of(args[3]));

        LoopResources loop = LoopResources.create("fanout-clients", Integer.getInteger("juare.benchmark.client-loops", 2), true);
        HttpClient.WebsocketSender client = HttpClient.create(ConnectionProvider.newConnection()).runOn(loop)
                .websocket(WebsocketClientSpec.builder().protocols("graphql-transport-ws").maxFramePayloadLength(1 << 20).build());
        List<Subscriber> subscribers = new ArrayList<>(n);
        AtomicInteger errors = new AtomicInteger();
        int retried = 0;
        long opening = System.nanoTime();
        for (int batch = 0; batch < n; batch += 200) {
            List<Subscriber> pending = new ArrayList<>();
            for (int i = 0; i < Math.min(200, n - batch); i++) {
                pending.add(new Subscriber());
            }
            subscribers.addAll(pending);
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
        out.printf("opened %d %.1f %d %d%n", n, (System.nanoTime() - opening) / 1e9, errors.get(), retried);

        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        long[] counts = new long[n];
        for (String line; (line = in.readLine()) != null; ) {
            String[] command = line.trim().split(" ");
            switch (command[0]) {
                case "mark" -> {
                    long now = System.nanoTime();
                    for (int i = 0; i < n; i++) {
                        counts[i] = subscribers.get(i).count.get();
                        subscribers.get(i).mark(now);
                    }
                    out.println("marked");
                }
                case "wait" -> {
                    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(Long.parseLong(command[1]));
                    String expected = command.length > 2 ? command[2] : null;
                    StringBuilder latencies = new StringBuilder("latencies ");
                    int wrong = 0;
                    for (int i = 0; i < n; i++) {
                        Subscriber s = subscribers.get(i);
                        while (s.count.get() <= counts[i] && System.nanoTime() < deadline) {
                            Thread.sleep(2);
                        }
                        if (s.count.get() > counts[i]) {
                            if (expected == null || expected.equals(s.trackingAfterMark)) {
                                latencies.append((s.firstAfterMark - s.mark) / 1000).append(',');
                            } else {
                                wrong++;
                            }
                        }
                    }
                    out.println(latencies.append(" wrong ").append(wrong));
                }
                case "count" -> out.println("count " + subscribers.stream().mapToLong(s -> s.count.get()).sum()
                        + " " + subscribers.stream().mapToLong(s -> s.outOfOrder).sum());
                case "cpu" -> out.println("cpu " + ((com.sun.management.OperatingSystemMXBean)
                        java.lang.management.ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime());
                case "jit" -> out.println("jit " + java.lang.management.ManagementFactory.getCompilationMXBean().getTotalCompilationTime());
                case "closed" -> out.println("closed " + subscribers.stream().filter(s -> s.closed).count());
                case "quit" -> {
                    subscribers.forEach(s -> s.connection.dispose());
                    loop.disposeLater().block(Duration.ofSeconds(10));
                    out.println("bye");
                    System.exit(0);
                }
                default -> out.println("unknown " + line);
            }
        }
        System.exit(0);
    }

    private static final byte[] NEXT = bytes("\"type\":\"next\"");
    private static final byte[] EVENT_ID = bytes("\"id\":\"");
    private static final byte[] PAYLOAD = bytes("\"payload\":");
    private static final java.util.concurrent.atomic.AtomicBoolean FIRST_FRAME = new java.util.concurrent.atomic.AtomicBoolean();

    /**
     * The event's id: the first {@code "id":"…"} in the payload whose value is all digits (the frame's own
     * id comes before its type; the complaint's id is a UUID). Whatever the order of the fields (Jackson's map order
     * differs between builds), -1 if none.
     */
    private static long eventId(io.netty.buffer.ByteBuf frame, int from) {
        for (int at = indexOf(frame, EVENT_ID, from); at >= 0; at = indexOf(frame, EVENT_ID, at + 1)) {
            long id = 0;
            int i = at + EVENT_ID.length;
            int start = i;
            while (i < frame.writerIndex() && frame.getByte(i) >= '0' && frame.getByte(i) <= '9') {
                id = id * 10 + (frame.getByte(i) - '0');
                i++;
            }
            if (i > start && i < frame.writerIndex() && frame.getByte(i) == '"') {
                return id;
            }
        }
        return -1;
    }
    private static final byte[] TRACKING = bytes("\"trackingNumber\":\"");

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** Where pattern starts in the frame, or -1 (frames are a few hundred bytes: a plain scan). */
    private static int indexOf(io.netty.buffer.ByteBuf frame, byte[] pattern, int from) {
        int end = frame.writerIndex() - pattern.length;
        outer:
        for (int i = Math.max(from, frame.readerIndex()); i <= end; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (frame.getByte(i + j) != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** One graphql-ws client: counts "next" messages, checks their order and notes the first one after a mark. */
    private static final class Subscriber {
        final AtomicLong count = new AtomicLong();
        volatile boolean acknowledged;
        volatile Disposable connection;
        volatile long mark;
        volatile long firstAfterMark;
        volatile String trackingAfterMark;
        volatile boolean closed;
        /** Written on this connection's event loop only. */
        long lastEventId = -1;
        volatile long outOfOrder;

        void mark(long at) {
            firstAfterMark = 0;
            trackingAfterMark = null;
            mark = at;
        }

        /** A next frame: its event id in order, and the first one after a mark noted with its complaint. */
        void next(io.netty.buffer.ByteBuf frame, int at) {
            long received = System.nanoTime();
            if (FIRST_FRAME.compareAndSet(false, true)) { // one, to show what the clients read
                System.err.println("FANOUT a frame as received: " + frame.toString(StandardCharsets.UTF_8));
            }
            // the payload, wherever the type is (main's encoder writes it last, round 3's first)
            int payload = Math.max(0, indexOf(frame, PAYLOAD, 0));
            long eventId = eventId(frame, payload);
            if (eventId < 0 || eventId <= lastEventId) {
                outOfOrder++;
            }
            lastEventId = Math.max(lastEventId, eventId);
            if (firstAfterMark == 0 && mark != 0) {
                int tracking = indexOf(frame, TRACKING, payload);
                if (tracking >= 0) {
                    int start = tracking + TRACKING.length;
                    int end = start;
                    while (end < frame.writerIndex() && frame.getByte(end) != '"') {
                        end++;
                    }
                    trackingAfterMark = frame.toString(start, end - start, StandardCharsets.UTF_8);
                }
                firstAfterMark = received;
            }
            count.incrementAndGet();
        }

        Disposable connect(HttpClient.WebsocketSender client, int port, String init, String subscribe, AtomicInteger errors,
                           CountDownLatch acknowledgements) {
            closed = false;
            return client.uri("ws://localhost:" + port + "/graphql")
                    .handle((in, out) -> {
                        Sinks.Many<String> outgoing = Sinks.many().unicast().onBackpressureBuffer();
                        outgoing.tryEmitNext(init);
                        Mono<Void> reading = in.receive().doOnNext(frame -> {
                            // the type is near the start of every server message; only other messages become text
                            int next = indexOf(frame, NEXT, 0);
                            if (next >= 0) {
                                next(frame, next);
                                return;
                            }
                            String text = frame.toString(StandardCharsets.UTF_8);
                            if (text.contains("connection_ack")) {
                                outgoing.tryEmitNext(subscribe);
                                acknowledged = true;
                                acknowledgements.countDown();
                            } else if (text.contains("\"ping\"")) {
                                outgoing.tryEmitNext("{\"type\":\"pong\"}");
                            } else if (text.contains("\"error\"") || text.contains("\"complete\"")) {
                                closed = true;
                                System.err.println("FANOUT server ended a subscription: " + text);
                            }
                        }).then();
                        return Flux.merge(out.sendString(outgoing.asFlux()).then(), reading).then()
                                .doFinally(signal -> closed = true);
                    })
                    .subscribe(null, e -> errors.incrementAndGet());
        }
    }
}
