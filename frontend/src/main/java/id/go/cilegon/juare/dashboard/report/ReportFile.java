package id.go.cilegon.juare.dashboard.report;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A report's file as the dashboard serves it: {@code report-files/2026-05-06.pdf} (or {@code .csv}). Only a day and
 * one of two kinds: the proxy passes nothing else on to the backend.
 */
public record ReportFile(LocalDate day, Kind kind) {

    /** Relative to the application's root, so a link works under any route. */
    public static final String PATH = "report-files";
    private static final Pattern NAME = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})\\.(pdf|csv)");

    public enum Kind {
        PDF("pdf", "application/pdf"),
        CSV("csv", "text/csv");

        public final String extension;
        public final String mediaType;

        Kind(String extension, String mediaType) {
            this.extension = extension;
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
            return Optional.of(new ReportFile(LocalDate.parse(matcher.group(1)),
                    matcher.group(2).equals("pdf") ? Kind.PDF : Kind.CSV));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** The link the browser follows. */
    public String href() {
        return PATH + "/" + day + "." + kind.extension;
    }

    /** The backend path of this file in the report (its {@code pdfPath} or {@code csvPath}). */
    public String backendPath(DailyReport report) {
        return kind == Kind.PDF ? report.pdfPath() : report.csvPath();
    }
}
