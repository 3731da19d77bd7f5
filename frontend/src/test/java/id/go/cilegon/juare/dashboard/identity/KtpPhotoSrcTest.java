package id.go.cilegon.juare.dashboard.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The KTP photo goes through the dashboard's proxy, whether the backend hands out a signed URL or a path. */
class KtpPhotoSrcTest {

    private static PhoneChangeDesk.Request withUrl(String url) {
        return new PhoneChangeDesk.Request("r", "32••", "Siti", "0812••", "0813••", "PHOTO", url, null, "PENDING", null, null);
    }

    @Test
    void theSignedUrlBecomesTheProxysPath() {
        assertThat(withUrl("https://api.example/api/photos/0b8f8c6e-2c1a-4c55-9d6e-7c1f4a9b2d10?exp=1765000000&sig=abc_-")
                .ktpPhotoSrc()).isEqualTo("photos/0b8f8c6e-2c1a-4c55-9d6e-7c1f4a9b2d10");
        assertThat(withUrl("/api/photos/0b8f8c6e-2c1a-4c55-9d6e-7c1f4a9b2d10").ktpPhotoSrc())
                .isEqualTo("photos/0b8f8c6e-2c1a-4c55-9d6e-7c1f4a9b2d10");
        assertThat(withUrl(null).ktpPhotoSrc()).isNull();
    }
}
