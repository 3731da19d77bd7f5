package id.go.cilegon.juare.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The one message catalogue (docs/adr/0031): both languages have the same keys and the same arguments, every key
 * is used by the backend's code and every key the code names exists; and no message is written in the code as a
 * "Bahasa Indonesia / English" literal any more.
 */
class MessageCatalogueTest {

    private static final Path MAIN = Path.of("src/main/java");
    private static final Path CATALOGUE = Path.of("src/main/resources", Messages.BASENAME);

    /** WhatsApp texts to residents are not API messages (they go to a phone, in both languages by design). */
    private static final Set<String> NOT_API_MESSAGES = Set.of("ResidentTexts.java");

    private static final Pattern STRING_LITERAL = Pattern.compile("\"((?:[^\"\\\\\\n]|\\\\.)*)\"");

    @Test
    void bothLanguagesHaveTheSameKeysAndArguments() throws IOException {
        Properties id = load("id");
        Properties en = load("en");
        assertThat(id.stringPropertyNames()).isNotEmpty().isEqualTo(en.stringPropertyNames());
        for (String key : id.stringPropertyNames()) {
            assertThat(arguments(en.getProperty(key))).as(key).isEqualTo(arguments(id.getProperty(key)));
            assertThat(id.getProperty(key)).as(key).isNotBlank();
            assertThat(en.getProperty(key)).as(key).isNotBlank();
        }
    }

    @Test
    void everyKeyIsUsedAndEveryKeyNamedInTheCodeExists() throws IOException {
        Set<String> keys = load("id").stringPropertyNames();
        Set<String> groups = new TreeSet<>();
        keys.forEach(key -> groups.add(key.substring(0, key.indexOf('.') + 1)));
        Set<String> named = new TreeSet<>();
        for (String literal : literals()) {
            if (literal.matches("[a-z][a-z0-9]*(\\.[a-z0-9-]+)+") && groups.stream().anyMatch(literal::startsWith)) {
                named.add(literal);
            }
        }
        assertThat(new TreeSet<>(keys)).as("keys no code names (unused)").isSubsetOf(named);
        assertThat(named).as("keys the code names that the catalogue lacks").isSubsetOf(keys);
    }

    @Test
    void messagesAreFormattedInOneLanguage() {
        Messages messages = new Messages();
        assertThat(messages.text("id", "limit.depth", 15, 12)).isEqualTo("Permintaan terlalu dalam (kedalaman 15, batas 12)");
        assertThat(messages.text("en", "limit.depth", 15, 12)).isEqualTo("Query too deep (depth 15, limit 12)");
        // a language we do not have is Indonesian, whatever the machine's locale
        Locale machine = Locale.getDefault();
        try {
            Locale.setDefault(Locale.FRANCE);
            assertThat(messages.text("fr", "resident.otp.wrong")).isEqualTo("Kode salah");
            assertThat(messages.text(null, "resident.otp.wrong")).isEqualTo("Kode salah");
        } finally {
            Locale.setDefault(machine);
        }
        assertThat(messages.text("en", "resident.phone-change.number-changed")).isEqualTo("The account's number changed since this request");
        assertThat(messages.text("en", "request.unreadable")).endsWith("send JSON {\"query\": …}");
    }

    @Test
    void theCallersLanguageIsOneOfTwoIndonesianByDefault() {
        assertThat(CallerLanguage.of("en")).isEqualTo("en");
        assertThat(CallerLanguage.of("en-GB,en;q=0.9,id;q=0.8")).isEqualTo("en");
        assertThat(CallerLanguage.of("id-ID,id;q=0.9,en-US;q=0.8,en;q=0.7")).isEqualTo("id");
        assertThat(CallerLanguage.of("fr-FR,de;q=0.5")).isEqualTo("id");
        assertThat(CallerLanguage.of((String) null)).isEqualTo("id");
        assertThat(CallerLanguage.of("!!")).isEqualTo("id");
    }

    /** A literal with " / " between two texts (or a bilingual text's half joined with +) is a message left in the code. */
    @Test
    void noBilingualLiteralInTheBackend() throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                if (NOT_API_MESSAGES.contains(file.getFileName().toString())) {
                    continue;
                }
                List<String> lines = Files.readAllLines(file);
                for (int i = 0; i < lines.size(); i++) {
                    String line = lines.get(i).strip();
                    if (line.startsWith("*") || line.startsWith("//") || line.startsWith("/*")) {
                        continue;
                    }
                    Matcher literal = STRING_LITERAL.matcher(line);
                    while (literal.find()) {
                        if (bilingual(literal.group(1))) {
                            found.add(MAIN.relativize(file) + ":" + (i + 1) + ": " + literal.group());
                        }
                    }
                }
            }
        }
        assertThat(found).as("write the message once per language in " + CATALOGUE + "_{id,en}.properties and name its key").isEmpty();
    }

    static boolean bilingual(String text) {
        int at = text.indexOf(" / ");
        if (at >= 0) {
            return true;
        }
        return text.endsWith(" /") || text.startsWith("/ ");
    }

    @Test
    void theScanKnowsABilingualLiteral() {
        assertThat(bilingual("Kode salah / Wrong code")).isTrue();
        assertThat(bilingual("Permintaan terlalu besar (maksimal ")).isFalse();
        assertThat(bilingual(") / Request too large")).isTrue();
        assertThat(bilingual("Satu permintaan /")).isTrue();
        assertThat(bilingual("/api/photos")).isFalse();
    }

    private static Set<String> literals() throws IOException {
        Set<String> literals = new TreeSet<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher literal = STRING_LITERAL.matcher(Files.readString(file));
                while (literal.find()) {
                    literals.add(literal.group(1));
                }
            }
        }
        return literals;
    }

    private static int arguments(String message) {
        return new MessageFormat(message).getFormatsByArgumentIndex().length;
    }

    private static Properties load(String language) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(Path.of(CATALOGUE + "_" + language + ".properties"), StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }
}
