package id.go.cilegon.juare.dashboard.base.i18n;

import com.vaadin.flow.i18n.I18NProvider;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import org.springframework.stereotype.Component;

/**
 * Bahasa Indonesia first, English second: {@code vaadin-i18n/translations_id.properties} and {@code _en}.
 * Any other locale gets Indonesian; a missing key shows itself in brackets so it is noticed.
 */
@Component
public class TranslationProvider implements I18NProvider {

    public static final Locale INDONESIAN = Locale.of("id");
    public static final Locale ENGLISH = Locale.ENGLISH;
    public static final List<Locale> LOCALES = List.of(INDONESIAN, ENGLISH);

    static final String BUNDLE = "vaadin-i18n.translations";

    @Override
    public List<Locale> getProvidedLocales() {
        return LOCALES;
    }

    @Override
    public String getTranslation(String key, Locale locale, Object... params) {
        Locale supported = supported(locale);
        // the base bundle is empty: no fallback to the JVM's default locale
        ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, supported,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        try {
            String pattern = bundle.getString(key);
            return params.length == 0 ? pattern : new MessageFormat(pattern, supported).format(params);
        } catch (MissingResourceException e) {
            return "!" + key + "!";
        }
    }

    /** The locale we have translations for: English for any English, otherwise Indonesian. */
    public static Locale supported(Locale locale) {
        return locale != null && ENGLISH.getLanguage().equals(locale.getLanguage()) ? ENGLISH : INDONESIAN;
    }
}
