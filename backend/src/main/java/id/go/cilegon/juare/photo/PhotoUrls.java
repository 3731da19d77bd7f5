package id.go.cilegon.juare.photo;

import id.go.cilegon.juare.photo.internal.PhotoUrlProperties;
import id.go.cilegon.juare.platform.Secrets;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Signed photo URLs (ADR 0032): {@code BASE/api/photos/{id}[/thumbnail]?exp=EPOCH_SECONDS&sig=HMAC}, fetched with no
 * Authorization header, so image loaders (Glide, Coil, Kingfisher, {@code <img>}) can show them. The HMAC-SHA256
 * (key {@code juare.secrets.photo-url}) covers the photo, the variant and the expiry; whoever holds the URL may fetch
 * that one file until then, like anyone the app shows the picture to. It is issued only where a Photo field resolves,
 * i.e. to whoever may see the photo today.
 *
 * <p>The expiry is rounded up to a step (a third of the lifetime), so the same photo fetched again within a step has
 * the same URL and an image loader's cache (keyed by URL) hits. A URL is valid for at least the lifetime, at most the
 * lifetime and one step.
 */
@Component
public class PhotoUrls {

    /** Query parameters of a signed URL. */
    public static final String EXPIRES = "exp";
    public static final String SIGNATURE = "sig";

    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;
    private final Clock clock;
    private final Duration lifetime;
    private final long stepSeconds;
    /** Keyed once, never used itself: {@link #newMac()} copies it (Mac is not thread-safe). */
    private volatile Mac keyed;
    /** Switched off by benchmarks, to compare with a Mac made and keyed for every signature. */
    volatile boolean copyKeyed = true;

    @Autowired
    public PhotoUrls(Secrets secrets, Clock clock, PhotoUrlProperties properties) {
        this(secrets.key("photo-url"), clock, properties.lifetime());
    }

    PhotoUrls(byte[] key, Clock clock, Duration lifetime) {
        this.key = new SecretKeySpec(key, ALGORITHM);
        this.clock = clock;
        this.lifetime = lifetime;
        this.stepSeconds = Math.max(1, lifetime.toSeconds() / 3);
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(this.key);
            this.keyed = mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    public Duration lifetime() {
        return lifetime;
    }

    /** When URLs signed now expire. */
    public Instant expiry() {
        return expiry(clock.instant());
    }

    Instant expiry(Instant now) {
        long end = now.plus(lifetime).getEpochSecond();
        return Instant.ofEpochSecond(Math.ceilDiv(end, stepSeconds) * stepSeconds);
    }

    /**
     * What a client is told (Photo.urlExpiresAt): the expiry of URLs signed a second ago, never later than that of a
     * URL resolved beside it in the same response, so an app refetches in time.
     */
    public Instant reportedExpiry() {
        return expiry(clock.instant().minusSeconds(1));
    }

    /** The signed URL of a photo or its thumbnail, valid until {@link #expiry()}; relative when base is null. */
    public String signed(String base, UUID photoId, boolean thumbnail) {
        return signed(base, photoId, thumbnail, expiry());
    }

    /** As {@link #signed(String, UUID, boolean)}, with the expiry given (tests sign one already past). */
    public String signed(String base, UUID photoId, boolean thumbnail, Instant expiresAt) {
        long exp = expiresAt.getEpochSecond();
        return (base == null ? "" : base) + path(photoId, thumbnail)
                + "?" + EXPIRES + "=" + exp + "&" + SIGNATURE + "=" + signature(photoId, thumbnail, exp);
    }

    /**
     * Whether the parameters are a valid, unexpired signature for this photo and variant. Constant-time comparison;
     * every way of being wrong answers the same false.
     */
    public boolean valid(UUID photoId, boolean thumbnail, String exp, String sig) {
        if (photoId == null || exp == null || sig == null || exp.length() > 19 || !exp.chars().allMatch(Character::isDigit)
                || exp.isEmpty()) {
            return false;
        }
        long expiresAt = Long.parseLong(exp);
        byte[] given;
        try {
            given = Base64.getUrlDecoder().decode(sig);
        } catch (IllegalArgumentException e) {
            return false;
        }
        byte[] expected = mac(photoId, thumbnail, expiresAt);
        // compared before the expiry so that the time taken does not tell an expired URL from a forged one
        boolean genuine = MessageDigest.isEqual(expected, given);
        return genuine & clock.instant().getEpochSecond() < expiresAt;
    }

    /** Seconds until a valid URL with this expiry ends (for Cache-Control max-age), at least 0. */
    public long secondsLeft(String exp) {
        return Math.max(0, Long.parseLong(exp) - clock.instant().getEpochSecond());
    }

    public static String path(UUID photoId, boolean thumbnail) {
        return "/api/photos/" + photoId + (thumbnail ? "/thumbnail" : "");
    }

    private String signature(UUID photoId, boolean thumbnail, long exp) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(mac(photoId, thumbnail, exp));
    }

    // version, path (the photo and its variant) and expiry, one per line: no field can run into the next
    private byte[] mac(UUID photoId, boolean thumbnail, long exp) {
        return newMac().doFinal(("juare-photo-v1\n" + path(photoId, thumbnail) + "\n" + exp).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * A Mac ready for the key: a copy of one keyed once (a page of complaints signs ~40 URLs; looking the algorithm
     * up and keying it each time was most of the cost), or a new one where the provider cannot copy.
     */
    private Mac newMac() {
        try {
            if (keyed != null && copyKeyed) {
                try {
                    return (Mac) keyed.clone();
                } catch (CloneNotSupportedException e) {
                    keyed = null;
                }
            }
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
