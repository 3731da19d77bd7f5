package id.go.cilegon.juare.demo;

import java.time.Instant;
import java.time.LocalDate;
import reactor.core.publisher.Mono;

/**
 * Plays out days of complaints in the city and writes them with their event log: complaints per day spread over the
 * kecamatan by population and over categories by how often they come in, OPDs with their own habits (fast, slow, one
 * that games the reply clock and resolves before fixing), residents who confirm, dispute or stay silent. Each
 * transition follows the lifecycle's rules and writes what LifecycleService writes. The same seed gives the same history.
 */
public interface ComplaintSimulator {

    /**
     * Complaints filed on {@code days} WIB days from {@code firstDay}, about {@code perDay} a day, lived through until
     * {@code until} (what would happen later has not happened yet: open complaints stay open).
     */
    Mono<Simulation> simulate(long seed, LocalDate firstDay, int days, int perDay, Instant until);

    /** What a run wrote; tracking numbers start with {@code prefix}. */
    record Simulation(int complaints, int events, String prefix) {
    }
}
