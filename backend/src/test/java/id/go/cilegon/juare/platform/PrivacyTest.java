package id.go.cilegon.juare.platform;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.cilegon.juare.support.Api;
import id.go.cilegon.juare.support.IntegrationTest;
import id.go.cilegon.juare.support.TestData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** NIK and phone numbers never appear in plain text: not in a dump of the database, not on disk, not in logs. */
@ExtendWith(OutputCaptureExtension.class)
class PrivacyTest extends IntegrationTest {

    @Test
    void noPlaintextNikOrPhoneInTheDatabaseItsFilesOrTheLog(CapturedOutput output) throws IOException {
        String nik = TestData.nik();
        String phone = TestData.phone();
        api().signIn(nik, phone, "Rahasia");
        String e164 = TestData.e164(phone);

        String dump = logicalDump();
        assertThat(dump).contains("Rahasia"); // the dump is real: it holds the resident's name
        for (String secret : List.of(nik, e164, e164.substring(1), phone)) {
            assertThat(dump).doesNotContain(secret).doesNotContain(hex(secret));
        }

        db.sql("CHECKPOINT").then().block();
        String dataDirectory = db.sql("SHOW data_directory").map(row -> row.get(0, String.class)).one().block();
        assertThat(filesContaining(Path.of(dataDirectory), nik.getBytes(StandardCharsets.US_ASCII))).isEmpty();

        assertThat(output.getAll()).doesNotContain(nik).doesNotContain(e164.substring(3));
    }

    /** Every row of every table of ours, as text: what pg_dump's data section would hold. */
    private String logicalDump() {
        List<String> tables = db.sql("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")
                .map(row -> row.get(0, String.class)).all().collectList().block();
        StringBuilder dump = new StringBuilder();
        for (String table : tables) {
            db.sql("SELECT t::text FROM \"" + table + "\" t").map(row -> row.get(0, String.class)).all()
                    .doOnNext(line -> dump.append(table).append(": ").append(line).append('\n'))
                    .blockLast();
        }
        return dump.toString();
    }

    private static String hex(String text) {
        return HexFormat.of().formatHex(text.getBytes(StandardCharsets.UTF_8));
    }

    private static List<Path> filesContaining(Path root, byte[] needle) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile)
                    .filter(file -> contains(file, needle))
                    .toList();
        }
    }

    private static boolean contains(Path file, byte[] needle) {
        try {
            byte[] content = Files.readAllBytes(file);
            outer:
            for (int i = 0; i + needle.length <= content.length; i++) {
                for (int j = 0; j < needle.length; j++) {
                    if (content[i + j] != needle[j]) {
                        continue outer;
                    }
                }
                return true;
            }
            return false;
        } catch (IOException e) {
            return false; // a file that vanished (WAL recycling) holds nothing now
        }
    }
}
