package id.go.cilegon.juare.dashboard.base.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class TranslationProviderTest {

    private final TranslationProvider provider = new TranslationProvider();

    private static Properties load(String language) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = TranslationProviderTest.class.getResourceAsStream("/vaadin-i18n/translations_" + language + ".properties")) {
            properties.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        }
        return properties;
    }

    @Test
    void everyTextIsInBothLanguages() throws IOException {
        assertThat(load("en").stringPropertyNames()).isEqualTo(load("id").stringPropertyNames());
    }

    @Test
    void indonesianUnlessEnglishIsAskedFor() {
        assertThat(provider.getTranslation("nav.logout", Locale.GERMAN)).isEqualTo("Keluar");
        assertThat(provider.getTranslation("nav.logout", null)).isEqualTo("Keluar");
        assertThat(provider.getTranslation("nav.logout", Locale.US)).isEqualTo("Sign out");
        assertThat(provider.getTranslation("cc.shift.now", Locale.of("id"), "Pagi", "07:00", "15:00"))
                .isEqualTo("Sif sekarang: Pagi (07:00–15:00 WIB)");
    }

    @Test
    void aMissingKeyShowsItself() {
        assertThat(provider.getTranslation("no.such.key", Locale.ENGLISH)).isEqualTo("!no.such.key!");
    }

    @Test
    void theSwitchOffersTheOtherLanguage() {
        assertThat(Languages.other(TranslationProvider.INDONESIAN)).isEqualTo(TranslationProvider.ENGLISH);
        assertThat(Languages.other(Locale.UK)).isEqualTo(TranslationProvider.INDONESIAN);
    }
}
