package id.go.cilegon.juare.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.cilegon.juare.support.IntegrationTest;
import id.go.cilegon.juare.support.RawGraphQlWs;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

/**
 * Issue 10, item 7: clients that hold connections open. Real sockets: slow-loris clients trickling their headers a
 * byte at a time, clients that send half a body and go silent, clients that connect and say nothing. Each must be
 * closed by the server within its timeout (the test profile shortens them), while a normal query still answers.
 */
@Tag("hostile")
class ConnectionHostileTest extends IntegrationTest {

    private static final int SLOW_LORIS = 50;
    private static final int HALF_SENT = 20;
    private static final int SILENT = 20;

    @Value("${juare.server.header-timeout}")
    Duration headerTimeout;

    @Value("${juare.server.read-timeout}")
    Duration readTimeout;

    /** Outcome of one hostile client: whether the server closed it, and after how long. */
    record Outcome(boolean closedByServer, long millis) {
    }

    @Test
    void slowLorisHalfSentAndSilentClientsAreClosedWhileOrdinaryQueriesAnswer() throws Exception {
        // the longest either timeout may take, with room for a loaded machine
        long limitMillis = Math.max(headerTimeout.toMillis(), readTimeout.toMillis()) + 4_000;
        ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor();
        try {
            List<CompletableFuture<Outcome>> slowLoris = new ArrayList<>();
            List<CompletableFuture<Outcome>> halfSent = new ArrayList<>();
            List<CompletableFuture<Outcome>> silent = new ArrayList<>();
            for (int i = 0; i < SLOW_LORIS; i++) {
                slowLoris.add(CompletableFuture.supplyAsync(() -> slowLoris(limitMillis * 2), pool));
            }
            for (int i = 0; i < HALF_SENT; i++) {
                halfSent.add(CompletableFuture.supplyAsync(() -> halfSentBody(limitMillis * 2), pool));
            }
            for (int i = 0; i < SILENT; i++) {
                silent.add(CompletableFuture.supplyAsync(() -> silent(limitMillis * 2), pool));
            }

            // meanwhile the server answers others
            Thread.sleep(1_000);
            long started = System.nanoTime();
            Map<?, ?> answer = api().http().post().uri("/graphql")
                    .header("Content-Type", "application/json")
                    .bodyValue(Map.of("query", "{ categories { code } }"))
                    .exchange()
                    .expectStatus().isOk()
                    .expectBody(Map.class).returnResult().getResponseBody();
            long queryMillis = (System.nanoTime() - started) / 1_000_000;
            assertThat(answer.get("errors")).isNull();

            report("slow-loris", slowLoris, limitMillis);
            report("half-sent body", halfSent, limitMillis);
            report("silent connection", silent, limitMillis);
            System.out.println("HOSTILE connections: ordinary query answered in " + queryMillis + " ms during the attack");
        } finally {
            pool.shutdownNow();
            pool.awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void aKeptAliveConnectionMustStillSendItsNextHeadersInTime() throws Exception {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout((int) (headerTimeout.toMillis() * 3 + 5_000));
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            byte[] body = "{\"query\":\"{ city { name } }\"}".getBytes(StandardCharsets.UTF_8);
            out.write(("POST /graphql HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: "
                    + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            String first = readSome(in);
            assertThat(first).startsWith("HTTP/1.1 200");
            // now a second request trickled: the deadline starts with its first byte
            long started = System.nanoTime();
            boolean closed = trickle(socket, "GET /graphiql HTTP/1.1\r\nHost: localhost\r\nX-Slow: ", headerTimeout.toMillis() * 3);
            long millis = (System.nanoTime() - started) / 1_000_000;
            System.out.println("HOSTILE connections: kept-alive slow-loris closed=" + closed + " after " + millis + " ms");
            assertThat(closed).isTrue();
            assertThat(millis).isLessThan(headerTimeout.toMillis() + 4_000);
        }
    }

    @Test
    void aSlowButSteadyBodyAfter100ContinueIsNotCutByTheHeaderDeadline() throws Exception {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            byte[] body = "{\"query\":\"{ city { name } }\"}".getBytes(StandardCharsets.UTF_8);
            out.write(("POST /graphql HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Expect: 100-continue\r\nContent-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            assertThat(readSome(in)).startsWith("HTTP/1.1 100");
            // the body in three parts, each within the read timeout, in all longer than the header deadline
            long pause = Math.min(readTimeout.toMillis() / 2, headerTimeout.toMillis() / 2 + 100);
            int third = body.length / 3;
            long started = System.nanoTime();
            for (int part = 0; part < 3; part++) {
                Thread.sleep(pause);
                out.write(body, part * third, part == 2 ? body.length - 2 * third : third);
                out.flush();
            }
            String answer = readSome(in);
            System.out.println("HOSTILE connections: a body sent over " + (System.nanoTime() - started) / 1_000_000
                    + " ms after 100 Continue answered " + answer.lines().findFirst().orElse("(closed)"));
            assertThat(answer).startsWith("HTTP/1.1 200");
        }
    }

    @Test
    void aWebSocketOutlivesTheHttpTimeoutsAndStillReceivesEvents() throws Exception {
        id.go.cilegon.juare.support.Api.Resident resident = api().newResident();
        try (RawGraphQlWs ws = new RawGraphQlWs(port)) {
            ws.acknowledged(resident.token());
            // from the resident's first event (after 0): what is tested is the quiet connection, not where it starts
            ws.subscribe("live", id.go.cilegon.juare.graphql.OperationDocuments.load("MyComplaintEvents"), Map.of("after", "0"));
            long quiet = Math.max(headerTimeout.toMillis(), readTimeout.toMillis()) + 2_000;
            Thread.sleep(quiet);
            String complaint = id.go.cilegon.juare.support.Live.submitComplaint(api(), resident.token());
            List<Map<String, Object>> next = ws.awaitMatching(m -> "next".equals(m.get("type"))
                    && String.valueOf(m.get("payload")).contains(complaint), 1, Duration.ofSeconds(15));
            System.out.println("HOSTILE connections: a WebSocket quiet for " + quiet + " ms then received events=" + next.size());
            assertThat(next).as("the event, among all the socket received: %s", ws.seen()).hasSize(1);
        }
    }

    private static void report(String kind, List<CompletableFuture<Outcome>> clients, long limitMillis) {
        List<Outcome> outcomes = clients.stream().map(CompletableFuture::join).toList();
        long closed = outcomes.stream().filter(Outcome::closedByServer).count();
        long slowest = outcomes.stream().mapToLong(Outcome::millis).max().orElse(0);
        System.out.println("HOSTILE connections: " + kind + " clients=" + outcomes.size() + " closedByServer=" + closed
                + " stillOpen=" + (outcomes.size() - closed) + " slowestCloseMs=" + slowest);
        assertThat(closed).as(kind + " clients closed by the server").isEqualTo(outcomes.size());
        assertThat(slowest).as(kind + " closed within the timeout").isLessThan(limitMillis);
    }

    /** Sends a request line and headers a byte every 200 ms, never finishing them. */
    private Outcome slowLoris(long giveUpMillis) {
        long started = System.nanoTime();
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(200);
            boolean closed = trickle(socket, "POST /graphql HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "X-Padding: " + "a".repeat(10_000), giveUpMillis);
            return new Outcome(closed, (System.nanoTime() - started) / 1_000_000);
        } catch (IOException e) {
            return new Outcome(true, (System.nanoTime() - started) / 1_000_000);
        }
    }

    /** Sends complete headers announcing 10,000 bytes, then 10 bytes, then nothing. */
    private Outcome halfSentBody(long giveUpMillis) {
        long started = System.nanoTime();
        try (Socket socket = new Socket("localhost", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /graphql HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 10000\r\n\r\n{\"query\":").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return new Outcome(awaitClose(socket, giveUpMillis), (System.nanoTime() - started) / 1_000_000);
        } catch (IOException e) {
            return new Outcome(true, (System.nanoTime() - started) / 1_000_000);
        }
    }

    /** Connects and sends nothing. */
    private Outcome silent(long giveUpMillis) {
        long started = System.nanoTime();
        try (Socket socket = new Socket("localhost", port)) {
            return new Outcome(awaitClose(socket, giveUpMillis), (System.nanoTime() - started) / 1_000_000);
        } catch (IOException e) {
            return new Outcome(true, (System.nanoTime() - started) / 1_000_000);
        }
    }

    /** Writes one byte every 200 ms; true when the server closed the connection before giveUpMillis. */
    private static boolean trickle(Socket socket, String text, long giveUpMillis) {
        long deadline = System.nanoTime() + giveUpMillis * 1_000_000;
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        try {
            socket.setSoTimeout(200);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            for (int i = 0; System.nanoTime() < deadline; i = (i + 1) % bytes.length) {
                out.write(bytes[i]);
                out.flush();
                try {
                    // the server answers nothing but closes: read returns -1 (or the answer of an error, then -1)
                    if (in.read() < 0) {
                        return true;
                    }
                } catch (SocketTimeoutException stillOpen) {
                    // a byte every 200 ms
                }
            }
            return false;
        } catch (IOException reset) {
            return true;
        }
    }

    private static boolean awaitClose(Socket socket, long giveUpMillis) throws IOException {
        long deadline = System.nanoTime() + giveUpMillis * 1_000_000;
        socket.setSoTimeout(250);
        InputStream in = socket.getInputStream();
        byte[] buffer = new byte[4096];
        while (System.nanoTime() < deadline) {
            try {
                if (in.read(buffer) < 0) {
                    return true;
                }
            } catch (SocketTimeoutException stillOpen) {
                // keep waiting
            } catch (IOException reset) {
                return true;
            }
        }
        return false;
    }

    private static String readSome(InputStream in) throws IOException {
        byte[] buffer = new byte[8192];
        int n = in.read(buffer);
        return n < 0 ? "" : new String(buffer, 0, n, StandardCharsets.ISO_8859_1);
    }
}
