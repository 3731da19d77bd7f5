package id.go.cilegon.juare.dashboard.live.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** An event's moment: day, short month and time in WIB, as people write it in each language. */
class EventTimeTest {

    private static final Instant AT = Instant.parse("2026-12-06T03:15:00Z");

    @Test
    void indonesianWithADotInTheTime() {
        assertThat(EventTime.format(AT, Locale.forLanguageTag("id"))).isEqualTo("6 Des 10.15");
        assertThat(EventTime.format(Instant.parse("2026-08-31T17:05:00Z"), Locale.forLanguageTag("id-ID"))).isEqualTo("1 Sep 00.05");
    }

    @Test
    void englishWithAColon() {
        assertThat(EventTime.format(AT, Locale.ENGLISH)).isEqualTo("6 Dec 10:15");
    }
}
