package id.go.cilegon.juare.ranking.internal;

import id.go.cilegon.juare.agency.Opd;
import java.time.Instant;
import java.util.List;

/** GraphQL OpdScorecard: the OPD's row of the ranking; trend and complaints resolve on demand. */
record Scorecard(Opd opd, Period period, Integer rank, boolean ranked, Double score, List<Score.Part> scoreParts,
                 Figures figures, int minComplaints, Instant computedAt, Double plainScore, Double scoreLow,
                 Double scoreHigh, Double uncertainty, boolean fewComplaints, Definition definition) {

    static Scorecard of(Ranking ranking, Ranking.Row row) {
        return new Scorecard(row.opd(), ranking.period(), row.rank(), row.ranked(), row.score(), row.scoreParts(),
                row.figures(), ranking.minComplaints(), ranking.computedAt(), row.plainScore(), row.scoreLow(),
                row.scoreHigh(), row.uncertainty(), row.fewComplaints(), ranking.definition());
    }
}
