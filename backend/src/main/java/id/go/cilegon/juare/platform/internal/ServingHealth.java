package id.go.cilegon.juare.platform.internal;

import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

/**
 * Liveness ("serving"): does the public port still answer HTTP? After an OutOfMemoryError the JVM can live on
 * with its event loops dead, answering nothing, while the management port (its own server) still would. Any
 * HTTP answer within the timeout counts; none means the process should be restarted.
 */
@Component("serving")
class ServingHealth implements ReactiveHealthIndicator {

    private final WebClient client = WebClient.create();
    private final Duration timeout;
    private volatile int port = -1;

    ServingHealth(@Value("${juare.health.serving-timeout:5s}") Duration timeout) {
        this.timeout = timeout;
    }

    @EventListener
    void serverStarted(WebServerInitializedEvent event) {
        if (event.getApplicationContext().getServerNamespace() == null) {
            port = event.getWebServer().getPort();
        }
    }

    @Override
    public Mono<Health> health() {
        if (port < 0) {
            return Mono.just(Health.unknown().withDetail("port", "not started").build());
        }
        return client.get().uri("http://127.0.0.1:" + port + "/graphql")
                .exchangeToMono(response -> response.releaseBody().thenReturn(Health.up().withDetail("port", port).build()))
                .timeout(timeout)
                .onErrorResume(e -> Mono.just(Health.down().withDetail("port", port).withDetail("error", e.getClass().getSimpleName()).build()));
    }
}
