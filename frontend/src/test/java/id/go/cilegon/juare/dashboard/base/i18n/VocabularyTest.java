package id.go.cilegon.juare.dashboard.base.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.cilegon.juare.dashboard.complaint.ComplaintTexts;
import id.go.cilegon.juare.graphql.Lifecycle;
import id.go.cilegon.juare.graphql.Vocabulary;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Every status shows the same label through every path of the dashboard — the complaint pages, queues, scorecard and
 * report ({@code complaint.status.X}), the latest events ({@code live.status.X}), the maps' legends and tooltips
 * ({@code map.status.X}) — and that label is the shared vocabulary's, the one the backend's CSV, PDF and WhatsApp texts
 * use (the backend's VocabularyPathsTest). A feature's own translation of a status cannot creep back: graphql's
 * VocabularyDriftTest fails on it.
 */
class VocabularyTest {

    private static final TranslationProvider PROVIDER = new TranslationProvider();
    private static final List<String> DASHBOARD_KEYS = List.of("status.", "complaint.status.", "live.status.", "map.status.");

    @Test
    void everyStatusHasOneLabelOnEveryScreenInBothLanguages() {
        for (Locale locale : TranslationProvider.LOCALES) {
            ComplaintTexts texts = new ComplaintTexts((key, params) -> PROVIDER.getTranslation(key, locale, params));
            for (Lifecycle.Status status : Lifecycle.Status.values()) {
                String label = Vocabulary.status(status, locale);
                for (String prefix : DASHBOARD_KEYS) {
                    assertThat(PROVIDER.getTranslation(prefix + status.name(), locale)).as("%s%s in %s", prefix, status, locale)
                            .isEqualTo(label);
                }
                assertThat(texts.status(status.name())).isEqualTo(label);
            }
        }
    }

    @Test
    void theWords() {
        assertThat(PROVIDER.getTranslation("complaint.status.SUBMITTED", TranslationProvider.INDONESIAN)).isEqualTo("Baru");
        assertThat(PROVIDER.getTranslation("live.status.IN_PROGRESS", TranslationProvider.INDONESIAN)).isEqualTo("Diproses");
        assertThat(PROVIDER.getTranslation("map.status.IN_PROGRESS", TranslationProvider.ENGLISH)).isEqualTo("In progress");
        // a key that only looks like a status stays the feature's own
        assertThat(PROVIDER.getTranslation("admin.staff.status.active", TranslationProvider.INDONESIAN)).isEqualTo("Aktif");
    }
}
