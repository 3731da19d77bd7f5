package id.go.cilegon.juare.photo.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Photo uploads: decoding memory, quotas and the clean-up of photos never attached to a complaint.
 *
 * @param decodeMemory        what all decodes of this instance may use together; unset: 192 MB or a quarter of the
 *                            maximum heap, whichever is smaller
 * @param decodeWait          how long an upload waits for its share of that memory before answering PHOTO_BUSY
 * @param decodeTimeout       an upload whose decoding takes longer is answered PHOTO_BUSY (and nothing is stored)
 * @param maxPerHour          uploads a resident may start per hour (refused ones count too); then RATE_LIMITED
 * @param unattachedRetention how long an uploaded photo may stay unattached before the clean-up removes it
 * @param cleanupEvery        how often the clean-up runs (on one instance at a time)
 * @param cleanupEnabled      off in tests that drive the clean-up themselves
 */
@ConfigurationProperties("juare.photo")
public record PhotoProperties(DataSize decodeMemory, Duration decodeWait, Duration decodeTimeout, Integer maxPerHour,
                              Duration unattachedRetention, Duration cleanupEvery, Boolean cleanupEnabled) {

    static final long DEFAULT_DECODE_MEMORY = 192L * 1024 * 1024;

    public PhotoProperties {
        decodeMemory = decodeMemory == null
                ? DataSize.ofBytes(Math.min(DEFAULT_DECODE_MEMORY, Runtime.getRuntime().maxMemory() / 4))
                : decodeMemory;
        decodeWait = decodeWait == null ? Duration.ofSeconds(5) : decodeWait;
        decodeTimeout = decodeTimeout == null ? Duration.ofSeconds(60) : decodeTimeout;
        maxPerHour = maxPerHour == null ? 30 : maxPerHour;
        unattachedRetention = unattachedRetention == null ? Duration.ofDays(1) : unattachedRetention;
        cleanupEvery = cleanupEvery == null ? Duration.ofHours(1) : cleanupEvery;
        cleanupEnabled = cleanupEnabled == null ? Boolean.TRUE : cleanupEnabled;
    }

    /** The defaults, for code that runs without Spring (tests of the processor). */
    public static PhotoProperties defaults() {
        return new PhotoProperties(null, null, null, null, null, null, null);
    }
}
