package id.go.cilegon.juare.report.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

/** Dates and times as the city writes them ("Sabtu, 28 November 2026", "07.00 WIB"), independent of the JVM's locale data. */
final class IndonesianDates {

    static final ZoneId WIB = ZoneId.of("Asia/Jakarta");

    private static final List<String> DAYS = List.of("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu");
    private static final List<String> MONTHS = List.of("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli",
            "Agustus", "September", "Oktober", "November", "Desember");

    private IndonesianDates() {
    }

    /** "Sabtu, 28 November 2026". */
    static String longDate(LocalDate day) {
        return DAYS.get(day.getDayOfWeek().getValue() - 1) + ", " + shortDate(day);
    }

    /** "28 November 2026". */
    static String shortDate(LocalDate day) {
        return day.getDayOfMonth() + " " + MONTHS.get(day.getMonthValue() - 1) + " " + day.getYear();
    }

    /** "29 November 2026 00.00 WIB". */
    static String dateTime(Instant instant) {
        LocalDateTime local = LocalDateTime.ofInstant(instant, WIB);
        return shortDate(local.toLocalDate()) + " " + String.format(Locale.ROOT, "%02d.%02d", local.getHour(), local.getMinute()) + " WIB";
    }

    /** "28/11 14.05": for tables. */
    static String compact(Instant instant) {
        LocalDateTime local = LocalDateTime.ofInstant(instant, WIB);
        return String.format(Locale.ROOT, "%02d/%02d %02d.%02d", local.getDayOfMonth(), local.getMonthValue(), local.getHour(),
                local.getMinute());
    }

    /** The day's start and its cut-off (00:00 WIB of the next day). */
    static Instant startOf(LocalDate day) {
        return day.atStartOfDay(WIB).toInstant();
    }

    static Instant cutoffOf(LocalDate day) {
        return day.plusDays(1).atStartOfDay(WIB).toInstant();
    }
}
