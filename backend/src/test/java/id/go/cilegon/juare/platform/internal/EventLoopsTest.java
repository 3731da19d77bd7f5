package id.go.cilegon.juare.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.cilegon.juare.support.IntegrationTest;
import io.netty.util.concurrent.EventExecutor;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.client.ReactorResourceFactory;
import reactor.core.publisher.Flux;
import reactor.netty.resources.LoopResources;

/** ADR 0046: the HTTP server and the database driver each on as many event loops as cores. */
class EventLoopsTest extends IntegrationTest {

    @Autowired
    ConnectionFactory database;
    @Autowired
    ServerEventLoops server;
    @Autowired
    ReactorResourceFactory resources;

    @Test
    void theServerAndTheDatabaseDriverEachHaveOneLoopPerCore() {
        api().newResident(); // requests served: the server's loops are seen
        Set<EventExecutor> serverLoops = loops(EventLoops.SERVER);
        Set<EventExecutor> databaseLoops = loops(EventLoops.DATABASE);
        int cores = Runtime.getRuntime().availableProcessors();

        assertThat(serverLoops).hasSize(cores).doesNotContainAnyElementsOf(databaseLoops);
        assertThat(databaseLoops).hasSize(cores);
        assertThat(resources.getLoopResources()).isSameAs(EventLoops.SERVER);
        assertThat(server.seen()).isNotEmpty().allSatisfy(loop -> assertThat(serverLoops).contains(loop));

        // a statement's rows come back on one of the driver's loops, not on Reactor Netty's global TCP ones
        List<Boolean> onDatabaseLoop = Flux.usingWhen(database.create(),
                        connection -> Flux.from(connection.createStatement("SELECT 1").execute())
                                .flatMap(result -> result.map((row, meta) -> databaseLoops.stream().anyMatch(EventExecutor::inEventLoop))),
                        Connection::close)
                .collectList().block();
        assertThat(onDatabaseLoop).containsExactly(true);
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(thread -> thread.getName().startsWith("reactor-tcp"));
    }

    private static Set<EventExecutor> loops(LoopResources resources) {
        Set<EventExecutor> loops = new HashSet<>();
        resources.onServer(true).iterator().forEachRemaining(loops::add);
        return loops;
    }
}
