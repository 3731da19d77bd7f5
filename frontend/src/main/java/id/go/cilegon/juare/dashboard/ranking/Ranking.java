package id.go.cilegon.juare.dashboard.ranking;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.List;

/** The backend's {@code OpdRanking}: ranked OPDs best first, then the unranked ones. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Ranking(ResolvedPeriod period, int minComplaints, List<ScorePart> weights, List<RankingRow> rows,
                      Instant computedAt, RankingDefinition definition) {

    public Ranking(ResolvedPeriod period, int minComplaints, List<ScorePart> weights, List<RankingRow> rows,
                   Instant computedAt) {
        this(period, minComplaints, weights, rows, computedAt, null);
    }

    public List<RankingRow> ranked() {
        return rows.stream().filter(RankingRow::ranked).toList();
    }

    public List<RankingRow> unranked() {
        return rows.stream().filter(row -> !row.ranked()).toList();
    }

    /** The sum of the weights: what a weight is a share of. */
    public double totalWeight() {
        return weights.stream().mapToDouble(ScorePart::weight).sum();
    }
}
