package id.go.cilegon.juare.report.internal;

import id.go.cilegon.juare.auth.CurrentCaller;
import id.go.cilegon.juare.platform.ApiException;
import id.go.cilegon.juare.platform.ErrorCode;
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
import reactor.core.publisher.Mono;

/**
 * {@code GET /api/reports/{day}.pdf} and {@code /api/reports/{day}.csv} with a staff bearer token (the mayor,
 * operators, admins): the stored files, as attachments named laporan-harian-{day}.pdf / .csv. Errors are JSON as the
 * photo endpoint's: {@code {"error":{"code":…,"message":…}}}.
 */
@RestController
class ReportFileEndpoint {

    static final String BASE = "/api/reports/";
    private static final Pattern FILE = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})\\.(pdf|csv)");

    private final ReportRepository repository;

    ReportFileEndpoint(ReportRepository repository) {
        this.repository = repository;
    }

    static String path(LocalDate day, ReportRepository.ReportFile file) {
        return BASE + day + "." + file.extension;
    }

    @GetMapping(BASE + "{file}")
    Mono<ResponseEntity<byte[]>> file(@PathVariable String file) {
        return CurrentCaller.staffWithRole(DailyReportController.READERS)
                .then(Mono.fromCallable(() -> parse(file)))
                .flatMap(request -> repository.file(request.day(), request.kind())
                        .map(content -> attachment(request, content)))
                .switchIfEmpty(Mono.error(ReportFileEndpoint::notFound));
    }

    private record Request(LocalDate day, ReportRepository.ReportFile kind) {
    }

    private static Request parse(String file) {
        Matcher matcher = FILE.matcher(file);
        if (!matcher.matches()) {
            throw notFound();
        }
        try {
            return new Request(LocalDate.parse(matcher.group(1)),
                    matcher.group(2).equals("pdf") ? ReportRepository.ReportFile.PDF : ReportRepository.ReportFile.CSV);
        } catch (DateTimeParseException e) {
            throw notFound();
        }
    }

    private static ResponseEntity<byte[]> attachment(Request request, byte[] content) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(request.kind().mediaType))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(DailyReportService.filename(request.day(), request.kind()))
                        .build()
                        .toString())
                .header(HttpHeaders.CACHE_CONTROL, "private, no-cache")
                .header("X-Content-Type-Options", "nosniff")
                .body(content);
    }

    private static ApiException notFound() {
        return new ApiException(ErrorCode.NOT_FOUND, "Laporan tidak ditemukan / Report not found");
    }

    @ExceptionHandler
    ResponseEntity<ErrorBody> apiError(ApiException e) {
        HttpStatus status = switch (e.code()) {
            case UNAUTHENTICATED -> HttpStatus.UNAUTHORIZED;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            default -> HttpStatus.BAD_REQUEST;
        };
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_JSON)
                .body(new ErrorBody(new Detail(e.code().name(), e.getMessage())));
    }

    record ErrorBody(Detail error) {
    }

    record Detail(String code, String message) {
    }
}
