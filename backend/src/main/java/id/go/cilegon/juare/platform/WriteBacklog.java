package id.go.cilegon.juare.platform;

/**
 * What the HTTP server's event loops have been given to write. A thread that hands many frames to many connections
 * at once (the live fan-out) waits here between slices, so the loops never hold more than a slice of frames: each
 * loop runs its queued tasks for up to a second before it reads its sockets again (Netty's task quantum), so an
 * unbounded queue of frames would hold up every HTTP request on that loop (ADR 0038, round 5).
 */
public interface WriteBacklog {

    /** Nothing to wait for (no HTTP server: tests that make their own beans). */
    WriteBacklog NONE = () -> { };

    /**
     * Returns once every task queued on the server's event loops before this call has run (each frame handed to a
     * connection so far has been written to its socket or its outbound buffer) on each loop that held more than a few
     * hundred, at once if none did, or after a bound if a loop is stuck. Never call it on an event loop.
     */
    void awaitWritten();
}
