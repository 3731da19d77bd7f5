package id.go.cilegon.juare.dashboard.live.ui;

import id.go.cilegon.juare.dashboard.base.Wib;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * An event's moment, short, in WIB: "6 Des 10.15" in Bahasa Indonesia, "6 Dec 10:15" in English. The date is always
 * there: the latest events reach back over days on a quiet night, and a wall shows them to people who came in later.
 */
public final class EventTime {

    private static final DateTimeFormatter INDONESIAN = DateTimeFormatter.ofPattern("d MMM HH.mm", Locale.forLanguageTag("id"))
            .withZone(Wib.ZONE);
    private static final DateTimeFormatter ENGLISH = DateTimeFormatter.ofPattern("d MMM HH:mm", Locale.ENGLISH)
            .withZone(Wib.ZONE);

    private EventTime() {
    }

    public static String format(Instant at, Locale locale) {
        boolean english = locale != null && "en".equals(locale.getLanguage());
        return (english ? ENGLISH : INDONESIAN).format(at);
    }
}
