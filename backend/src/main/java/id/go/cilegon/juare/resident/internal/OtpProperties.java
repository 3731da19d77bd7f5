package id.go.cilegon.juare.resident.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Sign-in codes: lifetime, attempts, and how many may be requested per window. Counted per (NIK, typed phone) pair,
 * per number a code goes to, per NIK, and per client address; the owner's own pair (a registered NIK with its
 * registered number) counts only per pair and per client, so strangers with made-up numbers cannot use it up.
 */
@ConfigurationProperties("juare.otp")
record OtpProperties(Duration ttl, int maxAttempts, Duration rateWindow, int maxPerPhone, int maxPerNik, int maxPerClient,
                     int maxPerPair) {

    OtpProperties {
        ttl = ttl == null ? Duration.ofMinutes(5) : ttl;
        maxAttempts = maxAttempts <= 0 ? 5 : maxAttempts;
        rateWindow = rateWindow == null ? Duration.ofHours(1) : rateWindow;
        maxPerPhone = maxPerPhone <= 0 ? 5 : maxPerPhone;
        maxPerNik = maxPerNik <= 0 ? 10 : maxPerNik;
        maxPerClient = maxPerClient <= 0 ? 20 : maxPerClient;
        maxPerPair = maxPerPair <= 0 ? 5 : maxPerPair;
    }
}
