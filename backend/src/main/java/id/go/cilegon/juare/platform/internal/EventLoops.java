package id.go.cilegon.juare.platform.internal;

import io.r2dbc.postgresql.PostgresqlConnectionFactoryProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.r2dbc.autoconfigure.ConnectionFactoryOptionsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.ReactorResourceFactory;
import reactor.netty.resources.LoopResources;

/**
 * As many event loops as cores for the HTTP server (and the WebSocket, and our HTTP clients), and as many for the
 * database driver (ADR 0046). Reactor Netty's defaults are {@code max(cores, 4)} of each: eight loop threads on two
 * cores, every request hopping server loop → driver loop → server loop, each hop waking one of them. On two cores,
 * complaint(id) at 16 connections took 1.5–2.5 ms of CPU per request with the defaults and 1.15 with two and two; one
 * event to 10,000 subscribers was delivered faster and a submit meanwhile waited less. The driver keeps loops of its
 * own: on the server's, a submit's rows waited behind the frames of a fan-out (docs/benchmarks/reads.md, round 4).
 * {@code juare.io.core-loops=false} gives back Reactor Netty's defaults (to measure against them).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "juare.io.core-loops", havingValue = "true", matchIfMissing = true)
class EventLoops {

    private static final int CORES = Math.max(1, Runtime.getRuntime().availableProcessors());

    /**
     * For the whole JVM, never disposed (daemon threads): test contexts come and go and share them, and the database
     * pool, closed after Spring's lifecycle has stopped, still needs its loops then.
     */
    static final LoopResources SERVER = LoopResources.create("juare-http", CORES, true);
    static final LoopResources DATABASE = LoopResources.create("juare-db", CORES, true);

    /** The server's and our HTTP clients' loops (Boot's own factory would take Reactor Netty's global ones). */
    @Bean
    ReactorResourceFactory reactorResourceFactory() {
        ReactorResourceFactory factory = new ReactorResourceFactory();
        factory.setUseGlobalResources(false);
        factory.setLoopResources(SERVER);
        return factory;
    }

    /** The database driver's loops (its own default: Reactor Netty's global TCP ones, {@code max(cores, 4)}). */
    @Bean
    ConnectionFactoryOptionsBuilderCustomizer databaseLoops() {
        return options -> options.option(PostgresqlConnectionFactoryProvider.LOOP_RESOURCES, DATABASE);
    }
}
