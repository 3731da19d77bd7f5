package id.go.cilegon.juare.support;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ConnectionFactoryMetadata;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.reactivestreams.Publisher;
import org.springframework.context.ApplicationContext;
import org.springframework.r2dbc.connection.R2dbcTransactionManager;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.test.util.ReflectionTestUtils;
import reactor.core.publisher.Mono;

/**
 * What the application sends to PostgreSQL while serving HTTP requests: every statement, BEGIN, COMMIT and ROLLBACK,
 * in order, each with the number of the pooled connection it went over. Installed between the application's
 * DatabaseClient / transaction manager and the pool (the same beans, no second context); background work (the event
 * listener, the clock, the outbox) runs outside any request, so it is left out: a connection counts when it was
 * taken in a request's Reactor context (one that carries the security context).
 */
public final class StatementLog implements AutoCloseable {

    /** One thing sent: {@code connection} numbers the connection taken from the pool (1, 2, …, per log). */
    public record Sent(int connection, String sql) {

        @Override
        public String toString() {
            return "#" + connection + " " + sql.strip().replaceAll("\\s+", " ");
        }
    }

    private final List<Sent> sent = new CopyOnWriteArrayList<>();
    private final AtomicInteger connections = new AtomicInteger();
    private final DatabaseClient client;
    private final R2dbcTransactionManager transactions;
    private final ConnectionFactory original;

    private StatementLog(ApplicationContext context) {
        this.client = context.getBean(DatabaseClient.class);
        this.transactions = context.getBean(R2dbcTransactionManager.class);
        this.original = transactions.getConnectionFactory();
        ConnectionFactory recording = recording(original);
        ReflectionTestUtils.setField(client, "connectionFactory", recording);
        transactions.setConnectionFactory(recording);
    }

    /** Starts recording; {@link #close()} puts the application's connection factory back. */
    public static StatementLog start(ApplicationContext context) {
        return new StatementLog(context);
    }

    public List<Sent> sent() {
        return List.copyOf(sent);
    }

    /** The statements and transaction commands, one line each (whitespace folded). */
    public List<String> lines() {
        return sent.stream().map(Sent::toString).toList();
    }

    /** How many connections were taken from the pool. */
    public int connectionsTaken() {
        Set<Integer> used = new LinkedHashSet<>();
        sent.forEach(s -> used.add(s.connection()));
        return used.size();
    }

    public void clear() {
        sent.clear();
        connections.set(0);
    }

    @Override
    public void close() {
        ReflectionTestUtils.setField(client, "connectionFactory", original);
        transactions.setConnectionFactory(original);
    }

    private ConnectionFactory recording(ConnectionFactory delegate) {
        return new ConnectionFactory() {
            @Override
            public Publisher<? extends Connection> create() {
                return Mono.deferContextual(context -> {
                    Mono<Connection> created = Mono.from(delegate.create());
                    return context.hasKey(SecurityContext.class)
                            ? created.map(connection -> recording(connection, connections.incrementAndGet()))
                            : created;
                });
            }

            @Override
            public ConnectionFactoryMetadata getMetadata() {
                return delegate.getMetadata();
            }
        };
    }

    private Connection recording(Connection delegate, int number) {
        InvocationHandler handler = (proxy, method, args) -> {
            switch (method.getName()) {
                case "createStatement" -> sent.add(new Sent(number, (String) args[0]));
                case "beginTransaction" -> sent.add(new Sent(number, "BEGIN"));
                case "commitTransaction" -> sent.add(new Sent(number, "COMMIT"));
                case "rollbackTransaction" -> sent.add(new Sent(number, "ROLLBACK"));
                case "setTransactionIsolationLevel", "setAutoCommit", "setStatementTimeout", "setLockWaitTimeout",
                     "createSavepoint", "releaseSavepoint", "rollbackTransactionToSavepoint" ->
                        sent.add(new Sent(number, method.getName() + (args == null ? "" : " " + List.of(args))));
                default -> {
                }
            }
            try {
                return method.invoke(delegate, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        List<Class<?>> interfaces = new ArrayList<>(List.of(delegate.getClass().getInterfaces()));
        if (!interfaces.contains(Connection.class)) {
            interfaces.add(Connection.class);
        }
        return (Connection) Proxy.newProxyInstance(StatementLog.class.getClassLoader(), interfaces.toArray(Class<?>[]::new), handler);
    }
}
