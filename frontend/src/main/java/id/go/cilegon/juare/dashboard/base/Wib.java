package id.go.cilegon.juare.dashboard.base;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/** The city's time zone: instants are UTC everywhere, and shown in WIB. */
public final class Wib {

    public static final ZoneId ZONE = ZoneId.of("Asia/Jakarta");

    private Wib() {
    }

    /** Midnight WIB of the day the instant falls on in Cilegon. */
    public static Instant startOfDay(Instant instant) {
        return LocalDate.ofInstant(instant, ZONE).atStartOfDay(ZONE).toInstant();
    }

    /** "14.05 WIB" / "2:05 PM WIB" */
    public static String time(Instant instant, Locale locale) {
        return DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(locale).withZone(ZONE).format(instant) + " WIB";
    }

    /** "7 Mei 2026, 14.05 WIB" */
    public static String dateTime(Instant instant, Locale locale) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale).withZone(ZONE).format(instant)
                + ", " + time(instant, locale);
    }
}
