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
        return Mono.zip(repository.figures(period, now, null), catalog.opds(), repository.definitionAt(now))
                .map(t -> rank(period, now, t.getT1(), t.getT2(), t.getT3()));
    }

    /** The ranking as it stood at {@code asOf}, from the event log alone (no open-work-now figures). */
    Mono<Ranking> rankingAsOf(Period period, Instant asOf) {
        // the definition in force at the instant: a report made again later is ranked by the same rules
        return Mono.zip(repository.figuresAsOf(period, asOf, null), catalog.opds(), repository.definitionAt(asOf))
                .map(t -> rank(period, asOf, t.getT1(), t.getT2(), t.getT3()));
    }

    RankingProperties properties() {
        return properties;
    }

    Ranking rank(Period period, Instant now, Map<String, Figures> figures, List<Opd> opds, Definition definition) {
        Map<Score.Component, Double> weights = properties.weights().byComponent();
        Map<Score.Component, Score.Counts> city = Score.city(figures.values(), definition.unverifiedCredit());
        List<Ranking.Row> candidates = new ArrayList<>();
        for (Opd opd : opds) {
            Figures f = figures.getOrDefault(opd.code(), Figures.NONE);
            if (!opd.active() && f.equals(Figures.NONE)) {
                continue;
            }
            Score.Result result = Score.of(f, weights, definition, city);
            Double score = result.score();
            boolean ranked = f.received() >= properties.minComplaints() && score != null;
            candidates.add(new Ranking.Row(null, ranked, opd, score, result.parts(), f, result.plainScore(), result.low(),
                    result.high(), result.uncertainty(), f.received() < definition.fewComplaints()));
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
            rows.add(row.withRank(rank));
        }
        List<Score.Part> weightParts = weights.entrySet().stream()
                .map(e -> new Score.Part(e.getKey(), e.getValue(), null))
                .toList();
        return new Ranking(period, properties.minComplaints(), weightParts, rows, now, definition);
    }

    /** Ranked first, best score first; then by complaints received; then by code, so the order is stable. */
    private static final Comparator<Ranking.Row> ORDER = Comparator
            .comparing((Ranking.Row row) -> !row.ranked())
            .thenComparing(row -> row.ranked() ? -row.score() : 0.0)
            .thenComparing(row -> -row.figures().received())
            .thenComparing(row -> row.opd().code());
}
