package id.go.cilegon.juare.ranking.internal;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.cilegon.juare.overview.Seed;
import id.go.cilegon.juare.platform.PersonalDataCipher;
import id.go.cilegon.juare.support.IntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Many subscribers of one period (a wall of screens) cost one ranking computation per change, not one each: counted
 * by LiveRanking itself. A range in March 2017 that no other test writes to.
 */
class LiveRankingSharingTest extends IntegrationTest {

    private static final int SUBSCRIBERS = 25;
    private static final Period.Input MARCH_2017 = new Period.Input(Period.Kind.RANGE, null, "2017-03-01", "2017-03-31");

    @Autowired LiveRanking live;
    @Autowired PersonalDataCipher cipher;

    private static int received(Ranking ranking, String opd) {
        return ranking.rows().stream()
                .filter(row -> row.opd().code().equals(opd))
                .mapToInt(row -> row.figures().received())
                .findFirst()
                .orElse(0);
    }

    @Test
    void subscribersOfOnePeriodShareOneComputationPerChange() throws Exception {
        long before = live.computations();
        CountDownLatch firstSeen = new CountDownLatch(SUBSCRIBERS);
        // each subscriber waits for the ranking now and the one after the change below
        Mono<List<List<Ranking>>> all = Flux.range(0, SUBSCRIBERS)
                .flatMap(i -> live.rankings(MARCH_2017)
                        .doOnNext(ranking -> firstSeen.countDown())
                        .take(2)
                        .collectList())
                .collectList();
        var result = all.toFuture();
        assertThat(firstSeen.await(20, TimeUnit.SECONDS)).isTrue();
        assertThat(live.computations() - before).as("computations for the first ranking").isEqualTo(1);

        // one dispatch in the period moves DINSOS's figures
        Seed seed = Seed.with(db, cipher);
        Instant at = Instant.parse("2017-03-15T03:00:00Z");
        Seed.ComplaintSpec complaint = seed.complaint().filedAt(at).status("DISPATCHED").opd("DINSOS").insert();
        seed.event(complaint, "DISPATCHED", at);

        List<List<Ranking>> seen = result.get(20, TimeUnit.SECONDS);
        assertThat(seen).hasSize(SUBSCRIBERS).allSatisfy(rankings -> {
            assertThat(rankings).hasSize(2);
            assertThat(received(rankings.get(1), "DINSOS")).isEqualTo(received(rankings.get(0), "DINSOS") + 1);
        });
        assertThat(live.computations() - before).as("computations for both rankings").isEqualTo(2);
    }

    @Test
    void aNewSubscriberAfterTheLastLeftGetsAFreshRanking() {
        Period.Input input = new Period.Input(Period.Kind.RANGE, null, "2017-04-01", "2017-04-02");
        long before = live.computations();
        live.rankings(input).blockFirst(Duration.ofSeconds(20));
        live.rankings(input).blockFirst(Duration.ofSeconds(20));
        // nobody was left subscribed in between: computed again rather than replaying a stale one
        assertThat(live.computations() - before).isEqualTo(2);
    }
}
