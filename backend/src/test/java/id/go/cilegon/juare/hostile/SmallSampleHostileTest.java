package id.go.cilegon.juare.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.cilegon.juare.overview.Seed;
import id.go.cilegon.juare.platform.PersonalDataCipher;
import id.go.cilegon.juare.ranking.OpdStanding;
import id.go.cilegon.juare.ranking.RankingHistory;
import id.go.cilegon.juare.report.Timeline;
import id.go.cilegon.juare.support.IntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 12, "fair small samples", tried from the event log: an OPD that keeps its sample small (8 complaints, all
 * perfect) no longer ranks above one with 120 and similar plain rates, and one more passed deadline moves a small
 * OPD's and a large OPD's score by no more than the uncertainty shown beside it. May 1967 (WIB) is a month no other
 * test writes; the SHRUNK definition is a test row in force for that month only (removed afterwards).
 */
@Tag("hostile")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SmallSampleHostileTest extends IntegrationTest {

    static final ZoneId WIB = ZoneId.of("Asia/Jakarta");
    static final LocalDate FIRST = LocalDate.of(1967, 5, 1);
    static final LocalDate LAST = LocalDate.of(1967, 5, 31);
    static final String SMALL = "DINSOS";
    static final String BIG = "DPUPR";
    static final String OTHER = "DLH";
    /** The moment the last two complaints arrive; their reply deadlines pass 24 h later. */
    static final Instant LATE = LocalDate.of(1967, 5, 20).atStartOfDay(WIB).toInstant();

    @Autowired PersonalDataCipher cipher;
    @Autowired RankingHistory history;

    private static Instant day(int dayOfMonth, double hours) {
        return FIRST.withDayOfMonth(dayOfMonth).atStartOfDay(WIB).toInstant().plus(Duration.ofMinutes(Math.round(hours * 60)));
    }

    @BeforeAll
    void writeHistory() {
        db.sql("""
                INSERT INTO ranking_definition (version, method, prior_strength, few_complaints, effective_from, description)
                VALUES (9101, 'SHRUNK', 10, 30, '1967-04-01T00:00:00Z', 'test'), (9102, 'PLAIN', 0, 0, '1967-07-01T00:00:00Z', 'test')
                """).then().block();
        Timeline timeline = new Timeline(db, Seed.with(db, cipher));
        // the small OPD: 8 complaints, every one answered within an hour and fixed within a day
        for (int i = 0; i < 8; i++) {
            timeline.filed(day(1 + i, 0)).dispatched(SMALL, day(1 + i, 1)).replied(day(1 + i, 2)).resolved(day(1 + i, 20));
        }
        // the big OPD: 120 complaints, 108 answered in time (90 %), 105 fixed in time
        for (int i = 0; i < 120; i++) {
            int d = 1 + i % 15;
            Timeline.Complaint c = timeline.filed(day(d, 0)).dispatched(BIG, day(d, 1));
            c = i < 108 ? c.replied(day(d, 3)) : c.replied(day(d, 30));
            if (i < 105) {
                c.resolved(day(d, 40));
            } else {
                c.resolved(day(d, 100));
            }
        }
        // the rest of the city: 80 complaints, half in time
        for (int i = 0; i < 80; i++) {
            int d = 1 + i % 15;
            Timeline.Complaint c = timeline.filed(day(d, 0)).dispatched(OTHER, day(d, 1));
            (i % 2 == 0 ? c.replied(day(d, 5)) : c.replied(day(d, 40))).resolved(i % 2 == 0 ? day(d, 50) : day(d, 90));
        }
        // one more complaint each, never answered: its reply deadline passes at LATE + 24 h
        timeline.filed(LATE).dispatched(SMALL, LATE);
        timeline.filed(LATE).dispatched(BIG, LATE);
    }

    @AfterAll
    void removeTestDefinitions() {
        db.sql("DELETE FROM ranking_definition WHERE version IN (9101, 9102)").then().block();
    }

    private OpdStanding standing(Instant asOf, String opd) {
        return history.standings(FIRST, LAST, asOf).block().stream()
                .filter(s -> s.opdCode().equals(opd)).findFirst().orElseThrow();
    }

    @Test
    void aSmallPerfectSampleNoLongerOutranksALargeGoodOne() {
        // before the last two reply deadlines pass: the small OPD's plain rates are all 100 %
        Instant asOf = LATE.plus(Duration.ofHours(23));
        OpdStanding small = standing(asOf, SMALL);
        OpdStanding big = standing(asOf, BIG);
        System.out.printf("HOSTILE small-sample: %s (%d complaints, reply on time %.0f %%) score %.1f (%.1f–%.1f) rank %d;"
                        + " %s (%d, %.0f %%) score %.1f (%.1f–%.1f) rank %d%n", SMALL, small.received(), 100 * small.replyOnTimeShare(),
                small.score(), small.scoreLow(), small.scoreHigh(), small.rank(), BIG, big.received(), 100 * big.replyOnTimeShare(),
                big.score(), big.scoreLow(), big.scoreHigh(), big.rank());
        assertThat(small.definitionVersion()).isEqualTo(9101);
        assertThat(small.replyOnTimeShare()).isGreaterThan(big.replyOnTimeShare());
        assertThat(small.rank()).isGreaterThan(big.rank());
        assertThat(small.fewComplaints()).isTrue();
        assertThat(big.fewComplaints()).isFalse();
    }

    @Test
    void oneMorePassedDeadlineMovesAScoreByNoMoreThanItsShownUncertainty() {
        Instant before = LATE.plus(Duration.ofHours(23));
        Instant after = LATE.plus(Duration.ofHours(25));
        for (String opd : new String[] {SMALL, BIG}) {
            OpdStanding was = standing(before, opd);
            OpdStanding is = standing(after, opd);
            double move = Math.abs(is.score() - was.score());
            double uncertainty = (was.scoreHigh() - was.scoreLow()) / 2;
            System.out.printf("HOSTILE small-sample: one more passed reply deadline on %s (%d complaints): %.1f -> %.1f,"
                    + " moved %.1f, shown ± %.1f%n", opd, was.received(), was.score(), is.score(), move, uncertainty);
            assertThat(move).as(opd).isPositive().isLessThanOrEqualTo(uncertainty + 0.1);
            assertThat(is.score()).as(opd).isBetween(was.scoreLow(), was.scoreHigh());
        }
    }
}
