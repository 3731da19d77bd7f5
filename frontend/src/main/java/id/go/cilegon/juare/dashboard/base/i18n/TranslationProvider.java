package id.go.cilegon.juare.dashboard.base.i18n;

import com.vaadin.flow.i18n.I18NProvider;
import id.go.cilegon.juare.graphql.Lifecycle;
import id.go.cilegon.juare.graphql.Vocabulary;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.MessageFormat;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Bahasa Indonesia first, English second: every {@code vaadin-i18n/<feature>_id.properties} with its {@code _en}
 * twin (one file pair per feature, so features do not edit one shared file). Any other locale gets Indonesian;
 * a missing key shows itself in brackets so it is noticed. A complaint status's label ({@code status.IN_PROGRESS},
 * or any feature's {@code <feature>.status.IN_PROGRESS}) comes from the shared {@link Vocabulary}, never from these
 * files: one word per status on every screen, in the PDF, the CSV and WhatsApp.
 */
@Component
public class TranslationProvider implements I18NProvider {

    public static final Locale INDONESIAN = Locale.of("id");
    public static final Locale ENGLISH = Locale.ENGLISH;
    public static final List<Locale> LOCALES = List.of(INDONESIAN, ENGLISH);

    private static final String FOLDER = "vaadin-i18n";
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    /** {@code status.X} or {@code <anything>.status.X} where X is a status name. */
    private static final Pattern STATUS_KEY = Pattern.compile("(?:.+\\.)?status\\.("
            + Stream.of(Lifecycle.Status.values()).map(Enum::name).collect(Collectors.joining("|")) + ")");

    private final List<String> bundles = bundleNames();

    @Override
    public List<Locale> getProvidedLocales() {
        return LOCALES;
    }

    @Override
    public String getTranslation(String key, Locale locale, Object... params) {
        Locale supported = supported(locale);
        Matcher status = STATUS_KEY.matcher(key);
        if (status.matches()) {
            return Vocabulary.status(status.group(1), supported);
        }
        for (String name : bundles) {
            // the base bundles do not exist: no fallback to the JVM's default locale
            ResourceBundle bundle = ResourceBundle.getBundle(name, supported, NO_FALLBACK);
            if (bundle.containsKey(key)) {
                String pattern = bundle.getString(key);
                return params.length == 0 ? pattern : new MessageFormat(pattern, supported).format(params);
            }
        }
        return "!" + key + "!";
    }

    /** The locale we have translations for: English for any English, otherwise Indonesian. */
    public static Locale supported(Locale locale) {
        return locale != null && ENGLISH.getLanguage().equals(locale.getLanguage()) ? ENGLISH : INDONESIAN;
    }

    /** The bundles' base names ({@code vaadin-i18n.translations}, …), from the Indonesian files on the classpath. */
    static List<String> bundleNames() {
        try {
            Resource[] found = new PathMatchingResourcePatternResolver().getResources("classpath*:" + FOLDER + "/*_id.properties");
            List<String> names = Arrays.stream(found)
                    .map(Resource::getFilename)
                    .map(file -> FOLDER + "." + file.substring(0, file.length() - "_id.properties".length()))
                    .distinct()
                    .sorted()
                    .toList();
            if (names.isEmpty()) {
                throw new MissingResourceException("no translations in " + FOLDER, TranslationProvider.class.getName(), "");
            }
            return names;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
