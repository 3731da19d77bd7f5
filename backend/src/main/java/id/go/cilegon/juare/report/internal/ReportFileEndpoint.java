package id.go.cilegon.juare.report.internal;

import id.go.cilegon.juare.auth.CurrentCaller;
import id.go.cilegon.juare.platform.ApiException;
import id.go.cilegon.juare.platform.CallerLanguage;
import id.go.cilegon.juare.platform.ErrorCode;
import id.go.cilegon.juare.platform.Messages;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * {@code GET /api/reports/{day}.pdf}, {@code /api/reports/{day}-opd.csv} and {@code /api/reports/{day}-terlambat.csv}
 * with a staff bearer token (the mayor, operators, admins), as attachments named laporan-harian-{day}.pdf,
 * laporan-harian-{day}-opd.csv, …: the stored PDF; each CSV table made from the stored content (the same bytes as in
 * the stored zip, and reports made before the tables were split get them too). Errors are JSON as the photo
 * endpoint's: {@code {"error":{"code":…,"message":…}}}.
 */
@RestController
class ReportFileEndpoint {

    static final String BASE = "/api/reports/";
    private static final Pattern FILE = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})(?:\\.(pdf)|-(opd|terlambat)\\.csv)");

    private final ReportRepository repository;

    private final Messages messages;

    ReportFileEndpoint(ReportRepository repository, Messages messages) {
        this.repository = repository;
        this.messages = messages;
    }

    static String path(LocalDate day, ReportRepository.ReportFile file) {
        return BASE + day + "." + file.extension;
    }

    static String path(LocalDate day, ReportCsv.Table table) {
        return BASE + day + "-" + table.suffix + ".csv";
    }

    @GetMapping(BASE + "{file}")
    Mono<ResponseEntity<byte[]>> file(@PathVariable String file) {
        return CurrentCaller.staffWithRole(DailyReportController.READERS)
                .then(Mono.fromCallable(() -> parse(file)))
                .flatMap(request -> request.table() == null
                        ? repository.file(request.day(), ReportRepository.ReportFile.PDF).map(content -> attachment(request, content))
                        : repository.find(request.day()).map(stored -> attachment(request,
                                ReportCsv.render(DailyReport.of(stored).content(), request.table()))))
                .switchIfEmpty(Mono.error(ReportFileEndpoint::notFound));
    }

    /** A day's PDF (table null) or one of its CSV tables. */
    private record Request(LocalDate day, ReportCsv.Table table) {

        ReportRepository.ReportFile kind() {
            return table == null ? ReportRepository.ReportFile.PDF : ReportRepository.ReportFile.CSV;
        }

        String filename() {
            return table == null ? DailyReportService.filename(day, ReportRepository.ReportFile.PDF) : ReportCsv.filename(day, table);
        }
    }

    private static Request parse(String file) {
        Matcher matcher = FILE.matcher(file);
        if (!matcher.matches()) {
            throw notFound();
        }
        try {
            return new Request(LocalDate.parse(matcher.group(1)), matcher.group(2) != null ? null : ReportCsv.Table.ofSuffix(matcher.group(3)));
        } catch (DateTimeParseException e) {
            throw notFound();
        }
    }

    private static ResponseEntity<byte[]> attachment(Request request, byte[] content) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(request.kind().mediaType))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(request.filename())
                        .build()
                        .toString())
                .header(HttpHeaders.CACHE_CONTROL, "private, no-cache")
                .header("X-Content-Type-Options", "nosniff")
                .body(content);
    }

    private static ApiException notFound() {
        return new ApiException(ErrorCode.NOT_FOUND, "report.not-found");
    }

    @ExceptionHandler
    ResponseEntity<ErrorBody> apiError(ApiException e, ServerWebExchange exchange) {
        HttpStatus status = switch (e.code()) {
            case UNAUTHENTICATED -> HttpStatus.UNAUTHORIZED;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            default -> HttpStatus.BAD_REQUEST;
        };
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_JSON)
                .body(new ErrorBody(new Detail(e.code().name(), messages.text(CallerLanguage.of(exchange), e))));
    }

    record ErrorBody(Detail error) {
    }

    record Detail(String code, String message) {
    }
}
