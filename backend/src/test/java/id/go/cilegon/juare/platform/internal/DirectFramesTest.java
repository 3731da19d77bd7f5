package id.go.cilegon.juare.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.ExecutionResult;
import graphql.ExecutionResultImpl;
import graphql.GraphqlErrorBuilder;
import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocket13FrameDecoder;
import io.netty.handler.codec.http.websocketx.WebSocket13FrameEncoder;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Subscription;
import org.springframework.graphql.execution.SubscriptionPublisherException;
import org.springframework.http.codec.ServerCodecConfigurer;
import reactor.core.publisher.BaseSubscriber;
import reactor.core.publisher.Flux;
import tools.jackson.core.io.SerializedString;
import tools.jackson.databind.util.RawValue;

/**
 * Direct frames (ADR 0049) over a real TCP connection between two Netty channels, the server's with a WebSocket frame
 * encoder and a small write buffer, the client's with a small receive buffer and reading only when told: the frames
 * come in the subscription's order and its end only after its last frame; a client that stops reading stops the
 * subscription being asked for more, and everything comes once it reads again; a cancelled subscription's queued
 * frames are not written.
 */
class DirectFramesTest {

    private static final Pattern NUMBER = Pattern.compile("\"n\":(\\d+)");
    private static final String PAD = "x".repeat(900);

    @SuppressWarnings("unchecked")
    private final org.springframework.core.codec.Encoder<Object> plain =
            (org.springframework.core.codec.Encoder<Object>) SharedFrameEncoder.jsonEncoder(ServerCodecConfigurer.create());
    private EventLoopGroup loops;
    private Channel serverChannel;
    private Channel client;
    private final LinkedBlockingQueue<String> received = new LinkedBlockingQueue<>();

    @BeforeEach
    void connect() throws Exception {
        loops = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
        CompletableFuture<Channel> accepted = new CompletableFuture<>();
        Channel listening = new ServerBootstrap().group(loops).channel(NioServerSocketChannel.class)
                .childOption(ChannelOption.SO_SNDBUF, 4096)
                .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, new WriteBufferWaterMark(2048, 4096))
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        channel.pipeline().addLast(new WebSocket13FrameEncoder(false));
                        accepted.complete(channel);
                    }
                })
                .bind(new InetSocketAddress("127.0.0.1", 0)).sync().channel();
        client = new Bootstrap().group(loops).channel(NioSocketChannel.class)
                .option(ChannelOption.SO_RCVBUF, 4096)
                .option(ChannelOption.AUTO_READ, false)
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        channel.pipeline().addLast(new WebSocket13FrameDecoder(false, false, 1 << 20),
                                new SimpleChannelInboundHandler<TextWebSocketFrame>() {
                                    @Override
                                    protected void channelRead0(ChannelHandlerContext context, TextWebSocketFrame frame) {
                                        received.add(frame.text());
                                    }
                                });
                    }
                })
                .connect(listening.localAddress()).sync().channel();
        serverChannel = accepted.get(10, TimeUnit.SECONDS);
        listening.close();
    }

    @AfterEach
    void close() {
        client.close();
        serverChannel.close();
        loops.shutdownGracefully(0, 1, TimeUnit.SECONDS);
    }

    private DirectFrames.Target target() {
        return new DirectFrames.Target(new DirectFrames.Connection(serverChannel, plain), "7");
    }

    private static ExecutionResult result(int n) {
        String json = "{\"n\":" + n + ",\"pad\":\"" + PAD + "\"}";
        return ExecutionResultImpl.newExecutionResult().data(Map.of("e", new RawValue(new SerializedString(json)))).build();
    }

    /** Spring's subscriber, as far as direct frames go: it writes the graphql-ws end as the handler would. */
    private final class SpringSide extends BaseSubscriber<ExecutionResult> {
        final AtomicLong elements = new AtomicLong();
        final CountDownLatch ended = new CountDownLatch(1);

        @Override
        protected void hookOnSubscribe(Subscription subscription) {
            request(Long.MAX_VALUE);
        }

        @Override
        protected void hookOnNext(ExecutionResult value) {
            elements.incrementAndGet();
        }

        @Override
        protected void hookOnComplete() {
            serverChannel.writeAndFlush(new TextWebSocketFrame("{\"id\":\"7\",\"type\":\"complete\"}"));
            ended.countDown();
        }

        @Override
        protected void hookOnError(Throwable error) {
            serverChannel.writeAndFlush(new TextWebSocketFrame("{\"id\":\"7\",\"type\":\"error\"}"));
            ended.countDown();
        }
    }

    private List<String> receive(int count) throws InterruptedException {
        List<String> frames = new ArrayList<>();
        while (frames.size() < count) {
            String frame = received.poll(20, TimeUnit.SECONDS);
            assertThat(frame).as("frame %d of %d", frames.size() + 1, count).isNotNull();
            frames.add(frame);
        }
        return frames;
    }

    private static List<Integer> numbers(List<String> frames) {
        return frames.stream().map(frame -> {
            Matcher m = NUMBER.matcher(frame);
            return m.find() ? Integer.parseInt(m.group(1)) : -1;
        }).toList();
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited 20 s").isLessThan(deadline);
            Thread.sleep(5);
        }
    }

    @Test
    void framesComeInOrderAndTheEndAfterTheLastOfThem() throws Exception {
        client.config().setAutoRead(true);
        client.read();
        SpringSide spring = new SpringSide();
        // a result that is not shared (errors) among the shared ones takes the same way, in its place
        Flux<ExecutionResult> results = Flux.range(0, 300).map(n -> n == 150
                ? ExecutionResultImpl.newExecutionResult().data(Map.of("e", Map.of("n", n)))
                        .addError(GraphqlErrorBuilder.newError().message("partial").build()).build()
                : result(n));
        DirectFrames.direct(results, target()).subscribe(spring);

        List<String> frames = receive(301);
        assertThat(numbers(frames.subList(0, 300))).containsExactlyElementsOf(java.util.stream.IntStream.range(0, 300).boxed().toList());
        assertThat(frames.get(0)).startsWith("{\"id\":\"7\",\"payload\":{\"data\":{\"e\":{\"n\":0,").endsWith("}}},\"type\":\"next\"}");
        assertThat(frames.get(150)).contains("\"id\":\"7\"", "\"type\":\"next\"", "\"errors\":[", "partial");
        assertThat(frames.get(300)).isEqualTo("{\"id\":\"7\",\"type\":\"complete\"}");
        assertThat(spring.elements).hasValue(0);
    }

    @Test
    void anErrorEndsAfterTheFramesBeforeIt() throws Exception {
        client.config().setAutoRead(true);
        client.read();
        SpringSide spring = new SpringSide();
        Flux<ExecutionResult> results = Flux.range(0, 50).map(DirectFramesTest::result)
                .concatWith(Flux.error(new SubscriptionPublisherException(List.of(), null)));
        DirectFrames.direct(results, target()).subscribe(spring);

        List<String> frames = receive(51);
        assertThat(numbers(frames.subList(0, 50))).isSorted().doesNotHaveDuplicates().hasSize(50).doesNotContain(-1);
        assertThat(frames.get(50)).isEqualTo("{\"id\":\"7\",\"type\":\"error\"}");
    }

    @Test
    void aClientThatStopsReadingIsAskedForNoMoreUntilItReadsAgain() throws Exception {
        int total = 3_000; // ~2.8 MB of frames, far beyond the socket buffers and the channel's high-water mark
        AtomicLong requested = new AtomicLong();
        SpringSide spring = new SpringSide();
        Flux<ExecutionResult> results = Flux.range(0, total).doOnRequest(requested::addAndGet).map(DirectFramesTest::result);
        DirectFrames.direct(results, target()).subscribe(spring);

        // the client reads nothing: what was asked for stops growing, far below the whole
        long[] seen = {-1};
        await(() -> {
            long now = requested.get();
            boolean still = now == seen[0] && !serverChannel.isWritable();
            seen[0] = now;
            if (!still) {
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return still;
        });
        assertThat(requested.get()).isLessThan(total / 2);
        assertThat(spring.ended.getCount()).isEqualTo(1);

        // it reads again: every frame, in order, then the end
        client.config().setAutoRead(true);
        client.read();
        List<String> frames = receive(total + 1);
        assertThat(numbers(frames.subList(0, total))).containsExactlyElementsOf(java.util.stream.IntStream.range(0, total).boxed().toList());
        assertThat(frames.get(total)).contains("complete");
    }

    @Test
    void framesOfOneSharedResultGoFromOneCopyEachWholeAlsoToAClientThatPausesMidFrame() throws Exception {
        // three deliveries of each result in a row: the second and third are the same bytes off the heap, each written
        // through a view of its own (a frame that only partly fits the socket goes on from where its own view stopped)
        int total = 3_000;
        ExecutionResult[] results = new ExecutionResult[total / 3];
        java.util.Arrays.setAll(results, DirectFramesTest::result);
        SpringSide spring = new SpringSide();
        DirectFrames.direct(Flux.range(0, total).map(n -> results[n / 3]), target()).subscribe(spring);
        await(() -> !serverChannel.isWritable());

        client.config().setAutoRead(true);
        client.read();
        List<String> frames = receive(total + 1);
        assertThat(numbers(frames.subList(0, total))).containsExactlyElementsOf(
                java.util.stream.IntStream.range(0, total).map(n -> n / 3).boxed().toList());
        for (int n = 0; n < total; n += 3) {
            assertThat(frames.get(n + 1)).isEqualTo(frames.get(n));
            assertThat(frames.get(n + 2)).isEqualTo(frames.get(n));
        }
        assertThat(frames.get(total)).contains("complete");
    }

    @Test
    void aCancelledSubscriptionsQueuedFramesAreNotWritten() throws Exception {
        client.config().setAutoRead(true);
        client.read();
        // the connection's loop busy: the frames wait in its writer's queue
        CountDownLatch busy = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        serverChannel.eventLoop().execute(() -> {
            busy.countDown();
            try {
                release.await(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        busy.await(10, TimeUnit.SECONDS);
        SpringSide spring = new SpringSide();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        DirectFrames.direct(Flux.range(0, 10).map(DirectFramesTest::result), target())
                .subscribe(spring);
        assertThat(DirectFrames.Writer.queued(serverChannel.eventLoop())).isEqualTo(11); // ten frames and the end
        spring.cancel();
        release.countDown();
        serverChannel.eventLoop().submit(() -> { }).get(10, TimeUnit.SECONDS);
        serverChannel.writeAndFlush(new TextWebSocketFrame("after")).sync();

        assertThat(received.poll(20, TimeUnit.SECONDS)).isEqualTo("after");
        assertThat(spring.ended.getCount()).isEqualTo(1);
        assertThat(failure.get()).isNull();
    }
}
