package id.go.cilegon.juare.ranking.internal;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.cilegon.juare.agency.Opd;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 12, "verified fixes" (ADR 0021): an on-time fix that closed by itself and no operator verified counts only the
 * definition's unverified credit towards fix-on-time; definitions 1 and 2 (credit 1) score as before. Without a database.
 */
class UnverifiedCreditTest {

    private static final RankingProperties DEFAULTS = new RankingProperties(null, null, null);
    private static final Definition V2 = new Definition(2, Definition.Method.SHRUNK, 10, 30, Instant.EPOCH, "v2");
    private static final Definition V3 = new Definition(3, Definition.Method.SHRUNK, 10, 30, Instant.EPOCH, "v3", 0.5);
    private static final Definition PLAIN_HALF = new Definition(9, Definition.Method.PLAIN, 0, 0, Instant.EPOCH, "plain", 0.5);
    private static final Period MAY = Period.days(Period.Kind.MONTH, LocalDate.of(2026, 5, 1), LocalDate.of(2026, 5, 31));

    /** 10 received, replied on time, resolved on time, closed; {@code autoClosed} of them by themselves, {@code verified} of those checked. */
    private static Figures figures(int autoClosed, int verified) {
        int unverified = autoClosed - verified;
        return new Figures(10, 0, 10, 3600.0, 3600.0, 10, 10, 10, 10, 10, 0, 10 - autoClosed, 4.0, 10, autoClosed, 0, 0,
                unverified, verified);
    }

    @Test
    void fixOnTimeGivesUnverifiedAutoClosuresTheCredit() {
        Figures f = figures(6, 2);  // 4 unverified on-time fixes
        // 10 on time - (1 - 0.5) x 4 = 8 of 10
        assertThat(Score.value(Score.Component.FIX_ON_TIME, f, 0.5)).isEqualTo(0.8);
        assertThat(Score.value(Score.Component.FIX_ON_TIME, f, 1.0)).isEqualTo(1.0);
        assertThat(Score.counts(Score.Component.FIX_ON_TIME, f, 0.5)).isEqualTo(new Score.Counts(8, 10));
        // the plain figure is still what happened
        assertThat(f.fixOnTimeShare()).isEqualTo(1.0);
        assertThat(f.autoClosedUnverified()).isEqualTo(4);
    }

    @Test
    void plainScoreWithTheCredit() {
        Map<Score.Component, Double> weights = DEFAULTS.weights().byComponent();
        Figures f = figures(6, 2);
        Score.Result full = Score.of(f, weights, Definition.PLAIN, Score.city(List.of(f)));
        Score.Result half = Score.of(f, weights, PLAIN_HALF, Score.city(List.of(f), 0.5));
        // the fix part is 35 of 100 weight: 35 x (1 - 0.8) = 7 points less
        assertThat(full.score() - half.score()).isCloseTo(7.0, org.assertj.core.data.Offset.offset(0.05));
    }

    @Test
    void verifiedAndConfirmedFixesScoreAboveUnverifiedOnesUnderVersion3Only() {
        Map<String, Figures> byOpd = Map.of("HONEST", figures(0, 0), "VERIFIED", figures(6, 6), "IDLE", figures(6, 0));
        List<Opd> opds = List.of(opd("HONEST"), opd("VERIFIED"), opd("IDLE"));
        RankingService service = new RankingService(null, null, DEFAULTS);
        Ranking before = service.rank(MAY, Instant.EPOCH, byOpd, opds, V2);
        Ranking after = service.rank(MAY, Instant.EPOCH, byOpd, opds, V3);
        // version 2: the unverified auto-closures' fix part is as good as the others'
        assertThat(part(before, "IDLE")).isEqualTo(part(before, "VERIFIED"));
        // version 3: less, and the score with it
        assertThat(part(after, "IDLE")).isLessThan(part(after, "VERIFIED"));
        assertThat(after.rowOf("IDLE").score()).isLessThan(after.rowOf("VERIFIED").score());
        assertThat(after.rowOf("IDLE").score()).isLessThan(before.rowOf("IDLE").score());
        assertThat(after.rowOf("VERIFIED").score()).isLessThanOrEqualTo(after.rowOf("HONEST").score());
        System.out.println("HOSTILE unverified-credit v2 idle=" + before.rowOf("IDLE").score() + " v3 idle=" + after.rowOf("IDLE").score()
                + " v3 verified=" + after.rowOf("VERIFIED").score() + " v3 honest=" + after.rowOf("HONEST").score());
    }

    private static Double part(Ranking ranking, String opd) {
        return ranking.rowOf(opd).scoreParts().stream()
                .filter(p -> p.component() == Score.Component.FIX_ON_TIME).findFirst().orElseThrow().value();
    }

    private static Opd opd(String code) {
        return new Opd(code, "OPD " + code, "dinas", true);
    }
}
