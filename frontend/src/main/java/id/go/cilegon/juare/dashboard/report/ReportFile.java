package id.go.cilegon.juare.dashboard.report;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A report's file as the dashboard serves it: {@code report-files/2026-05-06.pdf}, {@code report-files/2026-05-06-opd.csv}
 * or {@code report-files/2026-05-06-terlambat.csv} (the CSV is one file per table). Only a day and one of these kinds:
 * the proxy passes nothing else on to the backend.
 */
public record ReportFile(LocalDate day, Kind kind) {

    /** Relative to the application's root, so a link works under any route. */
    public static final String PATH = "report-files";
    private static final Pattern NAME = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})(\\.pdf|-opd\\.csv|-terlambat\\.csv)");

    public enum Kind {
        PDF(".pdf", "application/pdf"),
        /** The per-OPD table and the city's row. */
        OPD_CSV("-opd.csv", "text/csv"),
        /** The overdue complaints. */
        OVERDUE_CSV("-terlambat.csv", "text/csv");

        /** After the day in the file's name. */
        public final String suffix;
        public final String mediaType;

        Kind(String suffix, String mediaType) {
            this.suffix = suffix;
            this.mediaType = mediaType;
        }
    }

    /** The file of a name like {@code 2026-05-06.pdf}; empty for anything else. */
    public static Optional<ReportFile> parse(String name) {
        if (name == null) {
            return Optional.empty();
        }
        Matcher matcher = NAME.matcher(name);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        try {
            LocalDate day = LocalDate.parse(matcher.group(1));
            return Stream.of(Kind.values()).filter(k -> k.suffix.equals(matcher.group(2))).findFirst().map(k -> new ReportFile(day, k));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** The link the browser follows. */
    public String href() {
        return PATH + "/" + day + kind.suffix;
    }

    /** The name the browser saves it under: {@code laporan-harian-2026-05-06-opd.csv}. */
    public String filename() {
        return "laporan-harian-" + day + kind.suffix;
    }

    /** The backend path of this file in the report (its {@code pdfPath}, {@code opdCsvPath} or {@code overdueCsvPath}). */
    public String backendPath(DailyReport report) {
        return switch (kind) {
            case PDF -> report.pdfPath();
            case OPD_CSV -> report.opdCsvPath();
            case OVERDUE_CSV -> report.overdueCsvPath();
        };
    }
}
