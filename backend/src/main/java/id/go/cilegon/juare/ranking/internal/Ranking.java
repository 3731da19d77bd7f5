package id.go.cilegon.juare.ranking.internal;

import id.go.cilegon.juare.agency.Opd;
import java.time.Instant;
import java.util.List;

/** GraphQL OpdRanking. */
record Ranking(Period period, int minComplaints, List<Score.Part> weights, List<Row> rows, Instant computedAt) {

    /** GraphQL OpdRankingRow. */
    record Row(Integer rank, boolean ranked, Opd opd, Double score, List<Score.Part> scoreParts, Figures figures) {
    }

    Row rowOf(String opdCode) {
        return rows.stream()
                .filter(row -> row.opd().code().equals(opdCode))
                .findFirst()
                .orElse(null);
    }

    /** Same figures and order, whenever computed: the live ranking is sent again only when this changes. */
    boolean sameAs(Ranking other) {
        return other != null && period.equals(other.period) && rows.equals(other.rows);
    }
}
