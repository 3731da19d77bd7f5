package id.go.cilegon.juare.dashboard.report;

import id.go.cilegon.juare.dashboard.backend.BackendException;
import id.go.cilegon.juare.dashboard.backend.BackendFiles;
import id.go.cilegon.juare.dashboard.backend.BackendSession;
import id.go.cilegon.juare.dashboard.backend.SessionOverException;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

/**
 * A report's PDF or CSV from the backend, fetched with the staff member's bearer token at the path the report names
 * ({@code pdfPath}, {@code opdCsvPath}, {@code overdueCsvPath}) and streamed on to the {@link ReportFileProxy}'s answer.
 */
@Component
public class BackendReportFiles {

    /** What of the backend's answer reaches the browser. */
    private static final List<String> PASSED_HEADERS = List.of(HttpHeaders.CONTENT_TYPE, HttpHeaders.CONTENT_LENGTH,
            HttpHeaders.CONTENT_DISPOSITION, HttpHeaders.CACHE_CONTROL, "X-Content-Type-Options");

    private final BackendFiles files;
    private final ReportService reports;

    public BackendReportFiles(BackendFiles files, ReportService reports) {
        this.files = files;
        this.reports = reports;
    }

    /**
     * Streams the file to {@code target}: 404 when the day has no report, the backend's status when it refuses
     * (403 for a role that may not read reports), 401 when the sign-in is over, 502 when the backend cannot be reached.
     */
    public void stream(BackendSession session, ReportFile file, BackendFiles.Target target) {
        String path;
        try {
            Optional<DailyReport> report = reports.report(session, file.day());
            if (report.isEmpty()) {
                target.status(404);
                return;
            }
            path = file.backendPath(report.get());
        } catch (SessionOverException e) {
            target.status(401);
            return;
        } catch (BackendException e) {
            target.status(status(e));
            return;
        }
        // a path of the backend's own, never a full address elsewhere (nor a template)
        if (path == null || !path.startsWith("/") || path.startsWith("//") || path.contains("{")) {
            target.status(502);
            return;
        }
        files.stream(session, path, new Object[0], List.of(MediaType.parseMediaType(file.kind().mediaType), MediaType.ALL),
                PASSED_HEADERS, target);
    }

    static int status(BackendException e) {
        return switch (e.code()) {
            case "FORBIDDEN" -> 403;
            case "NOT_FOUND" -> 404;
            default -> 502;
        };
    }
}
