package id.go.cilegon.juare.dashboard.ranking;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class MetricTest {

    static final Figures FIGURES = new Figures(40, 2, 35, 12_000.0, 40_000.0, 30, 38, 30 / 38.0, 20, 31, 20 / 31.0,
            25, 3, 3 / 25.0, 10, 4.2, 18, 5, 5 / 18.0, 12, 4);

    @Test
    void eachMetricListsAsManyComplaintsAsItsFigureSays() {
        assertThat(Metric.RECEIVED.count(FIGURES)).isEqualTo(40);
        assertThat(Metric.MISROUTED_AWAY.count(FIGURES)).isEqualTo(2);
        assertThat(Metric.REPLIED.count(FIGURES)).isEqualTo(35);
        assertThat(Metric.REPLY_ON_TIME.count(FIGURES)).isEqualTo(30);
        assertThat(Metric.REPLY_LATE.count(FIGURES)).isEqualTo(8);
        assertThat(Metric.FIX_ON_TIME.count(FIGURES)).isEqualTo(20);
        assertThat(Metric.FIX_LATE.count(FIGURES)).isEqualTo(11);
        assertThat(Metric.RESOLVED.count(FIGURES)).isEqualTo(25);
        assertThat(Metric.REOPENED.count(FIGURES)).isEqualTo(3);
        assertThat(Metric.RATED.count(FIGURES)).isEqualTo(10);
        assertThat(Metric.CLOSED.count(FIGURES)).isEqualTo(18);
        assertThat(Metric.AUTO_CLOSED.count(FIGURES)).isEqualTo(5);
        assertThat(Metric.OPEN_NOW.count(FIGURES)).isEqualTo(12);
        assertThat(Metric.OVERDUE_NOW.count(FIGURES)).isEqualTo(4);
    }

    @Test
    void theMetricsAreTheSchemas() {
        assertThat(Arrays.stream(Metric.values()).map(Enum::name)).containsExactly("RECEIVED", "MISROUTED_AWAY", "REPLIED",
                "REPLY_ON_TIME", "REPLY_LATE", "FIX_ON_TIME", "FIX_LATE", "RESOLVED", "REOPENED", "RATED", "CLOSED",
                "AUTO_CLOSED", "OPEN_NOW", "OVERDUE_NOW");
    }

    @Test
    void anAddressWithoutAUsableMetricGetsTheFallback() {
        assertThat(Metric.parse("OVERDUE_NOW", Metric.RECEIVED)).isEqualTo(Metric.OVERDUE_NOW);
        assertThat(Metric.parse(null, Metric.RECEIVED)).isEqualTo(Metric.RECEIVED);
        assertThat(Metric.parse("overdue", Metric.RECEIVED)).isEqualTo(Metric.RECEIVED);
    }
}
