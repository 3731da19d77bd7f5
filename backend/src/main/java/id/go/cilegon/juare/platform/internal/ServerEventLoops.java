package id.go.cilegon.juare.platform.internal;

import id.go.cilegon.juare.platform.WriteBacklog;
import io.netty.channel.EventLoop;
import io.netty.util.concurrent.SingleThreadEventExecutor;
import io.netty.util.concurrent.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.stereotype.Component;
import reactor.netty.http.server.HttpServer;

/**
 * The HTTP server's event loops, learnt from the connections they serve (however the server's loop resources are
 * configured), and {@link WriteBacklog} over them: on each loop with more than a bound of tasks queued, a no-op task
 * queued after them, awaited. A loop that keeps up is not waited for: a wait is a sleep and a wake-up of the handing
 * thread, which on a busy machine then waits for a core again (one run under load when every slice waited: 24,000 →
 * 18,000 deliveries per second).
 */
@Component
class ServerEventLoops implements NettyServerCustomizer, WriteBacklog {

    /** A stuck loop does not stop the fan-out for longer than this per slice. */
    static final long MAX_WAIT_MS = 1_000;
    /** Tasks (about one frame each, 10–20 µs of writing) a loop may hold before a handing thread waits for it. */
    static final int QUEUED_BOUND = 256;

    private final Set<EventLoop> loops = ConcurrentHashMap.newKeySet();
    private final int queuedBound;

    ServerEventLoops() {
        this(QUEUED_BOUND);
    }

    ServerEventLoops(int queuedBound) {
        this.queuedBound = queuedBound;
    }

    @Override
    public HttpServer apply(HttpServer server) {
        return server.doOnConnection(connection -> seen(connection.channel().eventLoop()));
    }

    /** The loops seen so far (tests). */
    Set<EventLoop> seen() {
        return Set.copyOf(loops);
    }

    void seen(EventLoop loop) {
        if (!loops.contains(loop)) {
            loops.add(loop);
        }
    }

    @Override
    public void awaitWritten() {
        List<Future<?>> markers = new ArrayList<>(loops.size());
        for (EventLoop loop : loops) {
            if (loop.inEventLoop()) {
                throw new IllegalStateException("awaitWritten on an event loop would wait for itself");
            }
            // frames written direct (ADR 0049) are queued on the loop's writer, the others are tasks of the loop's own
            long direct = DirectFrames.Writer.queued(loop);
            if (direct > queuedBound) {
                Future<Void> written = DirectFrames.Writer.marker(loop);
                if (written != null) {
                    markers.add(written);
                    continue;
                }
            }
            if (loop instanceof SingleThreadEventExecutor executor && executor.pendingTasks() + direct <= queuedBound) {
                continue;
            }
            try {
                markers.add(loop.submit(() -> { }));
            } catch (RejectedExecutionException stopped) {
                loops.remove(loop);
            }
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(MAX_WAIT_MS);
        for (Future<?> marker : markers) {
            long left = deadline - System.nanoTime();
            if (left <= 0 || !marker.awaitUninterruptibly(left, TimeUnit.NANOSECONDS)) {
                return;
            }
        }
    }
}
