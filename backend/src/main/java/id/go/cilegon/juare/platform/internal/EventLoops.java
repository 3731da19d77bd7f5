package id.go.cilegon.juare.platform.internal;

import io.r2dbc.postgresql.PostgresqlConnectionFactoryProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.r2dbc.autoconfigure.ConnectionFactoryOptionsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.ReactorResourceFactory;
import reactor.netty.resources.LoopResources;

/**
 * One set of event loops, one per core, for the HTTP server (and the WebSocket, and our HTTP clients) and the
 * database driver (ADR 0046). Reactor Netty's defaults are four loops for the server and four more for the driver
 * even on two cores: every request hopped server loop → driver loop → server loop, each hop waking a sleeping
 * thread. On two cores, complaint(id) at 16 connections took 1.5–2.5 ms of CPU per request with the defaults and
 * 0.9–1.2 ms with one set of two (docs/benchmarks/reads.md, round 4). A connection made on a loop stays on it
 * (colocation), so a request often finds its database connection on its own thread.
 * {@code juare.io.shared-loops=false} gives back Reactor Netty's defaults (to measure against them).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "juare.io.shared-loops", havingValue = "true", matchIfMissing = true)
class EventLoops {

    /**
     * For the whole JVM, never disposed (daemon threads): test contexts come and go and share it, and the database
     * pool, closed after Spring's lifecycle has stopped, still needs its loops then.
     */
    static final LoopResources SHARED = LoopResources.create("juare-io", Math.max(1, Runtime.getRuntime().availableProcessors()), true);

    /** The server's and our HTTP clients' loops (Boot's own factory would take Reactor Netty's global ones). */
    @Bean
    ReactorResourceFactory reactorResourceFactory() {
        ReactorResourceFactory factory = new ReactorResourceFactory();
        factory.setUseGlobalResources(false);
        factory.setLoopResources(SHARED);
        return factory;
    }

    /** The database driver's loops: the same. */
    @Bean
    ConnectionFactoryOptionsBuilderCustomizer databaseOnServerLoops() {
        return options -> options.option(PostgresqlConnectionFactoryProvider.LOOP_RESOURCES, SHARED);
    }
}
