package id.go.cilegon.juare.dashboard.ranking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrendChartTest {

    private static final List<String> DAYS = List.of("1/5", "2/5", "3/5", "4/5", "5/5");

    @Test
    void aLineThroughTheValuesWithAGapWhereADayHasNone() {
        TrendChart.Series series = new TrendChart.Series("Median", "red", Arrays.asList(1.0, 2.0, null, 4.0, 3.0));
        String svg = TrendChart.svg("Trend", DAYS, List.of(series), 4, v -> v + " j");
        // two pieces of line: days 1–2 and 4–5; a dot on each of the four values
        assertThat(count(svg, "<polyline")).isEqualTo(2);
        assertThat(count(svg, "<circle")).isEqualTo(4);
        assertThat(svg).contains("<title>4/5: 4.0 j</title>");
        // the top value at the top of the plot, the x in the middle of its day
        double x = TrendChart.x(3, 5, TrendChart.WIDTH - TrendChart.LEFT - TrendChart.RIGHT);
        assertThat(svg).contains("cx=\"" + SvgWriter.number(x) + "\" cy=\"" + SvgWriter.number(TrendChart.TOP) + "\"");
        assertThat(svg).contains(">Median</text>").contains(">1/5</text>");
    }

    @Test
    void oneDayIsOneDot() {
        String svg = TrendChart.svg("Today", List.of("6/5"), List.of(new TrendChart.Series("A", "blue", List.of(0.5))), 1, v -> v * 100 + "%");
        assertThat(count(svg, "<polyline")).isZero();
        assertThat(count(svg, "<circle")).isEqualTo(1);
    }

    @Test
    void manyDaysGetFewerLabels() {
        List<String> days = java.util.stream.IntStream.rangeClosed(1, 30).mapToObj(d -> d + "/4").toList();
        List<Double> values = days.stream().map(d -> 0.5).toList();
        String svg = TrendChart.svg("30", days, List.of(new TrendChart.Series("A", "blue", values)), 1, v -> "");
        assertThat(count(svg, "/4</text>")).isLessThanOrEqualTo(TrendChart.MAX_X_LABELS);
    }

    @Test
    void badInputIsRefusedClearly() {
        assertThatThrownBy(() -> TrendChart.svg("t", DAYS, List.of(new TrendChart.Series("A", "b", List.of(1.0))), 1, v -> ""))
                .hasMessageContaining("1 values for 5 days");
        assertThatThrownBy(() -> TrendChart.svg("t", DAYS, List.of(), 0, v -> "")).hasMessageContaining("yMax");
    }

    @Test
    void axesEndOnRoundNumbers() {
        assertThat(TrendChart.niceCeiling(0)).isEqualTo(1);
        assertThat(TrendChart.niceCeiling(3.2)).isEqualTo(5);
        assertThat(TrendChart.niceCeiling(18.75)).isEqualTo(20);
        assertThat(TrendChart.niceCeiling(20)).isEqualTo(20);
        assertThat(TrendChart.niceCeiling(0.3)).isEqualTo(0.5);
        assertThat(TrendChart.niceCeiling(120)).isEqualTo(200);
    }

    private static int count(String text, String part) {
        return text.split(java.util.regex.Pattern.quote(part), -1).length - 1;
    }
}
