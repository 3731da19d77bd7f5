package id.go.cilegon.juare.ranking.internal;

import id.go.cilegon.juare.agency.AgencyCatalog;
import id.go.cilegon.juare.agency.Opd;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** Puts figures, scores and positions together: active OPDs always appear, inactive ones when they have figures. */
@Service
class RankingService {

    private final RankingRepository repository;
    private final AgencyCatalog catalog;
    private final RankingProperties properties;

    RankingService(RankingRepository repository, AgencyCatalog catalog, RankingProperties properties) {
        this.repository = repository;
        this.catalog = catalog;
        this.properties = properties;
    }

    Mono<Ranking> ranking(Period period, Instant now) {
        return Mono.zip(repository.figures(period, now, null), catalog.opds())
                .map(t -> rank(period, now, t.getT1(), t.getT2()));
    }

    /** The ranking as it stood at {@code asOf}, from the event log alone (no open-work-now figures). */
    Mono<Ranking> rankingAsOf(Period period, Instant asOf) {
        return Mono.zip(repository.figuresAsOf(period, asOf, null), catalog.opds())
                .map(t -> rank(period, asOf, t.getT1(), t.getT2()));
    }

    RankingProperties properties() {
        return properties;
    }

    Ranking rank(Period period, Instant now, Map<String, Figures> figures, List<Opd> opds) {
        Map<Score.Component, Double> weights = properties.weights().byComponent();
        List<Ranking.Row> candidates = new ArrayList<>();
        for (Opd opd : opds) {
            Figures f = figures.getOrDefault(opd.code(), Figures.NONE);
            if (!opd.active() && f.equals(Figures.NONE)) {
                continue;
            }
            List<Score.Part> parts = Score.parts(f, weights);
            Double score = Score.of(parts);
            boolean ranked = f.received() >= properties.minComplaints() && score != null;
            candidates.add(new Ranking.Row(null, ranked, opd, score, parts, f));
        }
        candidates.sort(ORDER);
        List<Ranking.Row> rows = new ArrayList<>();
        Integer lastRank = null;
        Double lastScore = null;
        for (int i = 0; i < candidates.size(); i++) {
            Ranking.Row row = candidates.get(i);
            Integer rank = null;
            if (row.ranked()) {
                // equal scores share a position: 1, 2, 2, 4
                rank = row.score().equals(lastScore) ? lastRank : Integer.valueOf(i + 1);
                lastRank = rank;
                lastScore = row.score();
            }
            rows.add(new Ranking.Row(rank, row.ranked(), row.opd(), row.score(), row.scoreParts(), row.figures()));
        }
        List<Score.Part> weightParts = weights.entrySet().stream()
                .map(e -> new Score.Part(e.getKey(), e.getValue(), null))
                .toList();
        return new Ranking(period, properties.minComplaints(), weightParts, rows, now);
    }

    /** Ranked first, best score first; then by complaints received; then by code, so the order is stable. */
    private static final Comparator<Ranking.Row> ORDER = Comparator
            .comparing((Ranking.Row row) -> !row.ranked())
            .thenComparing(row -> row.ranked() ? -row.score() : 0.0)
            .thenComparing(row -> -row.figures().received())
            .thenComparing(row -> row.opd().code());
}
