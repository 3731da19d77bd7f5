package id.go.cilegon.juare.open311;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import id.go.cilegon.juare.support.Api;
import id.go.cilegon.juare.support.IntegrationTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real Open311 client nobody here wrote, the npm {@code open311} package (0.0.12), against the test server:
 * discovery (with its endpoint taken from our discovery file), services, a service definition, POST a request with a
 * resident's token as its api key, a retry with the same attribute[client_request_id], GET the request, GET requests.
 * Its XML parsers are stubbed (src/test/open311-client/README.md), so it runs in JSON; XML is Open311Test's.
 * Needs node and npm (the registry on first run); skipped without node.
 */
class Open311ClientTest extends IntegrationTest {

    private static final Path SOURCE = Path.of("src/test/open311-client");
    private static final Path WORK = Path.of("target/open311-client");

    @Test
    void theNpmOpen311ClientDrivesTheWholeLoop() throws Exception {
        assumeTrue(run(Path.of("."), 30, "node", "--version").exitCode() == 0, "node is not installed");
        install();
        Api.Resident resident = api().newResident();

        Result result = run(WORK, 180, "node", "client.js", "http://localhost:" + port, resident.token());

        assertThat(result.exitCode()).as(result.output()).isZero();
        JsonNode out = JsonMapper.builder().build().readTree(result.output());
        assertThat(out.get("endpoint").asString()).isEqualTo("http://localhost:" + port + "/open311/v2/");
        assertThat(out.get("services").toString()).contains("\"service_code\":\"JALAN\"");
        assertThat(out.get("definition").get("service_code").asString()).isEqualTo("JALAN");
        String id = out.get("created").get(0).get("service_request_id").asString();
        assertThat(out.get("retried").get(0).get("service_request_id").asString()).isEqualTo(id);
        assertThat(out.get("request").get(0).get("service_request_id").asString()).isEqualTo(id);
        assertThat(out.get("request").get(0).get("status").asString()).isEqualTo("open");
        assertThat(out.get("requests").toString()).contains(id);
        assertThat(result.output()).doesNotContain(resident.nik(), resident.phone().substring(1));
    }

    /** The guide's curl example (docs/examples/open311.sh) runs against the real backend. */
    @Test
    void theCurlExampleRuns() throws Exception {
        Api.Resident resident = api().newResident();
        ProcessBuilder builder = new ProcessBuilder("bash", Path.of("..", "docs", "examples", "open311.sh").toString())
                .redirectErrorStream(true);
        builder.environment().put("JUARE_API", "http://localhost:" + port);
        builder.environment().put("TOKEN", resident.token());
        Process script = builder.start();
        String log = new String(script.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(script.waitFor(120, TimeUnit.SECONDS)).as(log).isTrue();
        System.out.println(log);
        assertThat(script.exitValue()).as(log).isZero();
        assertThat(log).contains("<service_requests>", "IDEMPOTENCY_KEY_REUSED", "Done: service request");
    }

    /** The committed package.json and lock into target/, then npm ci (once per build directory). */
    private static void install() throws IOException, InterruptedException {
        if (Files.isDirectory(WORK.resolve("node_modules/open311"))) {
            copy();
            return;
        }
        copy();
        Result ci = run(WORK, 300, "npm", "ci", "--no-audit", "--no-fund");
        assertThat(ci.exitCode()).as(ci.output()).isZero();
    }

    private static void copy() throws IOException {
        try (Stream<Path> files = Files.walk(SOURCE)) {
            for (Path file : files.toList()) {
                Path target = WORK.resolve(SOURCE.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    record Result(int exitCode, String output) {
    }

    private static Result run(Path directory, int seconds, String... command) throws InterruptedException {
        try {
            // stdout is the answer; stderr goes to the test's log
            Process process = new ProcessBuilder(List.of(command)).directory(directory.toFile())
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            byte[] stdout = process.getInputStream().readAllBytes();
            if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return new Result(-1, "timed out");
            }
            return new Result(process.exitValue(), new String(stdout, StandardCharsets.UTF_8).strip());
        } catch (IOException e) {
            return new Result(-1, e.getMessage());
        }
    }
}
