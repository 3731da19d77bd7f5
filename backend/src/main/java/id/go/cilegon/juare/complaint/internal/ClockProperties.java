package id.go.cilegon.juare.complaint.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The lifecycle's clocks.
 *
 * @param checkEvery      how often the clock job looks for breaches and resolutions to auto-close
 * @param autoCloseAfter  how long a resident has to confirm or dispute a resolution
 * @param enabled         off in tests that drive the job themselves
 */
@ConfigurationProperties("juare.clocks")
record ClockProperties(Duration checkEvery, Duration autoCloseAfter, Boolean enabled) {

    ClockProperties {
        checkEvery = checkEvery == null ? Duration.ofMinutes(1) : checkEvery;
        autoCloseAfter = autoCloseAfter == null ? Duration.ofDays(5) : autoCloseAfter;
        enabled = enabled == null ? Boolean.TRUE : enabled;
    }
}
