package id.go.cilegon.juare.platform;

import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.stereotype.Component;

/**
 * The one catalogue of what the API says to people (docs/adr/0031): {@code messages/api_id.properties} and
 * {@code messages/api_en.properties} (UTF-8), keys by meaning, parameters in MessageFormat ({@code {0}}; an
 * apostrophe is written {@code ''}). Code names a key and its arguments; the text is chosen when the answer is
 * written, in the caller's language ({@link CallerLanguage}).
 */
@Component
public class Messages {

    public static final String BASENAME = "messages/api";

    private final MessageSource source;

    public Messages() {
        ResourceBundleMessageSource bundle = new ResourceBundleMessageSource();
        bundle.setBasename(BASENAME);
        bundle.setDefaultEncoding("UTF-8");
        // never the machine's locale: a language we do not have is Indonesian
        bundle.setFallbackToSystemLocale(false);
        bundle.setDefaultLocale(Locale.of(CallerLanguage.INDONESIAN));
        // one escaping rule for every message, with or without arguments
        bundle.setAlwaysUseMessageFormat(true);
        this.source = bundle;
    }

    /** The message {@code key} in {@code language} ("id" or "en"; anything else is "id"). */
    public String text(String language, String key, Object... args) {
        String tag = CallerLanguage.ENGLISH.equals(language) ? CallerLanguage.ENGLISH : CallerLanguage.INDONESIAN;
        return source.getMessage(key, args, Locale.of(tag));
    }

    public String text(String language, UserError error) {
        return text(language, error.key(), error.args().toArray());
    }

    public String text(String language, ApiException error) {
        return text(language, error.key(), error.args());
    }
}
