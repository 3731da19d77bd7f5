package id.go.cilegon.juare.demo.internal;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.cilegon.juare.agency.AgencyCatalog;
import id.go.cilegon.juare.event.EventType;
import id.go.cilegon.juare.geo.CityMap;
import id.go.cilegon.juare.geo.GeoIndex;
import id.go.cilegon.juare.support.IntegrationTest;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The simulator's plan, without writing it: deterministic for a seed, and the habits show. */
class MonthSimulationTest extends IntegrationTest {

    @Autowired AgencyCatalog catalog;
    @Autowired CityMap cityMap;

    private MonthSimulation.Plan plan(long seed) {
        AgencyCatalog.Catalog snapshot = catalog.snapshot().block();
        GeoIndex geo = cityMap.index().block();
        return new MonthSimulation(seed, LocalDate.of(2018, 3, 1), 31, 30, Instant.parse("2018-04-20T00:00:00Z"), snapshot, geo).plan();
    }

    @Test
    void theSameSeedGivesTheSameMonthAndHabitsShow() {
        MonthSimulation.Plan first = plan(42);
        MonthSimulation.Plan again = plan(42);
        assertThat(again.eventsInOrder()).isEqualTo(first.eventsInOrder());
        assertThat(plan(43).eventsInOrder()).isNotEqualTo(first.eventsInOrder());

        // more people, more complaints: Citangkil (76) has more than Grogol (43)
        Map<String, Long> byKecamatan = first.complaints().stream()
                .collect(Collectors.groupingBy(c -> c.kecamatanCode, Collectors.counting()));
        assertThat(byKecamatan.get("36.72.08")).isGreaterThan(byKecamatan.get("36.72.06"));
        // misroutes come back through the operators; every resolution has an after-photo; replies are real answers
        var events = first.eventsInOrder();
        assertThat(events).anyMatch(e -> e.event().type() == EventType.REROUTED && Boolean.TRUE.equals(e.event().payload().get("misrouted")));
        assertThat(events).filteredOn(e -> e.event().type() == EventType.RESOLVED)
                .allMatch(e -> Integer.valueOf(1).equals(e.event().payload().get("afterPhotos")));
        assertThat(events).filteredOn(e -> e.event().type() == EventType.REPLIED)
                .allMatch(e -> ((String) e.event().payload().get("message")).codePoints().filter(Character::isLetterOrDigit).count() >= 15);
        // only residents confirm and dispute
        assertThat(events).filteredOn(e -> e.event().type() == EventType.CONFIRMED || e.event().type() == EventType.DISPUTED)
                .allMatch(e -> e.event().actorType() == id.go.cilegon.juare.event.ActorType.RESIDENT);
        // DLH "resolves" fast and is disputed far more often than DPUPR
        Map<String, Long> disputes = events.stream().filter(e -> e.event().type() == EventType.DISPUTED)
                .collect(Collectors.groupingBy(e -> e.event().opdCode(), Collectors.counting()));
        Map<String, Long> resolutions = events.stream().filter(e -> e.event().type() == EventType.RESOLVED)
                .collect(Collectors.groupingBy(e -> e.event().opdCode(), Collectors.counting()));
        double dlh = (double) disputes.getOrDefault("DLH", 0L) / resolutions.get("DLH");
        double dpupr = (double) disputes.getOrDefault("DPUPR", 0L) / resolutions.get("DPUPR");
        assertThat(dlh).isGreaterThan(2 * dpupr);
        assertThat(first.complaints()).extracting(c -> c.trackingNumber).doesNotHaveDuplicates();
        assertThat(first.prefix()).startsWith("SIM");
    }
}
