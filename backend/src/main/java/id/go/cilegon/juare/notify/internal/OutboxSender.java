package id.go.cilegon.juare.notify.internal;

import id.go.cilegon.juare.notify.WhatsAppSender;
import id.go.cilegon.juare.platform.PersonalDataCipher;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.r2dbc.spi.Readable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClientResponseException;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Sends the notification outbox. Every poll interval (and right after start) a pass claims a batch of due
 * messages with {@code FOR UPDATE SKIP LOCKED} and leases them (their next attempt moves past the time the batch may
 * take) in one short statement, so that of several instances exactly one attempts a message at a time; each message
 * is then marked sent as soon as it is, in its own statement, or rescheduled with exponential backoff, or after the
 * last attempt given up (next attempt at infinity, sent_at left empty).
 * <p>
 * A message is sent at least once: if the instance or the database dies between a send and its mark, that message
 * is sent again after its lease. Marking each message at once keeps such repeats to the sends in flight at the
 * crash (WhatsApp's API takes no idempotency key, so exactly once is out of reach).
 */
@Component
class OutboxSender implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);
    /** Sends in flight at once within a batch. */
    private static final int SEND_CONCURRENCY = 4;
    private static final Runnable NOTHING = () -> {
    };

    private final DatabaseClient db;
    private final PersonalDataCipher cipher;
    private final WhatsAppSender whatsApp;
    private final OutboxProperties properties;
    private final Clock clock;
    private final AtomicReference<Runnable> whenStopped = new AtomicReference<>(NOTHING);
    private volatile Sinks.One<Boolean> stopRequest;
    private volatile Disposable subscription;
    private volatile boolean running;
    /** When this instance last finished a pass, whatever it found: readiness asks whether the sender still turns. */
    private volatile Instant lastPassAt;
    private final Counter sentCount;
    private final Counter failedCount;
    private final Counter givenUpCount;

    OutboxSender(DatabaseClient db, PersonalDataCipher cipher, WhatsAppSender whatsApp,
                 OutboxProperties properties, Clock clock, MeterRegistry meters) {
        this.db = db;
        this.sentCount = Counter.builder("juare.outbox.sends").tag("outcome", "sent")
                .description("WhatsApp messages this instance sent or failed to send").register(meters);
        this.failedCount = Counter.builder("juare.outbox.sends").tag("outcome", "failed").register(meters);
        this.givenUpCount = Counter.builder("juare.outbox.sends").tag("outcome", "given_up").register(meters);
        this.cipher = cipher;
        this.whatsApp = whatsApp;
        this.properties = properties;
        this.clock = clock;
    }

    /** Runs one pass now: claims up to a batch of due messages and tries each once. Returns how many were sent. */
    public Mono<Integer> sendDue() {
        return pass()
                .map(Pass::sent);
    }

    private Mono<Pass> pass() {
        return claimDue()
                .collectList()
                .flatMap(this::deliverAll);
    }

    /** Claims and leases a batch in one statement (its own transaction): no lock is held while sending. */
    private Flux<Pending> claimDue() {
        Instant now = clock.instant();
        return db.sql("""
                        UPDATE notification_outbox o SET next_attempt_at = :leaseEnd
                        FROM (SELECT id FROM notification_outbox
                              WHERE sent_at IS NULL AND next_attempt_at <= :now
                              ORDER BY next_attempt_at
                              LIMIT :batch
                              FOR UPDATE SKIP LOCKED) due
                        WHERE o.id = due.id
                        RETURNING o.id, o.phone_encrypted, o.phone_masked, o.body, o.kind, o.attempts, o.document,
                                  o.document_filename, o.document_mime""")
                .bind("now", now)
                .bind("leaseEnd", now.plus(lease()))
                .bind("batch", properties.batchSize())
                .map(OutboxSender::toPending)
                .all()
                .sort(java.util.Comparator.comparingLong(Pending::id));
    }

    /** Long enough for a whole batch to be tried: its sends run a few at a time, each within the send timeout. */
    private Duration lease() {
        int rounds = (properties.batchSize() + SEND_CONCURRENCY - 1) / SEND_CONCURRENCY;
        return properties.sendTimeout().multipliedBy(rounds + 1L);
    }

    private Mono<Pass> deliverAll(List<Pending> batch) {
        // each message is marked right after its own send: a crash repeats at most the sends in flight
        return Flux.fromIterable(batch)
                .flatMap(message -> attempt(message).flatMap(this::record), SEND_CONCURRENCY)
                .filter(Outcome::sent)
                .count()
                .map(sent -> new Pass(batch.size(), sent.intValue()));
    }

    private Mono<Outcome> attempt(Pending message) {
        return Mono.fromCallable(() -> cipher.decrypt(message.phoneEncrypted()))
                .flatMap(phone -> message.document() == null
                        ? whatsApp.sendText(phone, message.body())
                        : whatsApp.sendDocument(phone, message.documentFilename(), message.documentMime(), message.document(),
                                message.body()))
                .timeout(properties.sendTimeout())
                .thenReturn(new Outcome(message, null))
                .onErrorResume(e -> Mono.just(new Outcome(message, describe(e))));
    }

    private Mono<Outcome> record(Outcome outcome) {
        Pending message = outcome.message();
        int attempts = message.attempts() + 1;
        if (outcome.sent()) {
            sentCount.increment();
            return markSent(message.id()).thenReturn(outcome);
        }
        failedCount.increment();
        if (attempts >= properties.maxAttempts()) {
            givenUpCount.increment();
            log.warn("Gave up WhatsApp message {} ({}) to {} after {} attempts; last error: {}",
                    message.id(), message.kind(), message.phoneMasked(), attempts, outcome.error());
            return giveUp(message.id(), outcome.error()).thenReturn(outcome);
        }
        Instant next = clock.instant().plus(properties.backoffAfter(attempts));
        log.info("WhatsApp message {} ({}) to {} failed (attempt {} of {}), next attempt at {}: {}",
                message.id(), message.kind(), message.phoneMasked(), attempts, properties.maxAttempts(), next, outcome.error());
        return reschedule(message.id(), next, outcome.error()).thenReturn(outcome);
    }

    private Mono<Void> markSent(long id) {
        return db.sql("UPDATE notification_outbox SET sent_at = :now, attempts = attempts + 1 WHERE id = :id")
                .bind("now", clock.instant())
                .bind("id", id)
                .then();
    }

    private Mono<Void> reschedule(long id, Instant next, String error) {
        return db.sql("""
                        UPDATE notification_outbox SET attempts = attempts + 1, next_attempt_at = :next, last_error = :error
                        WHERE id = :id""")
                .bind("next", next)
                .bind("error", error)
                .bind("id", id)
                .then();
    }

    /** Leaves sent_at empty and the next attempt at infinity: visible as given up, never claimed again. */
    private Mono<Void> giveUp(long id, String error) {
        return db.sql("""
                        UPDATE notification_outbox
                        SET attempts = attempts + 1, next_attempt_at = 'infinity', last_error = :error
                        WHERE id = :id""")
                .bind("error", error)
                .bind("id", id)
                .then();
    }

    /** The exception's class and, for an HTTP answer, its status: never a message, which might quote a number. */
    static String describe(Throwable e) {
        String type = e.getClass().getSimpleName().isEmpty() ? e.getClass().getName() : e.getClass().getSimpleName();
        if (e instanceof WebClientResponseException response) {
            return type + ": HTTP " + response.getStatusCode().value();
        }
        return type;
    }

    private static Pending toPending(Readable row) {
        return new Pending(
                row.get("id", Long.class),
                row.get("phone_encrypted", byte[].class),
                row.get("phone_masked", String.class),
                row.get("body", String.class),
                row.get("kind", String.class),
                row.get("attempts", Integer.class),
                row.get("document", byte[].class),
                row.get("document_filename", String.class),
                row.get("document_mime", String.class));
    }

    @Override
    public void start() {
        Sinks.One<Boolean> stop = Sinks.one();
        stopRequest = stop;
        running = true;
        lastPassAt = clock.instant();
        subscription = Flux.interval(Duration.ZERO, properties.pollInterval())
                .takeUntilOther(stop.asMono())
                .onBackpressureDrop()
                .concatMap(tick -> drain(), 1)
                .doFinally(signal -> whenStopped.getAndSet(NOTHING).run())
                .subscribe();
    }

    /** Passes until one finds less than a full batch, so a backlog does not wait a poll interval per batch. */
    private Mono<Void> drain() {
        return pass()
                .expand(this::anotherPassIfBusy)
                .then()
                .onErrorResume(this::logFailedPass)
                .doFinally(signal -> lastPassAt = clock.instant());
    }

    private Mono<Pass> anotherPassIfBusy(Pass previous) {
        if (running && previous.claimed() >= properties.batchSize()) {
            return pass();
        }
        return Mono.empty();
    }

    private Mono<Void> logFailedPass(Throwable e) {
        log.warn("Sending the notification outbox failed, will retry at the next poll: {}", e.toString());
        return Mono.empty();
    }

    /** Lets a pass in progress finish (its sends are bounded), so that what it sends is marked sent. */
    @Override
    public void stop(Runnable callback) {
        running = false;
        whenStopped.set(callback);
        Sinks.One<Boolean> stop = stopRequest;
        Disposable current = subscription;
        if (stop == null || current == null || current.isDisposed()) {
            whenStopped.getAndSet(NOTHING).run();
            return;
        }
        stop.tryEmitValue(true);
    }

    @Override
    public void stop() {
        running = false;
        Disposable current = subscription;
        if (current != null) {
            current.dispose();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** When this instance last finished a pass (null before the first, or when it does not send). */
    Instant lastPassAt() {
        return lastPassAt;
    }

    OutboxProperties properties() {
        return properties;
    }

    /** A message to send; a document message has the file and the body is its caption. */
    private record Pending(long id, byte[] phoneEncrypted, String phoneMasked, String body, String kind, int attempts,
                           byte[] document, String documentFilename, String documentMime) {
    }

    /** A send's result; error is null when it was sent. */
    private record Outcome(Pending message, String error) {

        boolean sent() {
            return error == null;
        }
    }

    private record Pass(int claimed, int sent) {
    }
}
