package id.go.cilegon.juare.ranking.internal;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.cilegon.juare.agency.Opd;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 12, "fair small samples": the score accounts for sample size (rates shrunk towards the city's, ADR 0019), with
 * its uncertainty shown, and the worked example of docs/ranking.md. Without a database.
 */
class FairSmallSamplesTest {

    private static final RankingProperties DEFAULTS = new RankingProperties(null, null, null);
    private static final Definition SHRUNK = new Definition(2, Definition.Method.SHRUNK, 10, 30, Instant.EPOCH, "test");
    private static final Instant NOW = Instant.parse("2026-05-20T20:00:00Z");
    private static final Period MAY = Period.days(Period.Kind.MONTH, LocalDate.of(2026, 5, 1), LocalDate.of(2026, 5, 31));

    /** Every received complaint decided for reply and fix, resolved and closed; ratings all {@code rating}. */
    private static Figures figures(int received, int replyOnTime, int fixOnTime, int reopened, int rated, Double rating,
                                   int autoClosed) {
        return new Figures(received, 0, received, 3600.0, 7200.0, replyOnTime, received, fixOnTime, received, received,
                reopened, rated, rating, received, autoClosed, 0, 0);
    }

    /** The city: an 8-complaint OPD with slightly better plain rates than a 317-complaint one, and the rest. */
    private static Map<String, Figures> city() {
        Map<String, Figures> byOpd = new HashMap<>();
        byOpd.put("SMALL", figures(8, 8, 7, 0, 2, 5.0, 1));
        byOpd.put("BIG", figures(317, 280, 276, 20, 120, 4.4, 90));
        byOpd.put("MID", figures(210, 130, 120, 30, 60, 3.5, 100));
        byOpd.put("SLOW", figures(150, 70, 60, 25, 40, 3.0, 80));
        return byOpd;
    }

    private static final List<Opd> OPDS = List.of(opd("SMALL"), opd("BIG"), opd("MID"), opd("SLOW"));

    private static Ranking rank(Map<String, Figures> byOpd, Definition definition) {
        return new RankingService(null, null, DEFAULTS).rank(MAY, NOW, byOpd, OPDS, definition);
    }

    @Test
    void theEightComplaintOpdNoLongerSitsAboveTheOneWith317() {
        Ranking plain = rank(city(), Definition.PLAIN);
        // before: 8 complaints rank first, above 317 with similar rates (the finding)
        assertThat(plain.rowOf("SMALL").rank()).isLessThan(plain.rowOf("BIG").rank());
        Ranking shrunk = rank(city(), SHRUNK);
        print(shrunk);
        assertThat(shrunk.rowOf("BIG").rank()).isEqualTo(1);
        assertThat(shrunk.rowOf("SMALL").rank()).isGreaterThan(shrunk.rowOf("BIG").rank());
        // plain rates still shown, the small sample marked and its interval wide
        Ranking.Row small = shrunk.rowOf("SMALL");
        assertThat(small.plainScore()).isEqualTo(plain.rowOf("SMALL").score());
        assertThat(small.scoreParts().getFirst().plainValue()).isEqualTo(1.0);
        assertThat(small.fewComplaints()).isTrue();
        assertThat(shrunk.rowOf("BIG").fewComplaints()).isFalse();
        assertThat(small.uncertainty()).isGreaterThan(3 * shrunk.rowOf("BIG").uncertainty());
        assertThat(small.scoreLow()).isLessThan(small.score());
        assertThat(small.scoreHigh()).isGreaterThan(small.score());
        // a big OPD keeps (about) its own score
        assertThat(Math.abs(shrunk.rowOf("BIG").score() - plain.rowOf("BIG").score())).isLessThan(2.0);
    }

    @Test
    void oneMorePassedDeadlineMovesAScoreByLessThanItsShownUncertainty() {
        for (String opd : List.of("SMALL", "BIG")) {
            for (boolean reply : List.of(true, false)) {
                Map<String, Figures> before = city();
                Ranking.Row was = rank(before, SHRUNK).rowOf(opd);
                Map<String, Figures> after = new HashMap<>(before);
                after.put(opd, onePassedDeadline(before.get(opd), reply));
                Ranking.Row is = rank(after, SHRUNK).rowOf(opd);
                double move = Math.abs(is.score() - was.score());
                System.out.printf("FAIR %s one more %s deadline passed: %.1f -> %.1f (moved %.1f, shown ± %.1f); plain %.1f -> %.1f%n",
                        opd, reply ? "reply" : "fix", was.score(), is.score(), move, was.uncertainty(), was.plainScore(),
                        is.plainScore());
                assertThat(move).as(opd).isPositive().isLessThanOrEqualTo(was.uncertainty());
                assertThat(is.score()).isBetween(was.scoreLow(), was.scoreHigh());
            }
        }
    }

    @Test
    void theWorkedExampleOfTheDocs() {
        // docs/ranking.md: city reply rate 488 / 685 = 0.7124; 8 of 8 on time → (8 + 10 × 0.7124) / 18 = 0.8402
        Ranking shrunk = rank(city(), SHRUNK);
        Score.Part reply = shrunk.rowOf("SMALL").scoreParts().getFirst();
        assertThat(reply.value()).isCloseTo((8 + 10 * 488.0 / 685) / 18, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(shrunk.rowOf("SMALL").score()).isEqualTo(81.3);
        assertThat(shrunk.rowOf("BIG").score()).isEqualTo(86.8);
    }

    @Test
    void aPartAnOpdHasNothingOfIsLeftOutNotFilledWithTheCitysRate() {
        // five complaints, none answered or fixed in time, nothing resolved: no credit for "not reopened" or ratings
        Map<String, Figures> byOpd = city();
        byOpd.put("SMALL", new Figures(5, 0, 0, null, null, 0, 5, 0, 5, 0, 0, 0, null, 0, 0, 5, 5));
        Ranking ranking = rank(byOpd, SHRUNK);
        Ranking.Row idle = ranking.rowOf("SMALL");
        assertThat(idle.scoreParts()).extracting(Score.Part::value).satisfiesExactly(
                reply -> assertThat(reply).isLessThan(0.5), fix -> assertThat(fix).isLessThan(0.5),
                reopened -> assertThat(reopened).isNull(), rating -> assertThat(rating).isNull(),
                confirmed -> assertThat(confirmed).isNull());
        // below the slowest OPD that did some of its work
        assertThat(idle.rank()).isEqualTo(4);
        assertThat(idle.score()).isLessThan(ranking.rowOf("SLOW").score());
    }

    @Test
    void aPartThatAppearsOnASmallOpdMovesItsScoreByLessThanItsShownUncertainty() {
        // replies decided on 6 complaints, no fix clock out yet; then the first fix deadline passes
        Map<String, Figures> byOpd = city();
        byOpd.put("SMALL", new Figures(6, 0, 6, 3600.0, 3600.0, 6, 6, 0, 0, 0, 0, 0, null, 0, 0, 6, 0));
        Ranking.Row was = rank(byOpd, SHRUNK).rowOf("SMALL");
        byOpd.put("SMALL", new Figures(6, 0, 6, 3600.0, 3600.0, 6, 6, 0, 1, 0, 0, 0, null, 0, 0, 6, 1));
        Ranking.Row is = rank(byOpd, SHRUNK).rowOf("SMALL");
        System.out.printf("FAIR SMALL first fix deadline passed: %.1f -> %.1f (shown ± %.1f)%n", was.score(), is.score(),
                was.uncertainty());
        assertThat(Math.abs(is.score() - was.score())).isLessThanOrEqualTo(was.uncertainty());
    }

    @Test
    void aCityWithoutMeasurementsGivesNoScoreAndPlainPublishesNoInterval() {
        Ranking shrunk = rank(Map.of(), SHRUNK);
        assertThat(shrunk.rowOf("SMALL").score()).isNull();
        // an OPD with nothing measured of its own gets no score, not the city's rate
        Map<String, Figures> withIdle = city();
        withIdle.remove("SMALL");
        assertThat(rank(withIdle, SHRUNK).rowOf("SMALL").score()).isNull();
        Ranking.Row plain = rank(city(), Definition.PLAIN).rowOf("SMALL");
        assertThat(plain.scoreLow()).isNull();
        assertThat(plain.uncertainty()).isNull();
    }

    private static Figures onePassedDeadline(Figures f, boolean reply) {
        return reply
                ? new Figures(f.received() + 1, 0, f.replied(), f.medianReplySeconds(), f.p90ReplySeconds(), f.replyOnTime(),
                        f.replyDecided() + 1, f.fixOnTime(), f.fixDecided(), f.resolved(), f.reopened(), f.rated(), f.averageRating(),
                        f.closed(), f.autoClosed(), 0, 0)
                : new Figures(f.received() + 1, 0, f.replied(), f.medianReplySeconds(), f.p90ReplySeconds(), f.replyOnTime(),
                        f.replyDecided(), f.fixOnTime(), f.fixDecided() + 1, f.resolved(), f.reopened(), f.rated(), f.averageRating(),
                        f.closed(), f.autoClosed(), 0, 0);
    }

    private static void print(Ranking ranking) {
        for (Ranking.Row row : ranking.rows()) {
            System.out.printf("FAIR %s rank %s score %.1f (%.1f–%.1f ± %.1f) plain %.1f parts %s%n", row.opd().code(), row.rank(),
                    row.score(), row.scoreLow(), row.scoreHigh(), row.uncertainty(), row.plainScore(),
                    row.scoreParts().stream().map(p -> String.format("%.4f/%.4f", p.value(), p.plainValue())).toList());
        }
    }

    private static Opd opd(String code) {
        return new Opd(code, "OPD " + code, "dinas", true);
    }
}
