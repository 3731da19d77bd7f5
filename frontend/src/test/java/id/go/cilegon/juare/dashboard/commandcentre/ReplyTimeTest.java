package id.go.cilegon.juare.dashboard.commandcentre;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.cilegon.juare.dashboard.base.i18n.TranslationProvider;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The median reply time, short, in both languages. */
class ReplyTimeTest {

    private final TranslationProvider translations = new TranslationProvider();

    private String text(Integer seconds, Locale locale) {
        ReplyTime time = ReplyTime.of(seconds);
        return translations.getTranslation(time.key(), locale, time.params());
    }

    @Test
    void minutesHoursAndDaysRoundedToTheMinute() {
        Locale id = TranslationProvider.INDONESIAN;
        assertThat(text(null, id)).isEqualTo("—");
        assertThat(text(20, id)).isEqualTo("< 1 m");
        assertThat(text(45 * 60 + 10, id)).isEqualTo("45 m");
        assertThat(text(59 * 60 + 40, id)).isEqualTo("1 j 0 m");
        assertThat(text(3 * 3600 + 20 * 60, id)).isEqualTo("3 j 20 m");
        assertThat(text(2 * 86400 + 4 * 3600 + 10 * 60, id)).isEqualTo("2 hr 4 j");
    }

    @Test
    void inEnglishToo() {
        assertThat(text(3 * 3600 + 20 * 60, Locale.ENGLISH)).isEqualTo("3 h 20 m");
        assertThat(text(26 * 3600, Locale.ENGLISH)).isEqualTo("1 d 2 h");
    }
}
