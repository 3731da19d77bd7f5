package id.go.cilegon.juare.dashboard.base;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.cilegon.juare.dashboard.DashboardIT;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalManagementPort;

/** The dashboard's health and metrics on its management port, as a probe and Prometheus see them; not on its public port. */
class OperationsEndpointsTest extends DashboardIT {

    @LocalManagementPort
    int managementPort;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private HttpResponse<String> get(int port, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(Duration.ofSeconds(20)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void healthAndMetricsShowTheLiveConnection() throws Exception {
        assertThat(managementPort).isNotEqualTo(port);
        assertThat(get(managementPort, "/actuator/health/readiness").statusCode()).isEqualTo(200);
        // the live subscription comes up against the real backend (the test JVM's one)
        Instant deadline = Instant.now().plusSeconds(60);
        String health = get(managementPort, "/actuator/health").body();
        while (!health.contains("\"state\":\"LIVE\"") && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
            health = get(managementPort, "/actuator/health").body();
        }
        assertThat(health).contains("\"live\"").contains("\"state\":\"LIVE\"");
        String metrics = get(managementPort, "/actuator/prometheus").body();
        assertThat(metrics)
                .containsPattern("juare_dashboard_live_state\\{[^}]*state=\"LIVE\"[^}]*} 1")
                .contains("juare_dashboard_sessions", "juare_dashboard_uis", "juare_dashboard_live_screens");
    }

    @Test
    void thePublicPortHasNoManagementEndpoints() throws Exception {
        HttpResponse<String> response = get(port, "/actuator/prometheus");
        assertThat(response.body()).doesNotContain("juare_dashboard");
    }
}
