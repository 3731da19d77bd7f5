package id.go.cilegon.juare.dashboard.ranking;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.cilegon.juare.dashboard.base.i18n.TranslationProvider;
import id.go.cilegon.juare.dashboard.commandcentre.ReplyTime;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class NumbersTest {

    private static final Locale ID = TranslationProvider.INDONESIAN;
    private final TranslationProvider translations = new TranslationProvider();

    @Test
    void scoresSharesAndRatingsReadInTheLanguage() {
        assertThat(Numbers.score(82.44, ID)).isEqualTo("82,4");
        assertThat(Numbers.score(82.44, Locale.ENGLISH)).isEqualTo("82.4");
        assertThat(Numbers.score(100.0, ID)).isEqualTo("100,0");
        assertThat(Numbers.share(0.875, Locale.ENGLISH)).isEqualTo("88%");
        assertThat(Numbers.share(1.0, ID)).isEqualTo("100%");
        assertThat(Numbers.rating(4.25, ID)).isEqualTo("4,3");
    }

    @Test
    void nothingMeasuredShowsADash() {
        assertThat(Numbers.score(null, ID)).isEqualTo("—");
        assertThat(Numbers.share(null, ID)).isEqualTo("—");
        assertThat(Numbers.rating(null, ID)).isEqualTo("—");
        assertThat(Numbers.duration(null).key()).isEqualTo("cc.replyTime.none");
    }

    @Test
    void durationsAreHuman() {
        ReplyTime time = Numbers.duration(3 * 3600 + 20 * 60 + 10.4);
        assertThat(time).isEqualTo(new ReplyTime("cc.replyTime.hours", List.of(3, 20)));
        assertThat(translations.getTranslation(time.key(), ID, time.params())).isEqualTo("3 j 20 m");
        ReplyTime days = Numbers.duration(26 * 3600.0);
        assertThat(translations.getTranslation(days.key(), Locale.ENGLISH, days.params())).isEqualTo("1 d 2 h");
    }
}
