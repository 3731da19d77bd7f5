package id.go.cilegon.juare.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.cilegon.juare.support.IntegrationTest;
import io.netty.channel.EventLoopGroup;
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

/** ADR 0046: the HTTP server and the database driver on one set of event loops, one per core. */
class EventLoopsTest extends IntegrationTest {

    @Autowired
    ConnectionFactory database;
    @Autowired
    ServerEventLoops server;
    @Autowired
    ReactorResourceFactory resources;

    @Test
    void theServerAndTheDatabaseDriverShareOneLoopPerCore() {
        api().newResident(); // requests served: the server's loops are seen
        Set<EventExecutor> shared = new HashSet<>();
        EventLoopGroup group = EventLoops.SHARED.onServer(true);
        group.iterator().forEachRemaining(shared::add);

        assertThat(shared).hasSize(Runtime.getRuntime().availableProcessors());
        assertThat(resources.getLoopResources()).isSameAs(EventLoops.SHARED);
        assertThat(server.seen()).isNotEmpty().allSatisfy(loop -> assertThat(shared).contains(loop));

        // a statement's rows come back on one of those loops, not on a loop group of the driver's own
        List<Boolean> onSharedLoop = Flux.usingWhen(database.create(),
                        connection -> Flux.from(connection.createStatement("SELECT 1").execute())
                                .flatMap(result -> result.map((row, meta) -> shared.stream().anyMatch(EventExecutor::inEventLoop))),
                        Connection::close)
                .collectList().block();
        assertThat(onSharedLoop).containsExactly(true);
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(thread -> thread.getName().startsWith("reactor-tcp"));
    }
}
