package id.go.cilegon.juare.dashboard.ranking;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleFunction;

/**
 * A line chart over the days of a period, drawn as SVG text on the server: one line per series, a gap where a day
 * has no value (nothing measured), a dot on every value (a period of one day is one dot), a legend above. The y-axis
 * runs from 0 to {@code yMax} with ticks the caller labels (hours, percentages).
 */
public final class TrendChart {

    static final double WIDTH = 1000;
    static final double HEIGHT = 300;
    static final double LEFT = 70;
    static final double RIGHT = 20;
    static final double TOP = 40;
    static final double BOTTOM = 40;
    static final int MAX_X_LABELS = 12;

    /** A line: its name for the legend, its CSS colour, and one value per day (null: none). */
    public record Series(String name, String colour, List<Double> values) {
    }

    private TrendChart() {
    }

    /**
     * @param dayLabels one label per day ("6/5"); fewer are written when there are many days
     * @param yMax      the top of the y-axis (use {@link #niceCeiling} for a round one)
     * @param tickLabel the label of a y value
     */
    public static String svg(String title, List<String> dayLabels, List<Series> series, double yMax,
                             DoubleFunction<String> tickLabel) {
        if (!(yMax > 0)) {
            throw new IllegalArgumentException("yMax must be positive: " + yMax);
        }
        for (Series s : series) {
            if (s.values().size() != dayLabels.size()) {
                throw new IllegalArgumentException(s.name() + ": " + s.values().size() + " values for " + dayLabels.size() + " days");
            }
        }
        SvgWriter svg = new SvgWriter(WIDTH, HEIGHT, title);
        double plotWidth = WIDTH - LEFT - RIGHT;
        double plotHeight = HEIGHT - TOP - BOTTOM;
        int days = dayLabels.size();

        for (int tick = 0; tick <= 4; tick++) {
            double value = yMax * tick / 4;
            double y = TOP + plotHeight - plotHeight * tick / 4;
            svg.line(LEFT, y, WIDTH - RIGHT, y, "stroke: var(--lumo-contrast-20pct, #ccc); stroke-width: 1");
            svg.text(LEFT - 8, y, tickLabel.apply(value), "end", 13, "fill: var(--lumo-secondary-text-color, #666)");
        }
        int step = Math.max(1, (int) Math.ceil(days / (double) MAX_X_LABELS));
        for (int day = 0; day < days; day += step) {
            svg.text(x(day, days, plotWidth), HEIGHT - BOTTOM / 2, dayLabels.get(day), "middle", 13,
                    "fill: var(--lumo-secondary-text-color, #666)");
        }
        double legendX = LEFT;
        for (Series s : series) {
            svg.rect(legendX, 10, 14, 14, "fill: " + s.colour(), null);
            svg.text(legendX + 20, 17, s.name(), "start", 14, "fill: var(--lumo-body-text-color, #222)");
            legendX += 40 + s.name().length() * 8;
        }
        for (Series s : series) {
            List<double[]> segment = new ArrayList<>();
            for (int day = 0; day < days; day++) {
                Double value = s.values().get(day);
                if (value == null) {
                    drawSegment(svg, segment, s);
                    segment = new ArrayList<>();
                    continue;
                }
                double clamped = Math.clamp(value, 0, yMax);
                segment.add(new double[] {x(day, days, plotWidth), TOP + plotHeight - plotHeight * clamped / yMax});
            }
            drawSegment(svg, segment, s);
            for (int day = 0; day < days; day++) {
                Double value = s.values().get(day);
                if (value != null) {
                    double clamped = Math.clamp(value, 0, yMax);
                    svg.circle(x(day, days, plotWidth), TOP + plotHeight - plotHeight * clamped / yMax, 3.5,
                            "fill: " + s.colour(), dayLabels.get(day) + ": " + tickLabel.apply(value));
                }
            }
        }
        return svg.end();
    }

    private static void drawSegment(SvgWriter svg, List<double[]> segment, Series s) {
        if (segment.size() > 1) {
            svg.polyline(segment, "stroke: " + s.colour() + "; stroke-width: 2.5", "trend-line");
        }
    }

    /** The middle of the day's slot: one day sits in the middle of the plot. */
    static double x(int day, int days, double plotWidth) {
        return LEFT + plotWidth * (day + 0.5) / days;
    }

    /** The smallest of 1, 2, 5 × 10ⁿ at or above {@code value} (1 for nothing): a round top for an axis. */
    public static double niceCeiling(double value) {
        if (!(value > 0)) {
            return 1;
        }
        double magnitude = Math.pow(10, Math.floor(Math.log10(value)));
        for (double factor : new double[] {1, 2, 2.5, 5, 10}) {
            if (factor * magnitude >= value - 1e-9) {
                return factor * magnitude;
            }
        }
        return 10 * magnitude;
    }
}
