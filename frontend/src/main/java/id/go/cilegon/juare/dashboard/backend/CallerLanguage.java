package id.go.cilegon.juare.dashboard.backend;

import java.util.Locale;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The language of the screen that calls the backend now, sent as {@code Accept-Language}. The client knows no
 * screens (ArchitectureTest): base's {@code Languages} tells it where to look when the server starts.
 */
public final class CallerLanguage {

    private static volatile Supplier<Locale> source = () -> Locale.of("id");

    private CallerLanguage() {
    }

    public static void lookUpWith(Supplier<Locale> languageNow) {
        source = Objects.requireNonNull(languageNow);
    }

    static Locale current() {
        Locale locale = source.get();
        return locale == null ? Locale.of("id") : locale;
    }
}
