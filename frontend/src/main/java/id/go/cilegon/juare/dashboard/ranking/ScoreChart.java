package id.go.cilegon.juare.dashboard.ranking;

import java.util.List;

/**
 * The ranking's scores as horizontal bars, best on top, drawn as SVG text on the server (no chart library in the
 * browser). A bar's colour says how good the score is: green from {@value #GOOD}, amber from {@value #FAIR}, red below.
 */
public final class ScoreChart {

    public static final double GOOD = 80;
    public static final double FAIR = 60;

    static final double WIDTH = 1000;
    static final double LABEL_WIDTH = 330;
    static final double VALUE_WIDTH = 70;
    static final double ROW = 34;
    static final double BAR = 22;
    static final double TOP = 10;
    static final double AXIS = 30;
    static final int MAX_LABEL = 40;

    /**
     * One bar: the OPD's name, its score 0–100, the score as the table writes it, the score's 95 % interval (nulls:
     * none published) drawn as a whisker over the bar, and a "few complaints" mark (the bar is drawn faded).
     */
    public record Bar(String label, double score, String shown, Double low, Double high, boolean fewComplaints) {

        public Bar(String label, double score, String shown) {
            this(label, score, shown, null, null, false);
        }
    }

    private ScoreChart() {
    }

    public static String svg(List<Bar> bars, String title) {
        double plot = WIDTH - LABEL_WIDTH - VALUE_WIDTH;
        double height = TOP + Math.max(1, bars.size()) * ROW + AXIS;
        SvgWriter svg = new SvgWriter(WIDTH, height, title);
        double bottom = TOP + bars.size() * ROW;
        for (int tick = 0; tick <= 100; tick += 25) {
            double x = LABEL_WIDTH + plot * tick / 100;
            svg.line(x, TOP, x, bottom, "stroke: var(--lumo-contrast-20pct, #ccc); stroke-width: 1");
            svg.text(x, bottom + AXIS / 2, Integer.toString(tick), "middle", 13, "fill: var(--lumo-secondary-text-color, #666)");
        }
        for (int i = 0; i < bars.size(); i++) {
            Bar bar = bars.get(i);
            double y = TOP + i * ROW + (ROW - BAR) / 2;
            double score = Math.clamp(bar.score(), 0, 100);
            double length = plot * score / 100;
            svg.text(LABEL_WIDTH - 10, y + BAR / 2, shorten(bar.label()), "end", 15, "fill: var(--lumo-body-text-color, #222)");
            svg.rect(LABEL_WIDTH, y, length, BAR, "fill: " + colour(score) + (bar.fewComplaints() ? "; fill-opacity: 0.45" : ""),
                    bar.fewComplaints() ? "score-bar few-complaints" : "score-bar");
            double valueX = LABEL_WIDTH + length + 8;
            if (bar.low() != null && bar.high() != null) {
                // the interval: one more decided complaint moves the score by less than this
                double from = LABEL_WIDTH + plot * Math.clamp(bar.low(), 0, 100) / 100;
                double to = LABEL_WIDTH + plot * Math.clamp(bar.high(), 0, 100) / 100;
                String style = "stroke: var(--lumo-body-text-color, #222); stroke-width: 2";
                svg.line(from, y + BAR / 2, to, y + BAR / 2, style, "score-interval");
                svg.line(from, y + 5, from, y + BAR - 5, style);
                svg.line(to, y + 5, to, y + BAR - 5, style);
                valueX = Math.max(valueX, to + 8);
            }
            svg.text(valueX, y + BAR / 2, bar.shown(), "start", 15,
                    "fill: var(--lumo-body-text-color, #222); font-weight: 600");
        }
        return svg.end();
    }

    static String colour(double score) {
        if (score >= GOOD) {
            return "var(--lumo-success-color, #2e7d32)";
        }
        if (score >= FAIR) {
            return "var(--lumo-warning-color, #e6a100)";
        }
        return "var(--lumo-error-color, #d32f2f)";
    }

    static String shorten(String label) {
        if (label == null) {
            return "";
        }
        return label.length() <= MAX_LABEL ? label : label.substring(0, MAX_LABEL - 1).strip() + "…";
    }
}
