package id.go.cilegon.juare.ranking.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.go.cilegon.juare.agency.Opd;
import id.go.cilegon.juare.platform.ApiException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The score, positions and periods without a database. */
class ScoreAndPeriodTest {

    private static final RankingProperties DEFAULTS = new RankingProperties(null, null, null);
    private static final Instant NOW = Instant.parse("2026-05-20T20:00:00Z"); // 21 May, 03:00 WIB

    /** received, replied on time of decided, fixed on time of decided, reopened of resolved, ratings, auto-closed of closed. */
    private static Figures figures(int received, int replyOnTime, int replyDecided, int fixOnTime, int fixDecided, int reopened,
                                   int resolved, Double rating, int autoClosed, int closed) {
        return new Figures(received, 0, received, 1.0, 2.0, replyOnTime, replyDecided, fixOnTime, fixDecided, resolved, reopened,
                rating == null ? 0 : 1, rating, closed, autoClosed, 0, 0);
    }

    @Test
    void theScoreWeighsEachPartAndLeavesOutWhatCannotBeMeasured() {
        Figures all = figures(10, 8, 10, 5, 10, 1, 5, 4.0, 1, 4);
        List<Score.Part> parts = Score.parts(all, DEFAULTS.weights().byComponent());
        // 30 × 0.8 + 35 × 0.5 + 15 × 0.8 + 15 × 0.75 + 5 × 0.75 = 68.5
        assertThat(Score.of(parts)).isEqualTo(68.5);

        // no resolutions, ratings or closures yet: reply and fix shares alone, in proportion 30 : 35
        Figures early = figures(10, 10, 10, 0, 2, 0, 0, null, 0, 0);
        assertThat(Score.of(Score.parts(early, DEFAULTS.weights().byComponent()))).isEqualTo(Math.round(1000.0 * 30 / 65) / 10.0);
        assertThat(Score.of(Score.parts(Figures.NONE, DEFAULTS.weights().byComponent()))).isNull();
    }

    @Test
    void equalScoresShareAPositionAndSmallOpdsAreListedButNotRanked() {
        RankingService service = new RankingService(null, null, DEFAULTS);
        Map<String, Figures> byOpd = Map.of(
                "A", figures(10, 10, 10, 10, 10, 0, 10, 5.0, 0, 10),
                "B", figures(6, 5, 10, 5, 10, 0, 10, 3.0, 0, 10),
                "C", figures(7, 5, 10, 5, 10, 0, 10, 3.0, 0, 10),
                "D", figures(4, 10, 10, 10, 10, 0, 10, 5.0, 0, 10),
                "E", figures(9, 0, 10, 0, 10, 10, 10, 1.0, 10, 10));
        List<Opd> opds = List.of(opd("A", true), opd("B", true), opd("C", true), opd("D", true), opd("E", true),
                opd("IDLE", true), opd("GONE", false));
        Ranking ranking = service.rank(Period.days(Period.Kind.RANGE, LocalDate.of(2026, 5, 1), LocalDate.of(2026, 5, 1)), NOW,
                byOpd, opds, Definition.PLAIN);
        assertThat(ranking.rows()).extracting(row -> row.opd().code()).containsExactly("A", "C", "B", "E", "D", "IDLE");
        assertThat(ranking.rows()).extracting(Ranking.Row::rank).containsExactly(1, 2, 2, 4, null, null);
        assertThat(ranking.rowOf("D").ranked()).isFalse();
        assertThat(ranking.rowOf("D").score()).isEqualTo(100.0);
        assertThat(ranking.rowOf("E").score()).isEqualTo(0.0);
        assertThat(ranking.rowOf("GONE")).isNull();
    }

    private static Opd opd(String code, boolean active) {
        return new Opd(code, "OPD " + code, "dinas", active);
    }

    @Test
    void periodsAreWholeWibDays() {
        Period today = Period.of(new Period.Input(Period.Kind.TODAY, null, null, null), NOW);
        assertThat(today.firstDay()).isEqualTo(LocalDate.of(2026, 5, 21));
        assertThat(today.start()).isEqualTo(Instant.parse("2026-05-20T17:00:00Z"));
        assertThat(Duration.between(today.start(), today.end())).isEqualTo(Duration.ofDays(1));
        Period week = Period.of(new Period.Input(Period.Kind.LAST_7_DAYS, null, null, null), NOW);
        assertThat(week.firstDay()).isEqualTo(LocalDate.of(2026, 5, 15));
        assertThat(week.end()).isEqualTo(today.end());
        Period month = Period.of(new Period.Input(Period.Kind.LAST_30_DAYS, null, null, null), NOW);
        assertThat(month.firstDay()).isEqualTo(LocalDate.of(2026, 4, 22));
        Period february = Period.of(new Period.Input(Period.Kind.MONTH, "2024-02", null, null), NOW);
        assertThat(february.lastDay()).isEqualTo(LocalDate.of(2024, 2, 29));
        assertThatThrownBy(() -> Period.of(new Period.Input(Period.Kind.RANGE, "2026-05-01", null, null), NOW))
                .isInstanceOf(ApiException.class).hasMessage("ranking.period.range-required");
        assertThatThrownBy(() -> Period.of(null, NOW)).isInstanceOf(ApiException.class);
    }

    @Test
    void weightsMustMakeSense() {
        assertThatThrownBy(() -> new RankingProperties.Weights(-1.0, null, null, null, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RankingProperties.Weights(0.0, 0.0, 0.0, 0.0, 0.0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RankingProperties(0, null, null)).isInstanceOf(IllegalArgumentException.class);
    }
}
