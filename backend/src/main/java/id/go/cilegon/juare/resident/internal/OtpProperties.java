package id.go.cilegon.juare.resident.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Sign-in codes: lifetime, attempts, and how many may be requested per window per phone, per NIK and per client
 * address.
 */
@ConfigurationProperties("juare.otp")
record OtpProperties(Duration ttl, int maxAttempts, Duration rateWindow, int maxPerPhone, int maxPerNik, int maxPerClient) {

    OtpProperties {
        ttl = ttl == null ? Duration.ofMinutes(5) : ttl;
        maxAttempts = maxAttempts <= 0 ? 5 : maxAttempts;
        rateWindow = rateWindow == null ? Duration.ofHours(1) : rateWindow;
        maxPerPhone = maxPerPhone <= 0 ? 5 : maxPerPhone;
        maxPerNik = maxPerNik <= 0 ? 5 : maxPerNik;
        maxPerClient = maxPerClient <= 0 ? 20 : maxPerClient;
    }
}
