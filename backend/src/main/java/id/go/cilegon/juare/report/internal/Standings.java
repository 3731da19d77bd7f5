package id.go.cilegon.juare.report.internal;

import id.go.cilegon.juare.ranking.OpdStanding;
import id.go.cilegon.juare.ranking.RankingHistory;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** The ranking of a period as of a moment, through the ranking module's public API (deterministic as of the moment). */
@Component
class Standings {

    /** One OPD's place, in ranking order. */
    record Standing(String opdCode, String opdName, Integer rank, boolean ranked, Double score, Double scoreLow,
                    Double scoreHigh, boolean fewComplaints) {
    }

    private final RankingHistory history;

    Standings(RankingHistory history) {
        this.history = history;
    }

    Mono<List<Standing>> of(LocalDate firstDay, LocalDate lastDay, Instant asOf) {
        return history.standings(firstDay, lastDay, asOf)
                .map(standings -> standings.stream()
                        .map(Standings::of)
                        .toList());
    }

    private static Standing of(OpdStanding s) {
        return new Standing(s.opdCode(), s.opdName(), s.rank(), s.ranked(), s.score(), s.scoreLow(), s.scoreHigh(),
                s.fewComplaints());
    }
}
