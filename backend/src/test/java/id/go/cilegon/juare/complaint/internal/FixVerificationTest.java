package id.go.cilegon.juare.complaint.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Which auto-closures wait for an operator (ADR 0021), without a database. */
class FixVerificationTest {

    @Test
    void aLookAlikeAfterPhotoIsAlwaysQueued() {
        assertThat(FixVerification.decide(true, 0.99, 0.0)).isEqualTo(FixVerification.Reason.SAME_PHOTO);
        assertThat(FixVerification.decide(true, 0.0, 1.0)).isEqualTo(FixVerification.Reason.SAME_PHOTO);
    }

    @Test
    void otherwiseTheConfiguredShareIsSampled() {
        assertThat(FixVerification.decide(false, 0.05, 0.1)).isEqualTo(FixVerification.Reason.SAMPLED);
        assertThat(FixVerification.decide(false, 0.1, 0.1)).isNull();
        assertThat(FixVerification.decide(false, 0.0, 0.0)).isNull();
        SplittableRandom random = new SplittableRandom(7);
        int sampled = 0;
        for (int i = 0; i < 100_000; i++) {
            if (FixVerification.decide(false, random.nextDouble(), 0.1) != null) {
                sampled++;
            }
        }
        assertThat(sampled).isBetween(9_500, 10_500);
    }

    @Test
    void theSettingsAreChecked() {
        VerificationProperties defaults = new VerificationProperties(null, null);
        assertThat(defaults.sampleShare()).isEqualTo(0.1);
        assertThat(defaults.maxDistance()).isEqualTo(10);
        assertThatThrownBy(() -> new VerificationProperties(1.5, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new VerificationProperties(null, 65)).isInstanceOf(IllegalArgumentException.class);
    }
}
