package id.go.cilegon.juare.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * One label per status, written once (Vocabulary, ADR 0024): fails when a status label is defined anywhere else in
 * the sources of the three modules — a {@code …status.IN_PROGRESS} key in a properties file, or a word the statuses
 * used to have on some screens (retired so that each status has one name).
 */
class VocabularyDriftTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final List<Path> SOURCES = List.of(ROOT.resolve("graphql/src/main"), ROOT.resolve("backend/src/main"),
            ROOT.resolve("frontend/src/main"));
    private static final String STATUS_NAME = Stream.of(Lifecycle.Status.values()).map(Enum::name).collect(Collectors.joining("|"));
    /** A label's key: {@code status.X} or {@code <feature>.status.X}. */
    private static final Pattern STATUS_KEY = Pattern.compile("(?:.+\\.)?status\\.(?:" + STATUS_NAME + ")");
    /** Other names the statuses had on some screen, file or message: each status has one now. */
    private static final Set<String> RETIRED = Set.of("sedang ditangani", "baru masuk", "menunggu operator", "selesai ditangani",
            "dibuka lagi", "submitted", "waiting for operator");
    /** A string literal on one line (escapes aside, enough to find a whole word): Java's "…", and JavaScript's '…' too. */
    private static final Pattern JAVA_STRING = Pattern.compile("\"([^\"\\n]*+)\"");
    private static final Pattern JS_STRING = Pattern.compile("\"([^\"\\n]*+)\"|'([^'\\n]*+)'|`([^`]*+)`");

    @Test
    void everyStatusHasOneLabelInEachLanguage() {
        for (Locale language : List.of(Vocabulary.INDONESIAN, Vocabulary.ENGLISH)) {
            Set<String> labels = new HashSet<>();
            for (Lifecycle.Status status : Lifecycle.Status.values()) {
                String label = Vocabulary.status(status, language);
                assertThat(label).as("%s in %s", status, language).isNotBlank();
                assertThat(labels.add(label.toLowerCase(Locale.ROOT))).as("%s's label %s is another status's", status, label).isTrue();
            }
        }
        assertThat(Vocabulary.status("IN_PROGRESS", Locale.forLanguageTag("id-ID"))).isEqualTo(Vocabulary.status(Lifecycle.Status.IN_PROGRESS));
        assertThat(Vocabulary.status("IN_PROGRESS", Locale.FRENCH)).as("Indonesian for any other language")
                .isEqualTo(Vocabulary.status(Lifecycle.Status.IN_PROGRESS));
        assertThat(Vocabulary.status("SOMETHING_NEW", Vocabulary.ENGLISH)).isEqualTo("SOMETHING_NEW");
    }

    @Test
    void noPropertiesFileOutsideTheVocabularyLabelsAStatus() {
        List<String> found = new ArrayList<>();
        for (Path file : files(".properties")) {
            if (file.getFileName().toString().startsWith("vocabulary_")) {
                continue;
            }
            Properties properties = load(file);
            for (String key : properties.stringPropertyNames()) {
                if (STATUS_KEY.matcher(key).matches()) {
                    found.add(ROOT.relativize(file) + ": " + key);
                }
                if (RETIRED.contains(properties.getProperty(key).strip().toLowerCase(Locale.ROOT))) {
                    found.add(ROOT.relativize(file) + ": " + key + "=" + properties.getProperty(key));
                }
            }
        }
        assertThat(found).as("status labels belong in graphql's vocabulary_*.properties").isEmpty();
    }

    @Test
    void noSourceWritesAnOldNameOfAStatus() {
        List<String> found = new ArrayList<>();
        for (Path file : Stream.concat(files(".java").stream(), files(".js").stream()).toList()) {
            String text = read(file);
            Matcher literal = (file.toString().endsWith(".js") ? JS_STRING : JAVA_STRING).matcher(text);
            while (literal.find()) {
                String value = Stream.of(1, 2, 3).filter(g -> g <= literal.groupCount() && literal.group(g) != null)
                        .map(literal::group).findFirst().orElse("");
                // "SUBMITTED", "submitted": a name in code (an enum's, a column's), not a word for people
                boolean identifier = value.matches("[A-Z_]+|[a-z_]+");
                if (!identifier && RETIRED.contains(value.strip().toLowerCase(Locale.ROOT))) {
                    found.add(ROOT.relativize(file) + ": " + literal.group());
                }
            }
        }
        assertThat(found).as("a status is named through Vocabulary.status, never by a literal").isEmpty();
    }

    private static List<Path> files(String extension) {
        List<Path> found = new ArrayList<>();
        for (Path source : SOURCES) {
            assertThat(source).as("run from the graphql module: %s", source).isDirectory();
            try (Stream<Path> walk = Files.walk(source)) {
                walk.filter(p -> p.toString().endsWith(extension)).forEach(found::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        assertThat(found).as("some %s files", extension).isNotEmpty();
        return found;
    }

    private static Properties load(Path file) {
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(read(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
