package id.go.cilegon.juare.dashboard.ranking;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ScoreChartTest {

    @Test
    void oneBarPerOpdAsLongAsItsScore() {
        String svg = ScoreChart.svg(List.of(new ScoreChart.Bar("Dinas Pekerjaan Umum", 90, "90,0"),
                new ScoreChart.Bar("Dinas Perhubungan", 45, "45,0")), "Skor per OPD");
        assertThat(svg).startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 1000 108\"").endsWith("</svg>");
        assertThat(svg).contains("<title>Skor per OPD</title>").contains(">Dinas Perhubungan</text>").contains(">90,0</text>");
        List<Double> widths = barWidths(svg);
        double plot = ScoreChart.WIDTH - ScoreChart.LABEL_WIDTH - ScoreChart.VALUE_WIDTH;
        assertThat(widths).containsExactly(plot * 0.9, plot * 0.45);
        // good in green, poor in red
        assertThat(svg).contains("fill: var(--lumo-success-color, #2e7d32)").contains("fill: var(--lumo-error-color, #d32f2f)");
    }

    @Test
    void namesAreEscapedAndLongOnesShortened() {
        String svg = ScoreChart.svg(List.of(new ScoreChart.Bar("<script>alert('x')</script> & co", 50, "50,0"),
                new ScoreChart.Bar("Badan Kepegawaian dan Pengembangan Sumber Daya Manusia", 70, "70,0")), "A \"title\"");
        assertThat(svg).doesNotContain("<script>").contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; co");
        assertThat(svg).contains("aria-label=\"A &quot;title&quot;\"");
        assertThat(svg).contains(">Badan Kepegawaian dan Pengembangan Sumb…</text>");
    }

    @Test
    void scoresOutsideTheScaleStayInside() {
        assertThat(barWidths(ScoreChart.svg(List.of(new ScoreChart.Bar("A", 120, "120"), new ScoreChart.Bar("B", -5, "-5")), "t")))
                .containsExactly(ScoreChart.WIDTH - ScoreChart.LABEL_WIDTH - ScoreChart.VALUE_WIDTH, 0.0);
    }

    @Test
    void noBarsIsAnEmptyChartNotAnError() {
        assertThat(ScoreChart.svg(List.of(), "none")).contains("<title>none</title>").doesNotContain("score-bar");
    }

    private static List<Double> barWidths(String svg) {
        Matcher bars = Pattern.compile("<rect [^>]*width=\"([0-9.]+)\"[^>]*class=\"score-bar\"").matcher(svg);
        return bars.results().map(m -> Double.parseDouble(m.group(1))).toList();
    }

    @Test
    void anIntervalIsAWhiskerOverTheBarAndFewComplaintsFadeIt() {
        String svg = ScoreChart.svg(List.of(new ScoreChart.Bar("Dinas Kecil", 80, "80,0*", 70.0, 90.0, true),
                new ScoreChart.Bar("Dinas Besar", 85, "85,0", null, null, false)), "Skor per OPD");
        double plot = ScoreChart.WIDTH - ScoreChart.LABEL_WIDTH - ScoreChart.VALUE_WIDTH;
        assertThat(svg).containsOnlyOnce("class=\"score-interval\"")
                .contains("x1=\"" + SvgWriter.number(ScoreChart.LABEL_WIDTH + plot * 0.7) + "\"")
                .contains("x2=\"" + SvgWriter.number(ScoreChart.LABEL_WIDTH + plot * 0.9) + "\"")
                .containsOnlyOnce("score-bar few-complaints").contains("80,0*");
    }
}
