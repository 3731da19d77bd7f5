package id.go.cilegon.juare.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.channel.EventLoop;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** WriteBacklog over the server's event loops: it returns only once what was queued on every loop before it has run. */
class ServerEventLoopsTest {

    private final MultiThreadIoEventLoopGroup group = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
    /** Waits for any queued task, to see the waiting itself. */
    private final ServerEventLoops loops = new ServerEventLoops(0);

    @AfterEach
    void stop() {
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    @Test
    void waitsForWhatEachLoopWasGivenBefore() throws Exception {
        EventLoop first = group.next();
        EventLoop second = group.next();
        assertThat(second).isNotSameAs(first);
        loops.seen(first);
        loops.seen(second);
        loops.seen(first);
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch ran = new CountDownLatch(1);
        // a frame still queued on the second loop, behind a task that holds it
        second.execute(() -> hold(release));
        second.execute(ran::countDown);
        CompletableFuture<Void> waited = CompletableFuture.runAsync(loops::awaitWritten);
        assertThatThrownBy(() -> waited.get(300, TimeUnit.MILLISECONDS)).as("waits while the loop is held")
                .isInstanceOf(java.util.concurrent.TimeoutException.class);
        release.countDown();
        waited.get(5, TimeUnit.SECONDS);
        assertThat(ran.getCount()).as("what was queued before had run when the wait returned").isZero();
    }

    @Test
    void aStuckLoopHoldsTheWaitOnlyForItsBoundAndAStoppedOneIsForgotten() throws Exception {
        EventLoop stuck = group.next();
        loops.seen(stuck);
        CountDownLatch release = new CountDownLatch(1);
        stuck.execute(() -> hold(release));
        stuck.execute(() -> { }); // a frame queued behind it (once the hold runs, the queue would otherwise be empty)
        long start = System.nanoTime();
        loops.awaitWritten();
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isGreaterThanOrEqualTo(ServerEventLoops.MAX_WAIT_MS - 50);
        release.countDown();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        loops.awaitWritten(); // rejected: returns at once, the loop forgotten
        loops.awaitWritten();
    }

    @Test
    void refusesToWaitOnALoopForItself() throws Exception {
        EventLoop loop = group.next();
        loops.seen(loop);
        assertThatThrownBy(() -> loop.submit(loops::awaitWritten).get(5, TimeUnit.SECONDS))
                .hasCauseInstanceOf(IllegalStateException.class);
    }

    @Test
    void aLoopWithFewTasksQueuedIsNotWaitedFor() throws Exception {
        ServerEventLoops bounded = new ServerEventLoops(2);
        EventLoop loop = group.next();
        bounded.seen(loop);
        CountDownLatch release = new CountDownLatch(1);
        loop.execute(() -> hold(release));
        loop.execute(() -> { });
        // the held task runs, one or two are queued: under the bound, no wait (a wait would last the held task's 10 s
        // or the bound's 1 s)
        CompletableFuture.runAsync(bounded::awaitWritten).get(300, TimeUnit.MILLISECONDS);
        loop.execute(() -> { });
        loop.execute(() -> { });
        CompletableFuture<Void> waited = CompletableFuture.runAsync(bounded::awaitWritten);
        assertThatThrownBy(() -> waited.get(300, TimeUnit.MILLISECONDS)).as("three queued: over the bound, waits")
                .isInstanceOf(java.util.concurrent.TimeoutException.class);
        release.countDown();
        waited.get(5, TimeUnit.SECONDS);
    }

    private static void hold(CountDownLatch release) {
        try {
            release.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
