package id.go.cilegon.juare.ranking.internal;

import id.go.cilegon.juare.agency.Opd;
import java.time.Instant;
import java.util.List;

/** GraphQL OpdRanking. */
record Ranking(Period period, int minComplaints, List<Score.Part> weights, List<Row> rows, Instant computedAt,
               Definition definition) {

    /** GraphQL OpdRankingRow: the score it is ranked by, its interval, and the score from plain rates. */
    record Row(Integer rank, boolean ranked, Opd opd, Double score, List<Score.Part> scoreParts, Figures figures,
               Double plainScore, Double scoreLow, Double scoreHigh, Double uncertainty, boolean fewComplaints) {

        Row withRank(Integer newRank) {
            return new Row(newRank, ranked, opd, score, scoreParts, figures, plainScore, scoreLow, scoreHigh, uncertainty,
                    fewComplaints);
        }
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
