package id.go.cilegon.juare.ranking.internal;

import id.go.cilegon.juare.agency.Opd;
import java.time.Instant;
import java.util.List;

/** GraphQL OpdScorecard: the OPD's row of the ranking; trend and complaints resolve on demand. */
record Scorecard(Opd opd, Period period, Integer rank, boolean ranked, Double score, List<Score.Part> scoreParts,
                 Figures figures, int minComplaints, Instant computedAt) {

    static Scorecard of(Ranking ranking, Ranking.Row row) {
        return new Scorecard(row.opd(), ranking.period(), row.rank(), row.ranked(), row.score(), row.scoreParts(),
                row.figures(), ranking.minComplaints(), ranking.computedAt());
    }
}
