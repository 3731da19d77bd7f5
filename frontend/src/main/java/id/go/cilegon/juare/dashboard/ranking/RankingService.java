package id.go.cilegon.juare.dashboard.ranking;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import id.go.cilegon.juare.dashboard.backend.BackendClient;
import id.go.cilegon.juare.dashboard.backend.BackendSession;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * The OPD ranking and scorecards for the screens: {@code OpdRanking}, {@code OpdScorecard} and the complaints behind
 * a figure ({@code OpdScorecardComplaints}). Figures are the backend's (docs/ranking.md); nothing is recomputed here.
 */
@Service
public class RankingService {

    /** Complaints per page of a drill-down list. */
    public static final int PAGE_SIZE = 50;

    private final BackendClient backend;

    public RankingService(BackendClient backend) {
        this.backend = backend;
    }

    public Ranking ranking(BackendSession session, Period period) {
        return backend.execute(session, "OpdRanking", Map.of("period", period.toInput()))
                .field("opdRanking")
                .toEntity(Ranking.class);
    }

    public Scorecard scorecard(BackendSession session, String opdCode, Period period) {
        return backend.execute(session, "OpdScorecard", Map.of("opdCode", opdCode, "period", period.toInput()))
                .field("opdScorecard")
                .toEntity(Scorecard.class);
    }

    /** One page of the complaints behind {@code metric}, after {@code cursor} (null: the first page). */
    public ComplaintPage complaints(BackendSession session, String opdCode, Period period, Metric metric, String cursor) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("opdCode", opdCode);
        variables.put("period", period.toInput());
        variables.put("metric", metric.name());
        variables.put("first", PAGE_SIZE);
        if (cursor != null) {
            variables.put("after", cursor);
        }
        Connection connection = backend.execute(session, "OpdScorecardComplaints", variables)
                .field("opdScorecard.complaints")
                .toEntity(Connection.class);
        return page(connection);
    }

    static ComplaintPage page(Connection connection) {
        List<ScorecardComplaint> complaints = connection.edges().stream().map(Edge::node).toList();
        return new ComplaintPage(complaints, connection.pageInfo().hasNextPage(), connection.pageInfo().endCursor());
    }

    /** Category and kecamatan names by code, in the language asked for, to show beside a complaint. */
    public Names names(BackendSession session, Locale locale) {
        ReferenceData data = backend.execute(session, "ReferenceData", Map.of()).toEntity(ReferenceData.class);
        return Names.of(data, locale);
    }

    /** Names by code; an unknown code shows as itself. */
    public record Names(Map<String, String> categories, Map<String, String> kecamatan) {

        public static final Names NONE = new Names(Map.of(), Map.of());

        static Names of(ReferenceData data, Locale locale) {
            boolean english = "en".equals(locale.getLanguage());
            Map<String, String> categories = new HashMap<>();
            data.categories().forEach(c -> categories.put(c.code(), english && c.nameEn() != null ? c.nameEn() : c.nameId()));
            Map<String, String> kecamatan = new HashMap<>();
            data.kecamatanList().forEach(k -> kecamatan.put(k.code(), k.name()));
            return new Names(Map.copyOf(categories), Map.copyOf(kecamatan));
        }

        public String category(String code) {
            return categories.getOrDefault(code, code);
        }

        public String kecamatan(String code) {
            return kecamatan.getOrDefault(code, code);
        }
    }

    // the shapes of the answers, as the documents ask for them

    record PageInfo(boolean hasNextPage, String endCursor) {
    }

    record Edge(String cursor, ScorecardComplaint node) {
    }

    record Connection(List<Edge> edges, PageInfo pageInfo) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Category(String code, String nameId, String nameEn) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Kecamatan(String code, String name) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record ReferenceData(List<Category> categories, List<Kecamatan> kecamatanList) {
    }
}
