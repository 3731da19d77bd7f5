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

    @Test
    void oneStyleForEveryDateByTheUsersLanguage() {
        Instant at = Instant.parse("2026-12-06T03:15:00Z");
        assertThat(Wib.dateTime(at, Locale.of("id"))).isEqualTo("6 Des 2026 10.15");
        assertThat(Wib.dateTime(at, Locale.ENGLISH)).isEqualTo("6 Dec 2026 10:15");
        assertThat(Wib.time(at, Locale.ENGLISH)).as("24-hour, never 10:15 AM").isEqualTo("10:15 WIB");
        // 17:30 UTC is already the next day in Cilegon
        assertThat(Wib.dateTime(Instant.parse("2026-12-31T17:30:00Z"), Locale.of("id"))).isEqualTo("1 Jan 2027 00.30");
        java.time.LocalDate day = java.time.LocalDate.of(2026, 5, 7);
        assertThat(Wib.date(day, Locale.of("id"))).isEqualTo("7 Mei 2026");
        assertThat(Wib.shortDay(day, Locale.of("id"))).isEqualTo("Kam, 7 Mei 2026");
        assertThat(Wib.longDay(day, Locale.of("id"))).isEqualTo("Kamis, 7 Mei 2026");
        assertThat(Wib.longDay(day, Locale.ENGLISH)).isEqualTo("Thursday, 7 May 2026");
    }
}
