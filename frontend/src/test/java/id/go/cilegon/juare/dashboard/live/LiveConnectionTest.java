package id.go.cilegon.juare.dashboard.live;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.cilegon.juare.dashboard.backend.BackendClient;
import id.go.cilegon.juare.dashboard.backend.BackendSession;
import id.go.cilegon.juare.dashboard.backend.RunningBackend;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The dashboard's one live-events subscription against the real backend (demo data, the service account from
 * {@link RunningBackend#DASHBOARD_PASSWORD}): an operator's action reaches it mapped, and after a dropped
 * connection or a stop nothing is lost or passed on twice.
 */
class LiveConnectionTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private final BlockingQueue<ComplaintEvent> events = new LinkedBlockingQueue<>();
    private final BlockingQueue<LiveState> states = new LinkedBlockingQueue<>();
    private BackendClient client;
    private BackendSession operator;
    private LiveConnection connection;

    @BeforeEach
    void connect() {
        client = new BackendClient(RunningBackend.get().properties(), Clock.systemUTC());
        operator = client.login("operator", RunningBackend.DEMO_PASSWORD);
        LiveProperties properties = new LiveProperties("dashboard", RunningBackend.DASHBOARD_PASSWORD, Duration.ofMillis(300),
                Duration.ofSeconds(5), Duration.ofSeconds(1), Duration.ofSeconds(30), 500, 0);
        connection = new LiveConnection(client, RunningBackend.get().properties(), properties, Clock.systemUTC(), events::add, states::add);
        connection.start();
        awaitState(LiveState.LIVE);
    }

    @AfterEach
    void disconnect() {
        if (connection != null) {
            connection.stop();
        }
    }

    @Test
    void anOperatorsDispatchReachesTheDashboardMapped() {
        Map<String, Object> waiting = firstSubmitted();
        String complaintId = (String) waiting.get("id");
        Map<?, ?> dispatched = client.execute(operator, "Dispatch",
                        Map.of("input", Map.of("complaintId", complaintId, "opdCode", "DLH")))
                .field("dispatch").toEntity(Map.class);
        assertThat((List<?>) dispatched.get("errors")).isEmpty();

        ComplaintEvent event = next(e -> complaintId.equals(e.complaintId()));
        assertThat(event.type()).isEqualTo("DISPATCHED");
        assertThat(event.status()).isEqualTo("DISPATCHED");
        assertThat(event.opdCode()).isEqualTo("DLH");
        assertThat(event.trackingNumber()).isEqualTo(waiting.get("trackingNumber"));
        assertThat(event.actor()).isEqualTo("STAFF");
        assertThat(event.at()).isNotNull();
        assertThat(event.kecamatanCode()).startsWith("36.72.");
        assertThat(event.categoryCode()).isNotBlank();
        assertThat(event.lat()).isBetween(-6.2, -5.8);
        assertThat(event.lng()).isBetween(105.9, 106.2);
        assertThat(Long.parseLong(event.id())).isEqualTo(connection.lastEventId());
    }

    @Test
    void afterADroppedConnectionItResumesWithNothingLostOrTwice() {
        String complaintId = (String) firstSubmitted().get("id");
        note(complaintId, "catatan 1");
        long first = Long.parseLong(next(e -> complaintId.equals(e.complaintId())).id());

        // the WebSocket goes down; notes while it is down come when it is back, and so do those after
        connection.dropConnection();
        awaitState(LiveState.OFFLINE);
        note(complaintId, "catatan 2");
        note(complaintId, "catatan 3");
        awaitState(LiveState.LIVE);
        note(complaintId, "catatan 4");

        List<Long> ids = nextIds(complaintId, 3);
        assertThat(ids).isSorted().doesNotHaveDuplicates().allSatisfy(id -> assertThat(id).isGreaterThan(first));
        assertNothingMoreFor(complaintId, ids.getLast());
    }

    @Test
    void afterAStopItStartsAgainWhereItLeftOff() {
        String complaintId = (String) firstSubmitted().get("id");
        note(complaintId, "sebelum berhenti");
        long before = Long.parseLong(next(e -> complaintId.equals(e.complaintId())).id());

        connection.stop();
        note(complaintId, "selama berhenti 1");
        note(complaintId, "selama berhenti 2");
        connection.start();
        awaitState(LiveState.LIVE);
        note(complaintId, "setelah mulai lagi");

        List<Long> ids = nextIds(complaintId, 3);
        assertThat(ids).isSorted().doesNotHaveDuplicates().allSatisfy(id -> assertThat(id).isGreaterThan(before));
        assertNothingMoreFor(complaintId, ids.getLast());
    }

    @Test
    void theFirstStartBringsTheLatestFewEventsFromBefore() {
        String complaintId = (String) firstSubmitted().get("id");
        note(complaintId, "terbaru sebelum mulai");
        long newest = Long.parseLong(next(e -> complaintId.equals(e.complaintId())).id());

        BlockingQueue<ComplaintEvent> backlog = new LinkedBlockingQueue<>();
        LiveProperties three = new LiveProperties("dashboard", RunningBackend.DASHBOARD_PASSWORD, Duration.ofMillis(300),
                Duration.ofSeconds(5), Duration.ofSeconds(1), Duration.ofSeconds(30), 500, 3);
        LiveConnection another = new LiveConnection(client, RunningBackend.get().properties(), three, Clock.systemUTC(),
                backlog::add, state -> { });
        another.start();
        try {
            List<Long> ids = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                ComplaintEvent event = backlog.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
                assertThat(event).isNotNull();
                ids.add(Long.parseLong(event.id()));
            }
            // consecutive, ours among them (the backend's clock job may add an overdue event meanwhile)
            assertThat(ids).containsExactly(ids.getFirst(), ids.getFirst() + 1, ids.getFirst() + 2).contains(newest);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        } finally {
            another.stop();
        }
    }

    @Test
    void theWebSocketAddressFollowsTheBackendsScheme() {
        assertThat(LiveConnection.webSocketUrl(URI.create("http://localhost:8080/graphql"))).hasToString("ws://localhost:8080/graphql");
        assertThat(LiveConnection.webSocketUrl(URI.create("https://juare.cilegon.go.id/graphql")))
                .hasToString("wss://juare.cilegon.go.id/graphql");
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> firstSubmitted() {
        List<Map<String, Object>> edges = client.execute(operator, "IntakeQueue", Map.of("first", 1))
                .field("intakeQueue.edges").toEntity(List.class);
        assertThat(edges).as("the demo data has complaints waiting for an operator").isNotEmpty();
        return (Map<String, Object>) edges.getFirst().get("node");
    }

    private void note(String complaintId, String note) {
        Map<?, ?> payload = client.execute(operator, "AddInternalNote", Map.of("input", Map.of("complaintId", complaintId, "note", note)))
                .field("addInternalNote").toEntity(Map.class);
        assertThat((List<?>) payload.get("errors")).isEmpty();
    }

    private ComplaintEvent next(Predicate<ComplaintEvent> wanted) {
        try {
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (true) {
                ComplaintEvent event = events.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                assertThat(event).as("an event within %s", WAIT).isNotNull();
                if (wanted.test(event)) {
                    return event;
                }
            }
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<Long> nextIds(String complaintId, int count) {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ComplaintEvent event = next(e -> complaintId.equals(e.complaintId()));
            assertThat(event.type()).isEqualTo("INTERNAL_NOTE");
            ids.add(Long.parseLong(event.id()));
        }
        return ids;
    }

    /** A repeat would come before a new event: the next one for the complaint must be newer than the last. */
    private void assertNothingMoreFor(String complaintId, long lastId) {
        note(complaintId, "penutup uji");
        assertThat(Long.parseLong(next(e -> complaintId.equals(e.complaintId())).id())).isGreaterThan(lastId);
    }

    private void awaitState(LiveState wanted) {
        try {
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (true) {
                LiveState state = states.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                assertThat(state).as("the connection %s within %s", wanted, WAIT).isNotNull();
                if (state == wanted) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
