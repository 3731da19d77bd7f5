package id.go.cilegon.juare.graphql;

import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Objects;
import java.util.ResourceBundle;

/**
 * The one place where a complaint status gets its words, for people: the dashboard (every screen, map legend and
 * event list), the daily report's PDF and CSV, and the WhatsApp texts all ask here
 * ({@code vocabulary_id.properties}, {@code vocabulary_en.properties} next to this class). Bahasa Indonesia first,
 * English second; any other language gets Indonesian. VocabularyDriftTest fails when a status label is written
 * anywhere else.
 */
public final class Vocabulary {

    public static final Locale INDONESIAN = Locale.of("id");
    public static final Locale ENGLISH = Locale.ENGLISH;

    private static final String BUNDLE = "id.go.cilegon.juare.graphql.vocabulary";
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private Vocabulary() {
    }

    /** The status's label, e.g. IN_PROGRESS: "Diproses" / "In progress". */
    public static String status(Lifecycle.Status status, Locale locale) {
        return bundle(locale).getString("status." + Objects.requireNonNull(status, "status").name());
    }

    /** The label of a status given by its GraphQL name; empty for null, the name itself for one we do not know. */
    public static String status(String status, Locale locale) {
        if (status == null || status.isBlank()) {
            return "";
        }
        try {
            return status(Lifecycle.Status.valueOf(status), locale);
        } catch (IllegalArgumentException e) {
            return status;
        }
    }

    /** Indonesian: what the CSV, the PDF and the WhatsApp texts say. */
    public static String status(Lifecycle.Status status) {
        return status(status, INDONESIAN);
    }

    /** The language we have words for: English for any English, otherwise Indonesian. */
    public static Locale supported(Locale locale) {
        return locale != null && ENGLISH.getLanguage().equals(locale.getLanguage()) ? ENGLISH : INDONESIAN;
    }

    private static ResourceBundle bundle(Locale locale) {
        try {
            // the base bundle does not exist: no fallback to the JVM's default locale
            return ResourceBundle.getBundle(BUNDLE, supported(locale), Vocabulary.class.getClassLoader(), NO_FALLBACK);
        } catch (MissingResourceException e) {
            throw new IllegalStateException("the vocabulary is missing from the classpath", e);
        }
    }
}
