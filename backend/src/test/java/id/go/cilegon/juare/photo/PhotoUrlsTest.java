package id.go.cilegon.juare.photo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The signing rules of {@link PhotoUrls} without Spring, on a fixed clock. */
class PhotoUrlsTest {

    private static final byte[] KEY = new byte[32];
    private static final UUID PHOTO = UUID.fromString("00000000-0000-0000-0000-000000000001");

    private static PhotoUrls at(Instant now) {
        return new PhotoUrls(KEY, Clock.fixed(now, ZoneOffset.UTC), Duration.ofMinutes(15));
    }

    private static String param(String url, String name) {
        for (String pair : url.substring(url.indexOf('?') + 1).split("&")) {
            if (pair.startsWith(name + "=")) {
                return pair.substring(name.length() + 1);
            }
        }
        return null;
    }

    @Test
    void theExpiryIsRoundedUpSoTheUrlStaysTheSameForAFewMinutes() {
        Instant t = Instant.parse("2026-12-06T10:00:00Z");
        String first = at(t.plusSeconds(1)).signed("https://h", PHOTO, false);
        assertThat(at(t.plusSeconds(299)).signed("https://h", PHOTO, false)).isEqualTo(first);
        assertThat(at(t.plusSeconds(301)).signed("https://h", PHOTO, false)).isNotEqualTo(first);
        assertThat(param(first, "exp")).isEqualTo(Long.toString(t.plusSeconds(20 * 60).getEpochSecond()));
        // valid for at least the lifetime, at most the lifetime and a third
        for (int s = 0; s < 900; s += 7) {
            PhotoUrls urls = at(t.plusSeconds(s));
            Duration left = Duration.between(t.plusSeconds(s), urls.expiry());
            assertThat(left).isBetween(Duration.ofMinutes(15), Duration.ofMinutes(20));
            assertThat(urls.reportedExpiry()).isBeforeOrEqualTo(urls.expiry());
        }
    }

    @Test
    void validUntilItsExpiryForItsPhotoAndVariantOnly() {
        Instant t = Instant.parse("2026-12-06T10:00:00Z");
        String url = at(t).signed(null, PHOTO, true);
        assertThat(url).startsWith("/api/photos/" + PHOTO + "/thumbnail?exp=");
        String exp = param(url, "exp");
        String sig = param(url, "sig");
        assertThat(at(t).valid(PHOTO, true, exp, sig)).isTrue();
        assertThat(at(Instant.ofEpochSecond(Long.parseLong(exp) - 1)).valid(PHOTO, true, exp, sig)).isTrue();
        assertThat(at(Instant.ofEpochSecond(Long.parseLong(exp))).valid(PHOTO, true, exp, sig)).as("expired").isFalse();
        assertThat(at(t).valid(PHOTO, false, exp, sig)).as("other variant").isFalse();
        assertThat(at(t).valid(UUID.randomUUID(), true, exp, sig)).as("other photo").isFalse();
        assertThat(at(t).valid(PHOTO, true, Long.toString(Long.parseLong(exp) + 1), sig)).as("other expiry").isFalse();
        assertThat(at(t).valid(PHOTO, true, exp, sig + "A")).isFalse();
        assertThat(at(t).valid(PHOTO, true, exp, "%%%")).isFalse();
        assertThat(at(t).valid(PHOTO, true, "", sig)).isFalse();
        assertThat(at(t).valid(PHOTO, true, "99999999999999999999", sig)).isFalse();
        assertThat(at(t).valid(PHOTO, true, null, sig)).isFalse();
        assertThat(new PhotoUrls(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32},
                Clock.fixed(t, ZoneOffset.UTC), Duration.ofMinutes(15)).valid(PHOTO, true, exp, sig)).as("another key").isFalse();
    }
}
