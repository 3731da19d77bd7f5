package id.go.cilegon.juare.ranking.internal;

import id.go.cilegon.juare.platform.ApiException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/**
 * A period of whole WIB days, as instants: complaints received at or after {@code start} and before {@code end}.
 * TODAY and LAST_n_DAYS include today (so their end is tomorrow's midnight); MONTH is a calendar month; RANGE runs
 * from one day to another, both included.
 */
record Period(Kind kind, LocalDate firstDay, LocalDate lastDay, Instant start, Instant end) {

    static final ZoneId WIB = ZoneId.of("Asia/Jakarta");
    static final int MAX_DAYS = 366;

    enum Kind { TODAY, LAST_7_DAYS, LAST_30_DAYS, MONTH, RANGE }

    /** GraphQL PeriodInput. */
    record Input(Kind kind, String month, String from, String to) {
    }

    static Period of(Input input, Instant now) {
        if (input == null || input.kind() == null) {
            throw ApiException.invalidInput("ranking.period.required");
        }
        LocalDate today = LocalDate.ofInstant(now, WIB);
        return switch (input.kind()) {
            case TODAY -> days(Kind.TODAY, today, today);
            case LAST_7_DAYS -> days(Kind.LAST_7_DAYS, today.minusDays(6), today);
            case LAST_30_DAYS -> days(Kind.LAST_30_DAYS, today.minusDays(29), today);
            case MONTH -> month(input.month());
            case RANGE -> range(input.from(), input.to());
        };
    }

    private static Period month(String month) {
        if (month == null) {
            throw ApiException.invalidInput("ranking.period.month-required");
        }
        try {
            YearMonth ym = YearMonth.parse(month);
            return days(Kind.MONTH, ym.atDay(1), ym.atEndOfMonth());
        } catch (DateTimeException e) {
            throw ApiException.invalidInput("ranking.period.month-format");
        }
    }

    private static Period range(String from, String to) {
        if (from == null || to == null) {
            throw ApiException.invalidInput("ranking.period.range-required");
        }
        LocalDate first;
        LocalDate last;
        try {
            first = LocalDate.parse(from);
            last = LocalDate.parse(to);
        } catch (DateTimeException e) {
            throw ApiException.invalidInput("ranking.period.date-format");
        }
        if (last.isBefore(first)) {
            throw ApiException.invalidInput("ranking.period.order");
        }
        if (ChronoUnit.DAYS.between(first, last) + 1 > MAX_DAYS) {
            throw ApiException.invalidInput("ranking.period.too-long", MAX_DAYS);
        }
        return days(Kind.RANGE, first, last);
    }

    static Period days(Kind kind, LocalDate first, LocalDate last) {
        return new Period(kind, first, last, first.atStartOfDay(WIB).toInstant(), last.plusDays(1).atStartOfDay(WIB).toInstant());
    }
}
