package id.go.cilegon.juare.dashboard.base;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class WibTest {

    @Test
    void todayStartsAtMidnightInCilegonNotInUtc() {
        // 18:30 UTC on 6 May is 01:30 WIB on 7 May: "today" began at 17:00 UTC on 6 May
        assertThat(Wib.startOfDay(Instant.parse("2026-05-06T18:30:00Z"))).isEqualTo(Instant.parse("2026-05-06T17:00:00Z"));
        assertThat(Wib.startOfDay(Instant.parse("2026-05-06T16:59:59Z"))).isEqualTo(Instant.parse("2026-05-05T17:00:00Z"));
    }

    @Test
    void timesAreShownInWib() {
        assertThat(Wib.time(Instant.parse("2026-05-07T07:05:00Z"), Locale.of("id"))).isEqualTo("14.05 WIB");
    }
}
