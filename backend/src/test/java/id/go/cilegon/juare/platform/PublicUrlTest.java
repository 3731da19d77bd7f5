package id.go.cilegon.juare.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

/** Which base our links get: configured, the request's own, or a trusted proxy's. */
class PublicUrlTest {

    private static final URI REQUEST = URI.create("http://10.0.0.5:8080/graphql");

    private static HttpHeaders headers(String... pairs) {
        HttpHeaders headers = new HttpHeaders();
        for (int i = 0; i < pairs.length; i += 2) {
            headers.add(pairs[i], pairs[i + 1]);
        }
        return headers;
    }

    @Test
    void theConfiguredUrlWinsOverAnythingTheRequestSays() {
        PublicUrl configured = new PublicUrl("https://lapor.cilegon.go.id/");
        assertThat(configured.of(REQUEST, headers("Host", "evil.example", "X-Forwarded-Host", "evil.example"), true))
                .isEqualTo("https://lapor.cilegon.go.id");
        assertThatThrownBy(() -> new PublicUrl("ftp://x")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void forwardedHeadersCountOnlyFromATrustedProxy() {
        PublicUrl fromRequest = new PublicUrl("");
        HttpHeaders forwarded = headers("Host", "10.0.0.5:8080", "X-Forwarded-Proto", "https",
                "X-Forwarded-Host", "lapor.cilegon.go.id", "X-Forwarded-Port", "443");
        assertThat(fromRequest.of(REQUEST, forwarded, true)).isEqualTo("https://lapor.cilegon.go.id");
        assertThat(fromRequest.of(REQUEST, forwarded, false)).isEqualTo("http://10.0.0.5:8080");
        assertThat(fromRequest.of(REQUEST, headers("Host", "api.example:8443", "X-Forwarded-Proto", "https"), true))
                .isEqualTo("https://api.example:8443");
        assertThat(fromRequest.of(REQUEST, headers("X-Forwarded-Host", "a.example, b.example", "X-Forwarded-Port", "8443"), true))
                .isEqualTo("http://a.example:8443");
    }

    @Test
    void aHostThatIsNotAHostIsNotEchoed() {
        PublicUrl fromRequest = new PublicUrl(null);
        assertThat(fromRequest.of(REQUEST, headers("Host", "evil.example/path?x"), false)).isEqualTo("http://10.0.0.5:8080");
        assertThat(fromRequest.of(REQUEST, headers("Host", "h", "X-Forwarded-Host", "x\"><script>"), true)).isEqualTo("http://h");
        assertThat(fromRequest.of(REQUEST, headers("Host", "[::1]:8080"), false)).isEqualTo("http://[::1]:8080");
    }
}
