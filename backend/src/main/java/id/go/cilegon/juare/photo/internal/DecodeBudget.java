package id.go.cilegon.juare.photo.internal;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The memory all photo decodes of this instance may use together, in KiB permits of a semaphore: a decode takes its
 * estimated size before it starts and gives it back when done, so parallel uploads cannot together go past the
 * budget; one that cannot get its share within the wait is turned away (busy) instead of queueing for ever. Not
 * fair on purpose: a small photo that fits goes ahead of a big one still waiting for room (which the wait bounds).
 */
final class DecodeBudget {

    private static final long KIB = 1024;

    private final Semaphore permits;
    private final int totalKib;
    private final Duration wait;
    private final AtomicLong inUseKib = new AtomicLong();
    private final AtomicLong peakKib = new AtomicLong();

    DecodeBudget(long bytes, Duration wait) {
        this.totalKib = (int) Math.min(Integer.MAX_VALUE, Math.max(1, bytes / KIB));
        this.permits = new Semaphore(totalKib, false);
        this.wait = wait;
    }

    long totalBytes() {
        return totalKib * KIB;
    }

    /** The most held at once since start: how close parallel decodes came to the budget. */
    long peakBytes() {
        return peakKib.get() * KIB;
    }

    /**
     * Blocks up to the wait for {@code bytes}; the lease gives them back when closed. Throws PHOTO_BUSY when they
     * do not come in time, PHOTO_TOO_LARGE when they never could (more than the whole budget).
     */
    Lease acquire(long bytes) {
        int kib = (int) Math.min(Integer.MAX_VALUE, Math.max(1, (bytes + KIB - 1) / KIB));
        if (kib > totalKib) {
            throw PhotoProcessor.tooLargeToDecode();
        }
        boolean acquired;
        try {
            acquired = permits.tryAcquire(kib, wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw PhotoProcessor.busy();
        }
        if (!acquired) {
            throw PhotoProcessor.busy();
        }
        peakKib.accumulateAndGet(inUseKib.addAndGet(kib), Math::max);
        return new Lease(kib);
    }

    final class Lease implements AutoCloseable {

        private final int kib;
        private boolean released;

        private Lease(int kib) {
            this.kib = kib;
        }

        @Override
        public void close() {
            if (!released) {
                released = true;
                inUseKib.addAndGet(-kib);
                permits.release(kib);
            }
        }
    }
}
