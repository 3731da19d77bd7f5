package id.go.cilegon.juare.event.internal;

import id.go.cilegon.juare.event.EventStream;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * When this instance begins to stop, its live subscriptions end first with SERVER_STOPPING (their clients resume
 * with {@code after} on another instance), so that graceful shutdown does not wait on them and nobody is left on a
 * connection about to be cut. The default phase stops before the web server's graceful shutdown.
 */
@Component
class SubscriptionsAtShutdown implements SmartLifecycle {

    private final EventStream stream;
    private volatile boolean running;

    SubscriptionsAtShutdown(EventStream stream) {
        this.stream = stream;
    }

    @Override
    public void start() {
        stream.acceptSubscriptions();
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        stream.stopSubscriptions();
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
