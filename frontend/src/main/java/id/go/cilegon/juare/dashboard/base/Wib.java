package id.go.cilegon.juare.dashboard.base;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

/**
 * The city's time zone and the one way every screen writes a date: instants are UTC everywhere and shown in WIB,
 * day first, the month short, 24-hour clock — "6 Des 2026 10.15" in Bahasa Indonesia, "6 Dec 2026 10:15" in English
 * (the user's language). Our own month and day names, not the JVM's locale data (whose English is "Dec 6, 2026,
 * 10:15 AM" and whose Indonesian pads the day: "06 Des").
 */
public final class Wib {

    public static final ZoneId ZONE = ZoneId.of("Asia/Jakarta");

    private static final List<String> MONTHS_ID = List.of("Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des");
    private static final List<String> MONTHS_EN = List.of("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec");
    private static final List<String> LONG_MONTHS_ID = List.of("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli",
            "Agustus", "September", "Oktober", "November", "Desember");
    private static final List<String> LONG_MONTHS_EN = List.of("January", "February", "March", "April", "May", "June", "July",
            "August", "September", "October", "November", "December");
    private static final List<String> DAYS_ID = List.of("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu");
    private static final List<String> DAYS_EN = List.of("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday");
    private static final List<String> SHORT_DAYS_ID = List.of("Sen", "Sel", "Rab", "Kam", "Jum", "Sab", "Min");
    private static final List<String> SHORT_DAYS_EN = List.of("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun");

    private Wib() {
    }

    /** Midnight WIB of the day the instant falls on in Cilegon. */
    public static Instant startOfDay(Instant instant) {
        return LocalDate.ofInstant(instant, ZONE).atStartOfDay(ZONE).toInstant();
    }

    /** "14.05 WIB" / "14:05 WIB": a clock time alone says its zone. */
    public static String time(Instant instant, Locale locale) {
        return clock(LocalDateTime.ofInstant(instant, ZONE), locale) + " WIB";
    }

    /** "7 Mei 2026 14.05" / "7 May 2026 14:05". */
    public static String dateTime(Instant instant, Locale locale) {
        LocalDateTime local = LocalDateTime.ofInstant(instant, ZONE);
        return date(local.toLocalDate(), locale) + " " + clock(local, locale);
    }

    /** "7 Mei 2026" / "7 May 2026". */
    public static String date(LocalDate day, Locale locale) {
        return day.getDayOfMonth() + " " + (english(locale) ? MONTHS_EN : MONTHS_ID).get(day.getMonthValue() - 1) + " " + day.getYear();
    }

    /** "Kam, 7 Mei 2026" / "Thu, 7 May 2026": a day in a narrow list. */
    public static String shortDay(LocalDate day, Locale locale) {
        return (english(locale) ? SHORT_DAYS_EN : SHORT_DAYS_ID).get(day.getDayOfWeek().getValue() - 1) + ", " + date(day, locale);
    }

    /** "Kamis, 7 Mei 2026" / "Thursday, 7 May 2026": a day in a heading. */
    public static String longDay(LocalDate day, Locale locale) {
        boolean english = english(locale);
        return (english ? DAYS_EN : DAYS_ID).get(day.getDayOfWeek().getValue() - 1) + ", " + day.getDayOfMonth() + " "
                + (english ? LONG_MONTHS_EN : LONG_MONTHS_ID).get(day.getMonthValue() - 1) + " " + day.getYear();
    }

    /** "14.05" in Indonesian (as the city writes it), "14:05" in English. */
    private static String clock(LocalDateTime local, Locale locale) {
        return String.format(Locale.ROOT, english(locale) ? "%02d:%02d" : "%02d.%02d", local.getHour(), local.getMinute());
    }

    private static boolean english(Locale locale) {
        return locale != null && Locale.ENGLISH.getLanguage().equals(locale.getLanguage());
    }
}
