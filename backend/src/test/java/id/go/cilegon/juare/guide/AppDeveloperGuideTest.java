package id.go.cilegon.juare.guide;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.cilegon.juare.support.IntegrationTest;
import id.go.cilegon.juare.support.TestData;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The app developers' guide stays true: its example script (docs/examples/first-hour.sh, curl and jq) runs against
 * the real backend, step by step, with the sign-in code typed in as a developer would.
 */
class AppDeveloperGuideTest extends IntegrationTest {

    private static final Path EXAMPLES = Path.of("..", "docs", "examples");

    @Test
    void theFirstHourScriptRunsAgainstTheRealBackend() throws Exception {
        String phone = TestData.phone();
        Path output = Files.createTempFile("first-hour", ".log");
        ProcessBuilder builder = new ProcessBuilder("bash", EXAMPLES.resolve("first-hour.sh").toString())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile());
        builder.environment().put("JUARE_API", "http://localhost:" + port);
        builder.environment().put("NIK", TestData.nik());
        builder.environment().put("PHONE", phone);
        builder.environment().put("LANG_PREF", "en");
        Process script = builder.start();
        try (OutputStream stdin = script.getOutputStream()) {
            stdin.write((codeSentTo(phone, script) + "\n").getBytes(StandardCharsets.US_ASCII));
        }
        boolean ended = script.waitFor(120, TimeUnit.SECONDS);
        String log = Files.readString(output);
        assertThat(ended).as(log).isTrue();
        assertThat(script.exitValue()).as(log).isZero();
        assertThat(log).contains("== 10.").contains("TOKEN_INVALID").contains("Done: complaint");
        // the refusal is in the language asked for, and only in it
        assertThat(log).contains("\"code\":\"UNKNOWN_CATEGORY\",\"message\":\"Unknown category\"");
    }

    /** The code the stub received for this number, once the script has asked for one. */
    private static String codeSentTo(String phone, Process script) throws IOException {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (true) {
            try {
                return WHATSAPP.lastCodeFor(TestData.e164(phone));
            } catch (AssertionError notYet) {
                if (!script.isAlive() || System.nanoTime() > deadline) {
                    throw new IOException("the script asked for no code (exit " + (script.isAlive() ? "-" : script.exitValue())
                            + ")", notYet);
                }
            }
        }
    }
}
