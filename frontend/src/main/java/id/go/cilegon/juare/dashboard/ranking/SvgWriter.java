package id.go.cilegon.juare.dashboard.ranking;

import java.util.Locale;

/**
 * A small SVG text builder for the server-drawn charts: every text and attribute value is escaped (OPD names come
 * from the backend and go into markup the browser parses), numbers are written with a dot whatever the locale.
 * Colours are CSS ({@code var(--lumo-...)}) in {@code style}, so a chart follows the theme (the wall is dark).
 */
final class SvgWriter {

    private final StringBuilder svg = new StringBuilder();

    SvgWriter(double width, double height, String title) {
        // viewBox in its SVG spelling: the browser's HTML parser keeps it so in an inline <svg> (innerHTML)
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(number(width)).append(' ')
                .append(number(height)).append("\" width=\"100%\" role=\"img\" aria-label=\"").append(escape(title))
                .append("\" font-family=\"var(--lumo-font-family, sans-serif)\">");
        svg.append("<title>").append(escape(title)).append("</title>");
    }

    SvgWriter rect(double x, double y, double width, double height, String style, String cssClass) {
        svg.append("<rect x=\"").append(number(x)).append("\" y=\"").append(number(y)).append("\" width=\"")
                .append(number(Math.max(0, width))).append("\" height=\"").append(number(height)).append("\" rx=\"3\"");
        attributes(style, cssClass);
        svg.append("/>");
        return this;
    }

    SvgWriter line(double x1, double y1, double x2, double y2, String style) {
        return line(x1, y1, x2, y2, style, null);
    }

    SvgWriter line(double x1, double y1, double x2, double y2, String style, String cssClass) {
        svg.append("<line x1=\"").append(number(x1)).append("\" y1=\"").append(number(y1)).append("\" x2=\"")
                .append(number(x2)).append("\" y2=\"").append(number(y2)).append('"');
        attributes(style, cssClass);
        svg.append("/>");
        return this;
    }

    SvgWriter polyline(java.util.List<double[]> points, String style, String cssClass) {
        svg.append("<polyline fill=\"none\" points=\"");
        for (int i = 0; i < points.size(); i++) {
            svg.append(i == 0 ? "" : " ").append(number(points.get(i)[0])).append(',').append(number(points.get(i)[1]));
        }
        svg.append('"');
        attributes(style, cssClass);
        svg.append("/>");
        return this;
    }

    SvgWriter circle(double x, double y, double r, String style, String tooltip) {
        svg.append("<circle cx=\"").append(number(x)).append("\" cy=\"").append(number(y)).append("\" r=\"").append(number(r)).append('"');
        attributes(style, null);
        if (tooltip == null) {
            svg.append("/>");
        } else {
            svg.append("><title>").append(escape(tooltip)).append("</title></circle>");
        }
        return this;
    }

    /** {@code anchor}: start, middle or end. */
    SvgWriter text(double x, double y, String text, String anchor, double size, String style) {
        svg.append("<text x=\"").append(number(x)).append("\" y=\"").append(number(y)).append("\" text-anchor=\"")
                .append(anchor).append("\" dominant-baseline=\"middle\" font-size=\"").append(number(size)).append('"');
        attributes(style, null);
        svg.append('>').append(escape(text)).append("</text>");
        return this;
    }

    String end() {
        return svg.append("</svg>").toString();
    }

    private void attributes(String style, String cssClass) {
        if (style != null) {
            svg.append(" style=\"").append(escape(style)).append('"');
        }
        if (cssClass != null) {
            svg.append(" class=\"").append(escape(cssClass)).append('"');
        }
    }

    static String number(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e9) {
            return Long.toString((long) value);
        }
        return String.format(Locale.ROOT, "%.1f", value);
    }

    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
