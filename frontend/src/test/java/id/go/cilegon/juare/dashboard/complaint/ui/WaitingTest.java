package id.go.cilegon.juare.dashboard.complaint.ui;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.cilegon.juare.dashboard.complaint.ComplaintTexts;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WaitingTest {

    private static final Map<String, String> WORDS = Map.of("intake.waiting.underMinute", "< 1 mnt",
            "intake.waiting.unit.minute", "mnt", "intake.waiting.unit.hour", "jam", "intake.waiting.unit.day", "hr");
    private static final ComplaintTexts.Translator T = (key, params) -> WORDS.get(key);

    @Test
    void inWordsAsTheQueueShowsThem() {
        assertThat(Waiting.text(Duration.ofSeconds(40), T)).isEqualTo("< 1 mnt");
        assertThat(Waiting.text(Duration.ofMinutes(45), T)).isEqualTo("45 mnt");
        assertThat(Waiting.text(Duration.ofMinutes(125), T)).isEqualTo("2 jam 5 mnt");
        assertThat(Waiting.text(Duration.ofHours(27).plusMinutes(59), T)).isEqualTo("1 hr 3 jam");
        assertThat(Waiting.text(Duration.ofMinutes(-3), T)).as("a clock a little ahead").isEqualTo("< 1 mnt");
    }
}
