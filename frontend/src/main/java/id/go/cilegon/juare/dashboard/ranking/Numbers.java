package id.go.cilegon.juare.dashboard.ranking;

import id.go.cilegon.juare.dashboard.commandcentre.ReplyTime;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.util.Locale;

/** How the ranking's figures read: "82,4" / "82.4", "87%", "4,2", and durations as the command centre writes them. */
public final class Numbers {

    /** What a figure with nothing to measure shows. */
    public static final String NONE = "—";

    private Numbers() {
    }

    /** A score 0–100 with one decimal. */
    public static String score(Double score, Locale locale) {
        return score == null ? NONE : decimal(score, 1, locale);
    }

    /** A share 0–1 as a whole percentage. */
    public static String share(Double share, Locale locale) {
        if (share == null) {
            return NONE;
        }
        NumberFormat percent = NumberFormat.getPercentInstance(locale);
        percent.setMaximumFractionDigits(0);
        return percent.format(share);
    }

    /** An average rating 1–5 with one decimal. */
    public static String rating(Double rating, Locale locale) {
        return rating == null ? NONE : decimal(rating, 1, locale);
    }

    public static String decimal(double value, int digits, Locale locale) {
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setMinimumFractionDigits(digits);
        format.setMaximumFractionDigits(digits);
        // 4,25 reads 4,3 as people round, not 4,2 (the formatter's default rounds half to even)
        format.setRoundingMode(RoundingMode.HALF_UP);
        return format.format(value);
    }

    /** A duration in seconds as a translation key and its arguments ("3 j 20 m"). */
    public static ReplyTime duration(Double seconds) {
        return ReplyTime.of(seconds == null ? null : (int) Math.round(seconds));
    }
}
