package id.go.cilegon.juare.dashboard.ranking;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A period the ranking is asked for: a kind, with its month (MONTH) or its first and last day (RANGE). It travels in
 * the address ({@code ?period=MONTH&month=2026-05}), so a screen can be bookmarked on a wall display and the
 * scorecard opens on the period the ranking showed.
 */
public record Period(PeriodKind kind, YearMonth month, LocalDate from, LocalDate to) {

    /** The backend's limit for a range, both days included. */
    public static final int MAX_RANGE_DAYS = 366;
    public static final Period DEFAULT = new Period(PeriodKind.LAST_30_DAYS, null, null, null);

    public Period {
        Objects.requireNonNull(kind, "kind");
        if (kind == PeriodKind.MONTH && month == null) {
            throw new IllegalArgumentException("Pilih bulan / Choose a month");
        }
        if (kind == PeriodKind.RANGE) {
            if (from == null || to == null) {
                throw new IllegalArgumentException("Isi tanggal awal dan akhir / Give the first and the last day");
            }
            if (to.isBefore(from)) {
                throw new IllegalArgumentException("Tanggal akhir sebelum tanggal awal / The last day is before the first");
            }
            if (ChronoUnit.DAYS.between(from, to) + 1 > MAX_RANGE_DAYS) {
                throw new IllegalArgumentException("Rentang paling lama 366 hari / A range is at most 366 days");
            }
        }
        // only what the kind uses: two equal periods have equal addresses
        if (kind != PeriodKind.MONTH) {
            month = null;
        }
        if (kind != PeriodKind.RANGE) {
            from = null;
            to = null;
        }
    }

    public static Period of(PeriodKind kind) {
        return new Period(kind, null, null, null);
    }

    public static Period month(YearMonth month) {
        return new Period(PeriodKind.MONTH, month, null, null);
    }

    public static Period range(LocalDate from, LocalDate to) {
        return new Period(PeriodKind.RANGE, null, from, to);
    }

    /** The GraphQL {@code PeriodInput}. */
    public Map<String, Object> toInput() {
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("kind", kind.name());
        if (month != null) {
            input.put("month", month.toString());
        }
        if (from != null) {
            input.put("from", from.toString());
            input.put("to", to.toString());
        }
        return input;
    }

    /** The address's query parameters. */
    public Map<String, List<String>> toQueryParameters() {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        parameters.put("period", List.of(kind.name()));
        if (month != null) {
            parameters.put("month", List.of(month.toString()));
        }
        if (from != null) {
            parameters.put("from", List.of(from.toString()));
            parameters.put("to", List.of(to.toString()));
        }
        return parameters;
    }

    /**
     * The period of an address; a missing or unusable one (typed by hand, an old bookmark) gives the default rather
     * than an error page.
     */
    public static Period fromQueryParameters(Map<String, List<String>> parameters) {
        try {
            String kind = first(parameters, "period");
            if (kind == null) {
                return DEFAULT;
            }
            return switch (PeriodKind.valueOf(kind)) {
                case MONTH -> month(YearMonth.parse(first(parameters, "month")));
                case RANGE -> range(LocalDate.parse(first(parameters, "from")), LocalDate.parse(first(parameters, "to")));
                case PeriodKind other -> of(other);
            };
        } catch (IllegalArgumentException | DateTimeParseException | NullPointerException e) {
            return DEFAULT;
        }
    }

    private static String first(Map<String, List<String>> parameters, String name) {
        List<String> values = parameters.get(name);
        return values == null || values.isEmpty() ? null : values.getFirst();
    }
}
