package id.go.cilegon.juare.platform;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import reactor.core.publisher.Mono;

/**
 * Work that one instance of the cluster does at a time (the clock job, the photo clean-up): it runs while this
 * instance holds a PostgreSQL session advisory lock, on a connection of its own, and is skipped when another
 * instance holds it. A dying instance's lock goes with its connection.
 */
public final class ClusterLock {

    private ClusterLock() {
    }

    /** The work's result, or empty (and nothing run) when another instance holds {@code key}. */
    public static <T> Mono<T> runAlone(ConnectionFactory connections, long key, Mono<T> work) {
        return Mono.usingWhen(connections.create(), connection -> runLocked(connection, key, work), Connection::close);
    }

    private static <T> Mono<T> runLocked(Connection connection, long key, Mono<T> work) {
        return Mono.from(connection.createStatement("SELECT pg_try_advisory_lock($1) AS locked").bind("$1", key).execute())
                .flatMap(result -> Mono.from(result.map(row -> Boolean.TRUE.equals(row.get("locked", Boolean.class)))))
                .flatMap(locked -> locked
                        ? work.flatMap(value -> unlock(connection, key).thenReturn(value))
                                .switchIfEmpty(unlock(connection, key).then(Mono.empty()))
                                .onErrorResume(e -> unlock(connection, key).then(Mono.error(e)))
                        : Mono.empty());
    }

    private static Mono<Void> unlock(Connection connection, long key) {
        return Mono.from(connection.createStatement("SELECT pg_advisory_unlock($1)").bind("$1", key).execute())
                .flatMap(result -> Mono.from(result.getRowsUpdated()))
                .then();
    }
}
