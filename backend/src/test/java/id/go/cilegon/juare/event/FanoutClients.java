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
 * {@code mark} (from now, note each subscriber's first event: "marked"), {@code wait <ms>} (until every subscriber
 * has one since the mark, or the time is up: "latencies <µs,µs,...>", one per subscriber that got it),
 * {@code count} ("count <events received in all>"), {@code closed} ("closed <subscriptions the server ended>"),
 * {@code quit}.
 */
public final class FanoutClients {

    public static void main(String[] args) throws Exception {
        PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true, StandardCharsets.UTF_8);
        System.setOut(new PrintStream(System.err, true));
        int port = Integer.parseInt(args[0]);
        int n = Integer.parseInt(args[1]);
        String init = Files.readString(Path.of(args[2]));
        String subscribe = Files.readString(Path.of(args[3]));

        LoopResources loop = LoopResources.create("fanout-clients", 1, true);
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
                    StringBuilder latencies = new StringBuilder("latencies ");
                    for (int i = 0; i < n; i++) {
                        Subscriber s = subscribers.get(i);
                        while (s.count.get() <= counts[i] && System.nanoTime() < deadline) {
                            Thread.sleep(2);
                        }
                        if (s.count.get() > counts[i]) {
                            latencies.append((s.firstAfterMark - s.mark) / 1000).append(',');
                        }
                    }
                    out.println(latencies);
                }
                case "count" -> out.println("count " + subscribers.stream().mapToLong(s -> s.count.get()).sum());
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

    /** One graphql-ws client: counts "next" messages and notes when the first one after a mark arrived. */
    private static final class Subscriber {
        final AtomicLong count = new AtomicLong();
        volatile boolean acknowledged;
        volatile Disposable connection;
        volatile long mark;
        volatile long firstAfterMark;
        volatile boolean closed;

        void mark(long at) {
            firstAfterMark = 0;
            mark = at;
        }

        Disposable connect(HttpClient.WebsocketSender client, int port, String init, String subscribe, AtomicInteger errors,
                           CountDownLatch acknowledgements) {
            closed = false;
            return client.uri("ws://localhost:" + port + "/graphql")
                    .handle((in, out) -> {
                        Sinks.Many<String> outgoing = Sinks.many().unicast().onBackpressureBuffer();
                        outgoing.tryEmitNext(init);
                        Mono<Void> reading = in.receive().asString().doOnNext(text -> {
                            if (text.contains("\"next\"")) {
                                if (firstAfterMark == 0 && mark != 0) {
                                    firstAfterMark = System.nanoTime();
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
