package id.go.cilegon.juare.event.internal;

import id.go.cilegon.juare.event.EventLog;
import id.go.cilegon.juare.event.EventStream;
import id.go.cilegon.juare.event.StoredEvent;
import io.r2dbc.postgresql.api.PostgresqlConnection;
import io.r2dbc.postgresql.api.PostgresqlResult;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.Wrapped;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * Holds one dedicated LISTEN connection (outside the pool), reconnecting with backoff. A notification only says
 * "something was committed": the listener then reads every event after the last one it delivered, so a lost
 * notification or a reconnect loses nothing. Ids are in commit order, so reading "after the last id" is exact.
 */
@Component
class EventListener implements SmartLifecycle {

    static final String CHANNEL = "juare_events";
    private static final Logger log = LoggerFactory.getLogger(EventListener.class);
    private static final int BATCH = 500;
    private static final Object WAKE_UP = new Object();

    private final ConnectionFactory connectionFactory;
    private final EventLog eventLog;
    private final EventStream stream;
    private final AtomicLong lastDelivered = new AtomicLong(-1);
    private volatile Disposable subscription;

    EventListener(ConnectionFactory connectionFactory, EventLog eventLog, EventStream stream) {
        this.connectionFactory = unwrapPool(connectionFactory);
        this.eventLog = eventLog;
        this.stream = stream;
    }

    private static ConnectionFactory unwrapPool(ConnectionFactory factory) {
        ConnectionFactory current = factory;
        while (current instanceof Wrapped<?> wrapped && wrapped.unwrap() instanceof ConnectionFactory inner) {
            current = inner;
        }
        return current;
    }

    @Override
    public void start() {
        subscription = eventLog.lastId()
                .retryWhen(Retry.backoff(Long.MAX_VALUE, Duration.ofMillis(200)).maxBackoff(Duration.ofSeconds(10)))
                .doOnNext(lastDelivered::set)
                .thenMany(wakeUps())
                .onBackpressureLatest()
                .concatMap(wake -> deliverNewEvents(), 1)
                .subscribe(stream::publish, e -> log.error("Event listener stopped", e));
    }

    /** A wake-up per notification, one on each (re)connect, and one every 30 s in case a connection went quiet. */
    private Flux<Object> wakeUps() {
        Flux<Object> notifications = Flux.usingWhen(connectionFactory.create(), this::listen, Connection::close)
                .retryWhen(Retry.backoff(Long.MAX_VALUE, Duration.ofMillis(200))
                        .maxBackoff(Duration.ofSeconds(10))
                        .doBeforeRetry(signal -> {
                            stream.markNotListening();
                            log.warn("LISTEN connection lost, reconnecting: {}", signal.failure().toString());
                        }));
        return Flux.merge(notifications, Flux.interval(Duration.ofSeconds(30)).map(tick -> WAKE_UP));
    }

    private Flux<Object> listen(Connection connection) {
        PostgresqlConnection pg = (PostgresqlConnection) connection;
        Flux<Object> notified = pg.getNotifications().map(notification -> WAKE_UP);
        return pg.createStatement("LISTEN " + CHANNEL)
                .execute()
                .flatMap(PostgresqlResult::getRowsUpdated)
                .then(Mono.fromRunnable(stream::markListening))
                .thenMany(Flux.merge(notified, Mono.just(WAKE_UP)));
    }

    /** Every event after the last delivered one, in id order. A failed read is retried at the next wake-up. */
    private Flux<StoredEvent> deliverNewEvents() {
        return eventLog.after(lastDelivered.get(), BATCH)
                .collectList()
                .expand(this::nextBatch)
                .flatMapIterable(batch -> batch)
                .doOnNext(event -> lastDelivered.set(event.id()))
                .onErrorResume(e -> {
                    log.warn("Reading new events failed, will retry: {}", e.toString());
                    return Flux.empty();
                });
    }

    private Mono<List<StoredEvent>> nextBatch(List<StoredEvent> previous) {
        if (previous.size() < BATCH) {
            return Mono.empty();
        }
        return eventLog.after(previous.getLast().id(), BATCH).collectList();
    }

    long lastDelivered() {
        return lastDelivered.get();
    }

    @Override
    public void stop() {
        Disposable current = subscription;
        if (current != null) {
            current.dispose();
        }
    }

    @Override
    public boolean isRunning() {
        Disposable current = subscription;
        return current != null && !current.isDisposed();
    }
}
