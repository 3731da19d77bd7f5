package id.go.cilegon.juare.photo.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Signed photo URLs (ADR 0032).
 *
 * @param lifetime how long a signed URL stays valid at least (15 minutes by default); rounded up to a third of it
 */
@ConfigurationProperties("juare.photo.url")
public record PhotoUrlProperties(Duration lifetime) {

    public PhotoUrlProperties {
        lifetime = lifetime == null ? Duration.ofMinutes(15) : lifetime;
        if (lifetime.isNegative() || lifetime.toSeconds() < 3) {
            throw new IllegalStateException("juare.photo.url.lifetime must be at least 3 seconds");
        }
    }
}
