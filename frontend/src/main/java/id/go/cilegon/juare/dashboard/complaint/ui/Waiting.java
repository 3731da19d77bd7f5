package id.go.cilegon.juare.dashboard.complaint.ui;

import com.vaadin.flow.data.renderer.LitRenderer;
import id.go.cilegon.juare.dashboard.base.Wib;
import id.go.cilegon.juare.dashboard.complaint.ComplaintTexts;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.function.Function;

/**
 * How long something has waited, as a queue shows it: "45 mnt", "2 jam 5 mnt", "1 hr 3 jam" (English "2 h 5 min").
 * The browser's notice.js counts on every half minute with the same words (the {@code juare-waiting} spans), so the
 * column stays right between reloads.
 */
final class Waiting {

    private Waiting() {
    }

    /** The words for a wait, from the intake translations. */
    static String text(Duration waited, ComplaintTexts.Translator t) {
        long minutes = Math.max(0, waited.toMinutes());
        if (minutes < 1) {
            return t.translate("intake.waiting.underMinute");
        }
        String m = t.translate("intake.waiting.unit.minute");
        String h = t.translate("intake.waiting.unit.hour");
        String d = t.translate("intake.waiting.unit.day");
        if (minutes < 60) {
            return minutes + " " + m;
        }
        if (minutes < 24 * 60) {
            return minutes / 60 + " " + h + " " + minutes % 60 + " " + m;
        }
        long hours = minutes / 60;
        return hours / 24 + " " + d + " " + hours % 24 + " " + h;
    }

    /**
     * A grid column's renderer: the wait since {@code since} of a row, the instant itself on hover. Rows without one
     * show nothing.
     */
    static <T> LitRenderer<T> renderer(Function<T, Instant> since, ComplaintTexts.Translator t, Locale locale, java.time.Clock clock) {
        return LitRenderer.<T>of("<span class=\"juare-waiting\" data-since=\"${item.since}\" title=\"${item.at}\">${item.text}</span>")
                .withProperty("since", row -> since.apply(row) == null ? "" : Long.toString(since.apply(row).toEpochMilli()))
                .withProperty("at", row -> since.apply(row) == null ? "" : Wib.dateTime(since.apply(row), locale))
                .withProperty("text", row -> since.apply(row) == null ? "" : text(Duration.between(since.apply(row), clock.instant()), t));
    }
}
