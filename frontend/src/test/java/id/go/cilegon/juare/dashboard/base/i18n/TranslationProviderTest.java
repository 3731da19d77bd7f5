package id.go.cilegon.juare.dashboard.base.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class TranslationProviderTest {

    private final TranslationProvider provider = new TranslationProvider();

    private static Properties load(String bundle, String language) throws IOException {
        Properties properties = new Properties();
        String file = "/" + bundle.replace('.', '/') + "_" + language + ".properties";
        try (InputStream in = TranslationProviderTest.class.getResourceAsStream(file)) {
            assertThat(in).as(file).isNotNull();
            properties.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        }
        return properties;
    }

    @Test
    void everyTextIsInBothLanguagesAndInOneBundleOnly() throws IOException {
        List<String> bundles = TranslationProvider.bundleNames();
        assertThat(bundles).contains("vaadin-i18n.translations");
        Set<String> seen = new HashSet<>();
        for (String bundle : bundles) {
            Set<String> keys = load(bundle, "id").stringPropertyNames();
            assertThat(load(bundle, "en").stringPropertyNames()).as(bundle).isEqualTo(keys);
            for (String key : keys) {
                assertThat(seen.add(key)).as("%s is also in another bundle", key).isTrue();
            }
        }
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
