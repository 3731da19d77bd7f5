package id.go.cilegon.juare.report.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** The ranking of a period as of a moment, through the ranking module's public API. */
@Component
class Standings {

    /** One OPD's place, in ranking order. */
    record Standing(String opdCode, String opdName, Integer rank, boolean ranked, Double score) {
    }

    Mono<List<Standing>> of(LocalDate firstDay, LocalDate lastDay, Instant asOf) {
        // until the ranking's history API is there: no ranking (every OPD unranked)
        return Mono.just(List.of());
    }
}
