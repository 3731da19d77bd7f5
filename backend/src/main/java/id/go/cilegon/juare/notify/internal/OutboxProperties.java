package id.go.cilegon.juare.notify.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The outbox sender: how often it looks for due messages, how many it takes at once, and how it retries.
 *
 * @param pollInterval   between passes (a full batch is followed at once by another)
 * @param batchSize      messages claimed (and row-locked) per pass
 * @param maxAttempts    after this many failed sends a message is given up
 * @param initialBackoff wait after the first failure; doubles with each further failure
 * @param maxBackoff     the longest wait between attempts
 * @param sendTimeout    for one message, on top of the gateway's own timeout
 */
@ConfigurationProperties("juare.outbox")
record OutboxProperties(Duration pollInterval, int batchSize, int maxAttempts, Duration initialBackoff,
                        Duration maxBackoff, Duration sendTimeout) {

    OutboxProperties {
        pollInterval = pollInterval == null ? Duration.ofSeconds(2) : pollInterval;
        batchSize = batchSize <= 0 ? 20 : batchSize;
        maxAttempts = maxAttempts <= 0 ? 12 : maxAttempts;
        initialBackoff = initialBackoff == null ? Duration.ofSeconds(30) : initialBackoff;
        maxBackoff = maxBackoff == null ? Duration.ofHours(1) : maxBackoff;
        sendTimeout = sendTimeout == null ? Duration.ofSeconds(15) : sendTimeout;
    }

    /** The wait before the next attempt after {@code failures} failed ones (1 or more). */
    Duration backoffAfter(int failures) {
        int doublings = Math.min(Math.max(failures - 1, 0), 30);
        Duration wait = initialBackoff.multipliedBy(1L << doublings);
        return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
    }
}
