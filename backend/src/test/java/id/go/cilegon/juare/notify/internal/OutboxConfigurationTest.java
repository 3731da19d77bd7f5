package id.go.cilegon.juare.notify.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeoutException;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.reactive.function.client.WebClientResponseException;

/** The outbox's settings, its backoff, what it records of an error, and the command centre's numbers. */
class OutboxConfigurationTest {

    private final OutboxProperties defaults = new OutboxProperties(null, 0, 0, null, null, null);

    @Test
    void defaults() {
        assertThat(defaults.pollInterval()).isEqualTo(Duration.ofSeconds(2));
        assertThat(defaults.batchSize()).isEqualTo(20);
        assertThat(defaults.maxAttempts()).isEqualTo(12);
        assertThat(defaults.sendTimeout()).isEqualTo(Duration.ofSeconds(15));
    }

    @Test
    void backoffDoublesFromThirtySecondsUpToAnHour() {
        List<Long> waits = IntStream.rangeClosed(1, 12)
                .mapToObj(failures -> defaults.backoffAfter(failures).toSeconds())
                .toList();
        assertThat(waits).containsExactly(30L, 60L, 120L, 240L, 480L, 960L, 1920L, 3600L, 3600L, 3600L, 3600L, 3600L);
        assertThat(defaults.backoffAfter(1000)).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void anErrorIsRecordedAsItsClassAndStatusOnly() {
        WebClientResponseException refused = WebClientResponseException.create(HttpStatusCode.valueOf(400), "Bad Request", new HttpHeaders(),
                "{\"error\":{\"message\":\"(#100) Invalid parameter to 6281234567890\"}}".getBytes(StandardCharsets.UTF_8),
                StandardCharsets.UTF_8, null);
        assertThat(OutboxSender.describe(refused)).isEqualTo("BadRequest: HTTP 400");
        assertThat(OutboxSender.describe(new TimeoutException("Did not observe any item"))).isEqualTo("TimeoutException");
        assertThat(OutboxSender.describe(new IllegalStateException("+6281234567890"))).isEqualTo("IllegalStateException");
    }

    @Test
    void commandCentrePhonesAreTrimmedDeduplicatedAndMustBeE164() {
        assertThat(new NotifyProperties(null).commandCentrePhones()).isEmpty();
        assertThat(new NotifyProperties(List.of("")).commandCentrePhones()).isEmpty();
        assertThat(new NotifyProperties(Arrays.asList(" +6281234567890", "+6281298765432 ", "", "+6281234567890"))
                .commandCentrePhones())
                .containsExactly("+6281234567890", "+6281298765432");
        assertThatThrownBy(() -> new NotifyProperties(List.of("081234567890")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("081234567890");
    }
}
