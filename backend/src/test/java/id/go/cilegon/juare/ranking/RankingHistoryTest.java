package id.go.cilegon.juare.ranking;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.cilegon.juare.overview.Seed;
import id.go.cilegon.juare.platform.PersonalDataCipher;
import id.go.cilegon.juare.support.IntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The ranking as of an instant (the daily report's cut-off) counts only what had happened by then: events after it
 * change the ranking of later instants, never that of the cut-off. A day in June 2019 that no other test uses.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RankingHistoryTest extends IntegrationTest {

    private static final LocalDate DAY = LocalDate.parse("2019-06-10");
    /** 09:00 WIB on the day. */
    private static final Instant T0 = Instant.parse("2019-06-10T02:00:00Z");
    /** 00:00 WIB the day after. */
    private static final Instant CUT_OFF = Instant.parse("2019-06-10T17:00:00Z");
    private static final String REAL = "Tim kami akan meninjau lokasi besok pagi.";
    private static final String OPD = "DPUPR";

    @Autowired PersonalDataCipher cipher;
    @Autowired RankingHistory history;

    private static Instant h(double hours) {
        return T0.plus(Duration.ofMinutes(Math.round(hours * 60)));
    }

    @BeforeAll
    void writeHistory() {
        History stories = new History(Seed.with(db, cipher));
        // three replied within 2 h: on time at the cut-off and ever after
        for (int i = 0; i < 3; i++) {
            stories.story(h(-1), "CLOSED", OPD).row(h(24), h(72), h(2))
                    .dispatched(OPD, T0).replied(h(2), REAL);
        }
        // replied after 30 h: after the cut-off, when its 24 h clock was still running (undecided then, late later)
        stories.story(h(-1), "CLOSED", OPD).row(h(24), h(72), h(30))
                .dispatched(OPD, T0).replied(h(30), REAL);
        // resolved after 3 h (on time at the cut-off), disputed after 40 h (the credit is withdrawn later)
        stories.story(h(-1), "CLOSED", OPD).row(h(24), h(72), h(3))
                .dispatched(OPD, T0).resolved(h(3), "Sudah diperbaiki oleh tim kami hari ini.").disputed(h(40));
    }

    private OpdStanding standing(Instant asOf) {
        List<OpdStanding> standings = history.standings(DAY, DAY, asOf).block();
        assertThat(standings).isNotNull();
        return standings.stream()
                .filter(s -> s.opdCode().equals(OPD))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void atTheCutOffOnlyWhatHadHappenedByThenCounts() {
        OpdStanding atCutOff = standing(CUT_OFF);
        assertThat(atCutOff.received()).isEqualTo(5);
        // four real first replies on time; the fifth's clock still ran
        assertThat(atCutOff.replyOnTimeShare()).isEqualTo(1.0);
        // one standing fix, on time; the others' fix clocks still ran
        assertThat(atCutOff.fixOnTimeShare()).isEqualTo(1.0);
        assertThat(atCutOff.ranked()).isTrue();
        assertThat(atCutOff.rank()).isNotNull();
        assertThat(atCutOff.score()).isEqualTo(100.0);
        assertThat(atCutOff.opdName()).isNotBlank();
    }

    @Test
    void laterInstantsSeeLaterEventsAndTheCutOffStaysTheSame() {
        OpdStanding later = standing(Instant.parse("2019-06-30T00:00:00Z"));
        assertThat(later.received()).isEqualTo(5);
        assertThat(later.replyOnTimeShare()).isEqualTo(4 / 5.0);
        // the dispute withdrew the only fix; nobody fixed the others within 72 h
        assertThat(later.fixOnTimeShare()).isEqualTo(0.0);
        assertThat(standing(CUT_OFF)).isEqualTo(standing(CUT_OFF));
        assertThat(standing(CUT_OFF).replyOnTimeShare()).isEqualTo(1.0);
    }
}
