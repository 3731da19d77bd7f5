package id.go.cilegon.juare.open311;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.cilegon.juare.support.Api;
import id.go.cilegon.juare.support.IntegrationTest;
import id.go.cilegon.juare.support.NodeProject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real Open311 client nobody here wrote, the npm {@code open311} package (0.0.12), against the test server:
 * discovery (with its endpoint taken from our discovery file), services, a service definition, POST a request with a
 * resident's token as its api key, a retry with the same attribute[client_request_id], GET the request, GET requests.
 * Its XML parsers are stubbed (src/test/open311-client/README.md), so it runs in JSON; XML is Open311Test's.
 * Needs node and npm (scripts/setup.sh; the registry on the first run).
 */
class Open311ClientTest extends IntegrationTest {

    @Test
    void theNpmOpen311ClientDrivesTheWholeLoop() throws Exception {
        NodeProject client = NodeProject.install("open311-client", "open311");
        Api.Resident resident = api().newResident();

        NodeProject.Result result = client.run(180, null, "node", "client.js", "http://localhost:" + port, resident.token());

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
}
