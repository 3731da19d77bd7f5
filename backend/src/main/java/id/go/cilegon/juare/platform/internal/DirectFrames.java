package id.go.cilegon.juare.platform.internal;

import graphql.ExecutionResult;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.EventLoop;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscription;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.codec.Encoder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebSocketGraphQlRequest;
import org.springframework.web.reactive.socket.WebSocketSession;
import org.springframework.web.reactive.socket.adapter.AbstractWebSocketSession;
import org.springframework.web.reactive.socket.adapter.ReactorNettyWebSocketSession;
import reactor.core.CoreSubscriber;
import reactor.core.publisher.Flux;
import reactor.util.context.Context;

/**
 * A subscription's {@code next} frames written by Juare straight to its connection's Netty channel, past Spring's
 * graphql-ws handler (ADR 0049): the ~40 operators a delivery passed per subscriber between the subscription strategy
 * and Reactor Netty's send are one queue offer. Each event loop's writer takes its connections in turn, all of a
 * connection's queued frames with one flush (as Reactor Netty batched a connection's frames), 256 frames a turn,
 * letting the loop read its sockets between turns. A frame is written as its bytes on the wire, WebSocket header
 * included, past Netty's frame encoder; a shared result's, from its second subscriber on, from one off-heap copy
 * (SharedFrameEncoder.nextFrame): no copy and no encoding per delivery.
 * <p>
 * What Spring's path gave and this keeps: <b>order</b> — every {@code next} of a direct subscription goes this way
 * (shared or not), in the order the subscription produced them, and its end ({@code complete} or {@code error}, still
 * written by Spring's handler) is passed on only from the loop's writer after its last frame is written;
 * <b>back-pressure</b> — the subscription is asked for more only as its frames reach a writable channel (a frame
 * written while the channel is not writable asks for one more once it is out), so a client that stops reading fills
 * the subscription's own buffer and ends it with SUBSCRIBER_TOO_SLOW as before; <b>cancellation</b> — the client's
 * {@code complete}, the session guard and the connection's end cancel it through Spring's chain as before, and frames
 * still queued for it are dropped. The interceptors see the subscription's start and end, as they did; none of them
 * looked at a delivery. Switched by {@code juare.events.direct-frames}; off, or without a Netty channel (another
 * server), the frames go through Spring's handler.
 */
@Configuration(proxyBeanMethods = false)
class DirectFrames {

    /** The session attribute with the connection's {@link Connection} (PersistedDocumentRequests.WebSocketHandler). */
    static final String CONNECTION = DirectFrames.class.getName() + ".connection";
    /** The GraphQL context entry of a subscription whose frames go direct. */
    static final String TARGET = DirectFrames.class.getName() + ".target";

    /**
     * A WebSocket: its channel, the JSON encoder of Spring's graphql-ws handler (for results that are not shared), and
     * its loop's writer, which takes its frames in the order they came, in one queue with the loop's other connections'
     * (a queue per connection wrote the connection's own long-lived queue for every delivery: a card for the young
     * collection to scan, 10,000 of them per event), and flushes it once for all of its frames in a turn.
     */
    static final class Connection {
        final Channel channel;
        final Encoder<Object> plain;
        final Writer writer;
        /** Written to in the writer's current turn and not flushed yet (the loop only). */
        boolean unflushed;

        Connection(Channel channel, Encoder<Object> plain) {
            this.channel = channel;
            this.plain = plain;
            this.writer = Writer.of(channel.eventLoop());
        }

        void offer(Item item) {
            writer.offer(item);
        }

        /** On the loop: a frame written (not flushed), or an end passed on after this connection's frames are flushed. */
        void take(Item item, Writer writer) {
            Inner subscription = item.subscription();
            if (item.end()) {
                flush();
                subscription.end(item.error());
                return;
            }
            if (subscription.cancelled || !channel.isActive()) {
                item.frame().release();
                return;
            }
            boolean writable = channel.isWritable();
            // the frame's bytes with their WebSocket header: a ByteBuf goes past Netty's frame encoder as it is
            ChannelFuture future = channel.write(item.frame(), writable ? channel.voidPromise() : channel.newPromise());
            Writer.WRITTEN.increment();
            if (!unflushed) {
                unflushed = true;
                writer.unflushed.add(this);
            }
            subscription.written(future, writable);
        }

        void flush() {
            if (unflushed) {
                unflushed = false;
                channel.flush();
            }
        }
    }

    /** Where a subscription's frames go: its connection, its graphql-ws id. */
    record Target(Connection connection, String id) {
    }

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE + 3)
    Targets directFrameTargets(@Value("${juare.events.direct-frames:true}") boolean enabled) {
        return new Targets(enabled);
    }

    /** Gives a WebSocket's subscriptions their target, while direct frames are on (tests turn them off and on). */
    static final class Targets implements WebGraphQlInterceptor {
        volatile boolean enabled;

        Targets(boolean enabled) {
            this.enabled = enabled;
        }

        @Override
        public reactor.core.publisher.Mono<org.springframework.graphql.server.WebGraphQlResponse> intercept(
                org.springframework.graphql.server.WebGraphQlRequest request, Chain chain) {
            if (enabled && request instanceof WebSocketGraphQlRequest webSocket
                    && webSocket.getSessionInfo().getAttributes().get(CONNECTION) instanceof Connection connection) {
                Target target = new Target(connection, webSocket.getId());
                request.configureExecutionInput((input, builder) -> builder.graphQLContext(Map.of(TARGET, target)).build());
            }
            return chain.next(request);
        }
    }

    private static final MethodHandle DELEGATE = delegateHandle();

    private static @Nullable MethodHandle delegateHandle() {
        try {
            java.lang.reflect.Method method = AbstractWebSocketSession.class.getDeclaredMethod("getDelegate");
            method.setAccessible(true);
            return MethodHandles.lookup().unreflect(method);
        } catch (ReflectiveOperationException | RuntimeException notThere) {
            return null;
        }
    }

    /**
     * Notes the session's Netty channel in its attributes, when it is Reactor Netty's (Spring 7 keeps it behind a
     * protected getter); without it the subscriptions of the session go through Spring's handler.
     */
    static void noteChannel(WebSocketSession session, Encoder<Object> plain) {
        if (DELEGATE == null || !(session instanceof ReactorNettyWebSocketSession netty)) {
            return;
        }
        try {
            var connection = (ReactorNettyWebSocketSession.WebSocketConnection) DELEGATE.invoke(netty);
            connection.getInbound().withConnection(c -> session.getAttributes().put(CONNECTION, new Connection(c.channel(), plain)));
        } catch (Throwable unavailable) {
            // Spring's path
        }
    }

    /** The subscription's results as Spring's handler should get them: none, only its end, the frames written here. */
    static Flux<ExecutionResult> direct(Publisher<ExecutionResult> results, Target target) {
        return new DirectSubscription(results, target);
    }

    /** How many frames a subscription may have asked for and not yet seen written. */
    static final int WINDOW = 32;

    private static final class DirectSubscription extends Flux<ExecutionResult> {
        private final Publisher<ExecutionResult> results;
        private final Target target;

        DirectSubscription(Publisher<ExecutionResult> results, Target target) {
            this.results = results;
            this.target = target;
        }

        @Override
        public void subscribe(CoreSubscriber<? super ExecutionResult> actual) {
            results.subscribe(new Inner(actual, target));
        }
    }

    /** One direct subscription: between its results and Spring's subscriber, which sees only the end. */
    static final class Inner implements CoreSubscriber<ExecutionResult>, Subscription {
        private final CoreSubscriber<? super ExecutionResult> actual;
        private final Connection connection;
        private final byte[] id;
        private final String textId;
        private volatile @Nullable Subscription upstream;
        private volatile boolean cancelled;
        /** Written frames not yet asked again for (the writer's loop only). */
        private int credit;

        Inner(CoreSubscriber<? super ExecutionResult> actual, Target target) {
            this.actual = actual;
            this.connection = target.connection();
            this.textId = target.id();
            this.id = SharedFrameEncoder.quotedId(target.id());
        }

        @Override
        public Context currentContext() {
            return actual.currentContext();
        }

        @Override
        public void onSubscribe(Subscription s) {
            upstream = s;
            actual.onSubscribe(this);
            s.request(WINDOW);
        }

        @Override
        public void onNext(ExecutionResult result) {
            if (cancelled) {
                return;
            }
            connection.offer(new Item(connection, this, SharedFrameEncoder.nextFrame(id, textId, result, connection.plain), null, false));
        }

        @Override
        public void onError(Throwable error) {
            connection.offer(new Item(connection, this, null, error, true));
        }

        @Override
        public void onComplete() {
            connection.offer(new Item(connection, this, null, null, true));
        }

        @Override
        public void request(long n) {
            // Spring's subscriber gets no element: the frames' demand is the channel's (see written)
        }

        @Override
        public void cancel() {
            cancelled = true;
            Subscription s = upstream;
            if (s != null) {
                s.cancel();
            }
        }

        /** On the loop: a frame of this subscription is written; asks for more while the channel takes them. */
        void written(ChannelFuture future, boolean writable) {
            if (writable) {
                more();
            } else {
                future.addListener(done -> more());
            }
        }

        private void more() {
            if (++credit >= WINDOW / 2 && !cancelled) {
                Subscription s = upstream;
                int n = credit;
                credit = 0;
                if (s != null) {
                    s.request(n);
                }
            }
        }

        /** On the loop, after this subscription's frames before it are written and flushed. */
        void end(@Nullable Throwable error) {
            if (cancelled) {
                return;
            }
            if (error != null) {
                actual.onError(error);
            } else {
                actual.onComplete();
            }
        }
    }

    /**
     * A frame to write (as it goes on the wire, WebSocket header included), or the subscription's end (error or
     * complete) to pass on once written.
     */
    record Item(Connection connection, Inner subscription, @Nullable ByteBuf frame, @Nullable Throwable error, boolean end)
            implements Turn {

        @Override
        public int drain(Writer writer) {
            connection.take(this, writer);
            return 1;
        }
    }

    /**
     * One per event loop: the frames and ends of the loop's connections, in the order they came, taken by one task on
     * the loop; each connection written to is flushed once at the end of the turn (before an end or a marker, at
     * once). A task takes at most {@link #BATCH} items, then queues itself again, so the loop's other work (HTTP
     * requests, reads) gets its turn during a fan-out.
     */
    static final class Writer implements Runnable {
        private static final Map<EventLoop, Writer> WRITERS = new ConcurrentHashMap<>();
        static final int BATCH = 256;
        /** Frames written by every writer (tests). */
        static final java.util.concurrent.atomic.LongAdder WRITTEN = new java.util.concurrent.atomic.LongAdder();

        private final EventLoop loop;
        private final Queue<Turn> items = new ConcurrentLinkedQueue<>();
        /** Items queued on the loop's connections and not yet taken (ServerEventLoops' backlog). */
        final java.util.concurrent.atomic.LongAdder size = new java.util.concurrent.atomic.LongAdder();
        private final AtomicBoolean scheduled = new AtomicBoolean();
        /** Connections written to in this turn and not flushed yet (the loop only). */
        private final List<Connection> unflushed = new ArrayList<>();

        private Writer(EventLoop loop) {
            this.loop = loop;
        }

        static Writer of(EventLoop loop) {
            return WRITERS.computeIfAbsent(loop, Writer::new);
        }

        /** Items queued on the loop and not yet written (ServerEventLoops' backlog). */
        static long queued(EventLoop loop) {
            Writer writer = WRITERS.get(loop);
            return writer == null ? 0 : writer.size.sum();
        }

        void offer(Turn item) {
            if (item instanceof Item) {
                size.increment();
            }
            items.offer(item);
            if (scheduled.compareAndSet(false, true)) {
                schedule();
            }
        }

        private void schedule() {
            try {
                loop.execute(this);
            } catch (java.util.concurrent.RejectedExecutionException stopped) {
                // the server is stopping: its connections with it
                items.clear();
                WRITERS.remove(loop, this);
            }
        }

        /** Every connection written to since the last flush, flushed. */
        void flushAll() {
            for (Connection connection : unflushed) {
                connection.flush();
            }
            unflushed.clear();
        }

        /**
         * A future done once the loop has written and flushed what its connections had queued before it
         * (ServerEventLoops paces the handing threads by it), or null if the loop has stopped.
         */
        static io.netty.util.concurrent.@Nullable Future<Void> marker(EventLoop loop) {
            io.netty.util.concurrent.Promise<Void> written = loop.newPromise();
            Writer writer = of(loop);
            writer.offer(w -> {
                w.flushAll();
                written.trySuccess(null);
                return 0;
            });
            return WRITERS.get(loop) == writer ? written : null;
        }

        @Override
        public void run() {
            int taken = 0;
            Turn item;
            while (taken < BATCH && (item = items.poll()) != null) {
                taken += item.drain(this);
            }
            flushAll();
            size.add(-taken);
            scheduled.set(false);
            if (items.isEmpty() || !scheduled.compareAndSet(false, true)) {
                return;
            }
            if (taken < BATCH) {
                schedule();
                return;
            }
            // a whole batch: the loop reads its sockets before the next one (a task queued now would run in this same
            // turn of the loop's tasks, for up to Netty's task quantum, a second: ADR 0038 round 5)
            try {
                loop.schedule(this, 0, java.util.concurrent.TimeUnit.NANOSECONDS);
            } catch (java.util.concurrent.RejectedExecutionException stopped) {
                items.clear();
                WRITERS.remove(loop, this);
            }
        }
    }

    /** What a loop's writer takes: a frame or an end of a subscription, or a marker. */
    @FunctionalInterface
    interface Turn {
        /** On the loop: does it; the number of items (frames and ends) taken. */
        int drain(Writer writer);
    }
}
