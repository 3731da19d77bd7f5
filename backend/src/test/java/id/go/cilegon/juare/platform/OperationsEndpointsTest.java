package id.go.cilegon.juare.platform;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.cilegon.juare.support.IntegrationTest;
import id.go.cilegon.juare.support.Live;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Health, readiness and metrics on the management port, as an operator's probes and Prometheus see them; and not on
 * the public port.
 */
class OperationsEndpointsTest extends IntegrationTest {

    @LocalManagementPort
    int managementPort;

    @Autowired
    DatabaseGauges gauges;

    private WebTestClient management() {
        // the Prometheus page grows with every operation's latency histogram: past WebClient's 256 KiB default
        return WebTestClient.bindToServer().baseUrl("http://localhost:" + managementPort)
                .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(16 * 1024 * 1024))
                .responseTimeout(Duration.ofSeconds(30)).build();
    }

    @Test
    void readinessNamesTheDatabaseTheListenConnectionAndTheOutbox() {
        assertThat(managementPort).isNotEqualTo(port);
        Map<?, ?> readiness = management().get().uri("/actuator/health/readiness").exchange()
                .expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        assertThat(readiness.get("status")).isEqualTo("UP");
        assertThat(java.util.List.copyOf(((Map<?, ?>) readiness.get("components")).keySet()).stream().map(String::valueOf).toList()).contains("r2dbc", "listen", "outbox", "readinessState");
    }

    @Test
    void livenessAsksWhetherThePublicPortAnswers() {
        Map<?, ?> liveness = management().get().uri("/actuator/health/liveness").exchange()
                .expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        Map<?, ?> serving = (Map<?, ?>) ((Map<?, ?>) liveness.get("components")).get("serving");
        assertThat(serving.get("status")).isEqualTo("UP");
        assertThat(((Map<?, ?>) serving.get("details")).get("port")).isEqualTo(port);
    }

    @Test
    void prometheusShowsThePlatformsOwnMeters() {
        Live.submitComplaint(api(), api().newResident().token());
        gauges.refresh().block(Duration.ofSeconds(30));
        String metrics = management().get().uri("/actuator/prometheus").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(metrics)
                .contains("juare_graphql_requests_seconds_bucket{")
                .containsPattern("juare_graphql_requests_seconds_count\\{[^}]*operation=\"submitComplaint\"[^}]*outcome=\"ok\"")
                .containsPattern("juare_complaints\\{[^}]*status=\"SUBMITTED\"[^}]*} [1-9]")
                .containsPattern("juare_events_appended\\{[^}]*} [1-9]")
                .contains("juare_subscriptions_live", "juare_outbox_waiting", "juare_outbox_given_up", "juare_events_delivered")
                .doesNotContainPattern("3672\\d{12}");
    }

    /** Each request is timed once (http.server.requests, juare.graphql.requests), not per security filter again. */
    @Test
    void requestsAreTimedOnceNotPerSecurityFilterOrAgainAsGraphQl() {
        Live.submitComplaint(api(), api().newResident().token());
        String metrics = management().get().uri("/actuator/prometheus").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(metrics)
                .containsPattern("http_server_requests_seconds_count\\{[^}]*uri=\"/graphql\"")
                .contains("juare_graphql_requests_seconds_count{")
                .doesNotContain("spring_security_filterchains", "spring_security_authentications", "spring_security_authorizations",
                        "graphql_request_seconds");
    }

    @Test
    void thePublicPortHasNoManagementEndpoints() {
        api().http().get().uri("/actuator/health").exchange().expectStatus().value(status -> assertThat(status).isIn(401, 403, 404));
        api().http().get().uri("/actuator/prometheus").exchange().expectStatus().value(status -> assertThat(status).isIn(401, 403, 404));
    }
}
