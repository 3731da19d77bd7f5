package id.go.cilegon.juare.ranking;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import reactor.core.publisher.Mono;

/**
 * The ranking of whole WIB days as it stood at an instant, for reports: only events before {@code asOf} count, so the
 * same data always gives the same standings, however long after the instant they are asked for. The open-work-now
 * figures of the live ranking are left out: they describe the present, not the instant.
 */
public interface RankingHistory {

    /** Every OPD with figures (and every active one) in ranking order: ranked ones best first, then the unranked. */
    Mono<List<OpdStanding>> standings(LocalDate firstDay, LocalDate lastDay, Instant asOf);
}
