package id.go.cilegon.juare.dashboard.report;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import id.go.cilegon.juare.dashboard.backend.BackendClient;
import id.go.cilegon.juare.dashboard.backend.BackendSession;
import id.go.cilegon.juare.dashboard.backend.Outcome;
import id.go.cilegon.juare.dashboard.ranking.RankingService;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * The mayor's daily reports for the screens: the stored ones newest first ({@code DailyReports}), one day's in full
 * ({@code DailyReport}), and an admin's regeneration of a past day ({@code RegenerateDailyReport}).
 */
@Service
public class ReportService {

    public static final int PAGE_SIZE = 30;

    private final BackendClient backend;
    private final RankingService ranking;

    public ReportService(BackendClient backend, RankingService ranking) {
        this.backend = backend;
        this.ranking = ranking;
    }

    /** One page of reports, newest day first, after {@code cursor} (null: the first page). */
    public Page reports(BackendSession session, String cursor) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("first", PAGE_SIZE);
        if (cursor != null) {
            variables.put("after", cursor);
        }
        Connection connection = backend.execute(session, "DailyReports", variables).field("dailyReports").toEntity(Connection.class);
        return page(connection);
    }

    static Page page(Connection connection) {
        return new Page(connection.edges().stream().map(Edge::node).toList(), connection.pageInfo().hasNextPage(),
                connection.pageInfo().endCursor());
    }

    /** The report of one WIB day, if one was made. */
    public Optional<DailyReport> report(BackendSession session, LocalDate day) {
        return Optional.ofNullable(backend.execute(session, "DailyReport", Map.of("day", day.toString()))
                .field("dailyReport")
                .toEntity(DailyReport.class));
    }

    /** Makes a past day's report again (ADMIN); the backend's refusals come back as the payload's errors. */
    public Outcome<DailyReport> regenerate(BackendSession session, LocalDate day) {
        return Outcome.read(backend.execute(session, "RegenerateDailyReport", Map.of("input", Map.of("day", day.toString()))),
                "regenerateDailyReport", "report", DailyReport.class);
    }

    /** Category and kecamatan names, to show beside an overdue complaint. */
    public RankingService.Names names(BackendSession session, Locale locale) {
        return ranking.names(session, locale);
    }

    public record Page(List<DailyReport> reports, boolean hasMore, String endCursor) {
    }

    // the shapes of the answer, as the document asks for them

    @JsonIgnoreProperties(ignoreUnknown = true)
    record PageInfo(boolean hasNextPage, String endCursor) {
    }

    record Edge(String cursor, DailyReport node) {
    }

    record Connection(List<Edge> edges, PageInfo pageInfo) {
    }
}
