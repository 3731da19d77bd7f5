package id.go.cilegon.juare.dashboard.report;

import id.go.cilegon.juare.dashboard.backend.BackendClient;
import id.go.cilegon.juare.dashboard.backend.BackendException;
import id.go.cilegon.juare.dashboard.backend.BackendProperties;
import id.go.cilegon.juare.dashboard.backend.BackendSession;
import java.io.IOException;
import java.io.OutputStream;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * A report's PDF or CSV from the backend, fetched with the staff member's bearer token at the path the report names
 * ({@code pdfPath}, {@code csvPath}) and streamed on to the {@link ReportFileProxy}'s answer.
 */
@Component
public class BackendReportFiles {

    /** What of the backend's answer reaches the browser. */
    private static final List<String> PASSED_HEADERS = List.of(HttpHeaders.CONTENT_TYPE, HttpHeaders.CONTENT_LENGTH,
            HttpHeaders.CONTENT_DISPOSITION, HttpHeaders.CACHE_CONTROL, "X-Content-Type-Options");

    private final RestClient rest;
    private final BackendClient backend;
    private final BackendProperties properties;
    private final ReportService reports;
    private final Clock clock;

    public BackendReportFiles(BackendClient backend, BackendProperties properties, ReportService reports, Clock clock) {
        this.backend = backend;
        this.properties = properties;
        this.reports = reports;
        this.clock = clock;
        HttpClient http = HttpClient.newBuilder().connectTimeout(properties.connectTimeout()).build();
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(http);
        requests.setReadTimeout(properties.readTimeout());
        this.rest = RestClient.builder().requestFactory(requests).baseUrl(properties.url().toString()).build();
    }

    /** Where the proxy writes: the status and headers first, then the bytes. */
    public interface Target {
        void status(int status);

        void header(String name, String value);

        OutputStream body() throws IOException;
    }

    /**
     * Streams the file to {@code target}: 404 when the day has no report, the backend's status when it refuses
     * (403 for a role that may not read reports), 401 when the sign-in is over, 502 when the backend cannot be reached.
     */
    public void stream(BackendSession session, ReportFile file, Target target) {
        String path;
        String bearer;
        try {
            Optional<DailyReport> report = reports.report(session, file.day());
            if (report.isEmpty()) {
                target.status(404);
                return;
            }
            path = file.backendPath(report.get());
            bearer = "Bearer " + session.accessToken(clock, properties.refreshMargin(), backend::refresh);
        } catch (BackendException e) {
            target.status(status(e));
            return;
        }
        // a path of the backend's own, never a full address elsewhere
        if (path == null || !path.startsWith("/") || path.startsWith("//")) {
            target.status(502);
            return;
        }
        try {
            rest.get()
                    .uri(properties.url().resolve(path))
                    .header(HttpHeaders.AUTHORIZATION, bearer)
                    .accept(MediaType.parseMediaType(file.kind().mediaType), MediaType.ALL)
                    .exchange((request, answer) -> {
                        target.status(answer.getStatusCode().value());
                        if (!answer.getStatusCode().is2xxSuccessful()) {
                            return null;
                        }
                        for (String name : PASSED_HEADERS) {
                            String value = answer.getHeaders().getFirst(name);
                            if (value != null) {
                                target.header(name, value);
                            }
                        }
                        try (OutputStream out = target.body()) {
                            answer.getBody().transferTo(out);
                        }
                        return null;
                    });
        } catch (RestClientException e) {
            target.status(502);
        }
    }

    static int status(BackendException e) {
        if (e.isSessionOver()) {
            return 401;
        }
        return switch (e.code()) {
            case "FORBIDDEN" -> 403;
            case "NOT_FOUND" -> 404;
            default -> 502;
        };
    }
}
