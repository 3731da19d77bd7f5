package id.go.cilegon.juare.ranking.internal;

import id.go.cilegon.juare.ranking.OpdStanding;
import id.go.cilegon.juare.ranking.RankingHistory;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

@Service
class RankingHistoryService implements RankingHistory {

    private final RankingService service;

    RankingHistoryService(RankingService service) {
        this.service = service;
    }

    @Override
    public Mono<List<OpdStanding>> standings(LocalDate firstDay, LocalDate lastDay, Instant asOf) {
        Period period = Period.days(Period.Kind.RANGE, firstDay, lastDay);
        return service.rankingAsOf(period, asOf)
                .map(RankingHistoryService::standings);
    }

    private static List<OpdStanding> standings(Ranking ranking) {
        return ranking.rows().stream()
                .map(row -> standing(row, ranking.definition().version()))
                .toList();
    }

    private static OpdStanding standing(Ranking.Row row, int definitionVersion) {
        Figures f = row.figures();
        return new OpdStanding(row.opd().code(), row.opd().name(), row.rank(), row.ranked(), row.score(), f.received(),
                f.medianReplySeconds(), f.replyOnTimeShare(), f.fixOnTimeShare(), row.scoreLow(), row.scoreHigh(),
                row.fewComplaints(), definitionVersion);
    }
}
