package id.go.cilegon.juare.report.internal;

import id.go.cilegon.juare.agency.AgencyCatalog;
import id.go.cilegon.juare.agency.Opd;
import id.go.cilegon.juare.auth.CurrentCaller;
import id.go.cilegon.juare.platform.ApiException;
import id.go.cilegon.juare.platform.Payloads;
import id.go.cilegon.juare.platform.UserError;
import id.go.cilegon.juare.platform.UserErrorException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.List;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/** dailyReports, dailyReport (the mayor, operators, admins) and regenerateDailyReport (admins). */
@Controller
class DailyReportController {

    static final String[] READERS = {"MAYOR", "OPERATOR", "ADMIN"};
    private static final int MAX_PAGE = 100;
    private static final String CURSOR_PREFIX = "day:";

    private final DailyReportService service;
    private final ReportRepository repository;
    private final AgencyCatalog catalog;

    DailyReportController(DailyReportService service, ReportRepository repository, AgencyCatalog catalog) {
        this.service = service;
        this.repository = repository;
        this.catalog = catalog;
    }

    @QueryMapping
    Mono<Connection> dailyReports(@Argument Integer first, @Argument String after) {
        int size = first == null ? 30 : first;
        return CurrentCaller.staffWithRole(READERS)
                .flatMap(caller -> {
                    if (size < 1 || size > MAX_PAGE) {
                        return Mono.error(ApiException.invalidInput("first: 1–" + MAX_PAGE));
                    }
                    return repository.page(decode(after), size + 1)
                            .map(DailyReport::of)
                            .collectList()
                            .map(reports -> Connection.of(reports, size, after != null));
                });
    }

    @QueryMapping
    Mono<DailyReport> dailyReport(@Argument String day) {
        return CurrentCaller.staffWithRole(READERS)
                .flatMap(caller -> Mono.fromCallable(() -> DailyReportService.parseDay(day))
                        .onErrorMap(UserErrorException.class, e -> ApiException.invalidInput(e.error().key(), e.error().args().toArray())))
                .flatMap(repository::find)
                .map(DailyReport::of);
    }

    @MutationMapping
    Mono<Payload> regenerateDailyReport(@Argument Input input) {
        return CurrentCaller.staffWithRole("ADMIN")
                .flatMap(caller -> Payloads.of(service.regenerate(caller, input.day()),
                        report -> new Payload(report, List.of()),
                        errors -> new Payload(null, errors)));
    }

    record Input(String day) {
    }

    record Payload(DailyReport report, List<UserError> errors) {
    }

    /** The OPD as the catalog has it now; one that is gone keeps the name the report printed. */
    @SchemaMapping(typeName = "DailyReportOpd")
    Mono<Opd> opd(ReportContent.OpdSection section) {
        return catalog.opd(section.opdCode())
                .defaultIfEmpty(new Opd(section.opdCode(), section.opdName(), "OPD", false));
    }

    record Connection(List<Edge> edges, PageInfo pageInfo) {

        static Connection of(List<DailyReport> reports, int size, boolean hasPrevious) {
            List<Edge> edges = reports.stream()
                    .limit(size)
                    .map(report -> new Edge(encode(report.dayValue()), report))
                    .toList();
            return new Connection(edges, new PageInfo(reports.size() > size, hasPrevious,
                    edges.isEmpty() ? null : edges.getFirst().cursor(), edges.isEmpty() ? null : edges.getLast().cursor()));
        }
    }

    record Edge(String cursor, DailyReport node) {
    }

    record PageInfo(boolean hasNextPage, boolean hasPreviousPage, String startCursor, String endCursor) {
    }

    static String encode(LocalDate day) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((CURSOR_PREFIX + day).getBytes(StandardCharsets.UTF_8));
    }

    /** Null (from the newest) for null. */
    static LocalDate decode(String cursor) {
        if (cursor == null) {
            return null;
        }
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (!raw.startsWith(CURSOR_PREFIX)) {
                throw new IllegalArgumentException(raw);
            }
            return LocalDate.parse(raw.substring(CURSOR_PREFIX.length()));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw ApiException.invalidInput("input.cursor");
        }
    }
}
