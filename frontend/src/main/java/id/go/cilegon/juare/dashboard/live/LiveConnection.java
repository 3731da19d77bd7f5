package id.go.cilegon.juare.dashboard.live;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import id.go.cilegon.juare.dashboard.backend.BackendClient;
import id.go.cilegon.juare.dashboard.backend.BackendException;
import id.go.cilegon.juare.dashboard.backend.SessionOverException;
import id.go.cilegon.juare.dashboard.backend.BackendProperties;
import id.go.cilegon.juare.dashboard.backend.BackendSession;
import id.go.cilegon.juare.graphql.OperationDocuments;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.graphql.client.ClientGraphQlResponse;
import org.springframework.graphql.client.WebSocketGraphQlClient;
import org.springframework.graphql.client.WebSocketGraphQlClientInterceptor;
import org.springframework.web.reactive.socket.client.StandardWebSocketClient;
import reactor.core.publisher.Mono;

/**
 * The dashboard server's one graphql-ws subscription to {@code complaintEvents}, kept up by a thread of its own:
 * signs in with the service account, opens the WebSocket (the bearer token goes in connection_init), subscribes
 * after the last event it passed on, and on any loss waits (1 s doubling to 30 s; back to 1 s after a good
 * connection) and does it again, so that after a disconnect or a backend restart no event is lost or passed on twice.
 * The first time it starts a few events before the backend's newest ({@code recent}), so nothing between start-up and
 * subscription is lost either.
 */
final class LiveConnection {

    private static final Logger log = LoggerFactory.getLogger(LiveConnection.class);
    private static final int CONNECT_TRIES = 3;

    private final BackendClient backend;
    private final BackendProperties backendProperties;
    private final LiveProperties properties;
    private final Clock clock;
    private final Consumer<ComplaintEvent> onEvent;
    private final Consumer<LiveState> onState;
    private final URI webSocketUrl;
    private final String document;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition wake = lock.newCondition();
    private volatile boolean running;
    private volatile Thread thread;
    private volatile WebSocketGraphQlClient current;
    private volatile Long lastEventId;
    private BackendSession session;

    LiveConnection(BackendClient backend, BackendProperties backendProperties, LiveProperties properties, Clock clock,
                   Consumer<ComplaintEvent> onEvent, Consumer<LiveState> onState) {
        this.backend = backend;
        this.backendProperties = backendProperties;
        this.properties = properties;
        this.clock = clock;
        this.onEvent = onEvent;
        this.onState = onState;
        this.webSocketUrl = webSocketUrl(backendProperties.graphQlUrl());
        this.document = OperationDocuments.load("ComplaintEvents");
    }

    static URI webSocketUrl(URI graphQl) {
        String scheme = switch (graphQl.getScheme()) {
            case "https" -> "wss";
            case "http" -> "ws";
            default -> throw new IllegalArgumentException("juare.backend.url must be http or https: " + graphQl);
        };
        return URI.create(scheme + graphQl.toString().substring(graphQl.getScheme().length()));
    }

    synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        thread = Thread.ofPlatform().daemon().name("juare-live-events").start(this::run);
    }

    synchronized void stop() {
        running = false;
        dropConnection();
        signal();
        Thread t = thread;
        if (t != null) {
            try {
                t.join(TimeUnit.SECONDS.toMillis(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        thread = null;
    }

    /** Closes the WebSocket as a network failure would; the connection comes back by itself. */
    void dropConnection() {
        WebSocketGraphQlClient client = current;
        if (client != null) {
            client.stop().subscribe(done -> { }, error -> { });
        }
    }

    /** The id of the last event passed on; the next subscription starts after it. */
    Long lastEventId() {
        return lastEventId;
    }

    private void run() {
        Duration backoff = properties.minBackoff();
        while (running) {
            boolean wasLive = false;
            try {
                wasLive = connectAndListen();
                if (running) {
                    log.info("Live events: the subscription ended; reconnecting");
                }
            } catch (RuntimeException e) {
                if (running) {
                    log.warn("Live events: {}; trying again in {} s", describe(e), backoff.toSeconds());
                }
            } finally {
                current = null;
            }
            if (!running) {
                break;
            }
            onState.accept(LiveState.OFFLINE);
            if (wasLive) {
                backoff = properties.minBackoff();
            }
            pause(backoff);
            backoff = backoff.multipliedBy(2).compareTo(properties.maxBackoff()) > 0 ? properties.maxBackoff() : backoff.multipliedBy(2);
        }
        onState.accept(LiveState.OFFLINE);
    }

    /** One connection: returns when its subscription ends, true if it got as far as subscribing. */
    private boolean connectAndListen() {
        String token = accessToken();
        if (lastEventId == null) {
            Object latest = backend.execute(session, "LatestComplaintEventId", Map.of()).field("latestComplaintEventId").getValue();
            // a few from before, so that the screens' lists of latest events are not empty at first
            lastEventId = Math.max(0, Long.parseLong(String.valueOf(latest)) - properties.recent());
        }
        WebSocketGraphQlClient client;
        try {
            client = open(token);
        } catch (RuntimeException e) {
            // a refused connection_init looks the same as a backend that is down: sign in afresh next time
            session = null;
            throw e;
        }
        current = client;
        if (!running) {
            client.stop().block(properties.ackTimeout());
            return false;
        }
        try {
            Map<String, Object> variables = new HashMap<>();
            variables.put("after", Long.toString(lastEventId));
            onState.accept(LiveState.LIVE);
            log.info("Live events: subscribed after event {}", lastEventId);
            client.document(document)
                    .variables(variables)
                    .executeSubscription()
                    .doOnNext(this::received)
                    .blockLast();
            return true;
        } finally {
            client.stop().onErrorResume(e -> Mono.empty()).block(properties.ackTimeout());
        }
    }

    /** A token good for a while: the session's, refreshed if needed; a new sign-in when there is none or it is over. */
    private String accessToken() {
        if (session != null) {
            try {
                return session.accessToken(clock, backendProperties.refreshMargin(), backend::refresh);
            } catch (SessionOverException e) {
                session = null;
            }
        }
        session = backend.login(properties.username(), properties.password());
        return session.accessToken(clock, backendProperties.refreshMargin(), backend::refresh);
    }

    /**
     * Opens the WebSocket and waits for connection_ack. Spring GraphQL's client now and then never sees the answer
     * to its first message on a new connection: the session is opened before anything is sent on it, and opened
     * again when no acknowledgement comes in time.
     */
    private WebSocketGraphQlClient open(String token) {
        WebSocketGraphQlClientInterceptor auth = new WebSocketGraphQlClientInterceptor() {
            @Override
            public Mono<Object> connectionInitPayload() {
                return Mono.just(Map.of("Authorization", "Bearer " + token));
            }
        };
        for (int attempt = 1; ; attempt++) {
            WebSocketGraphQlClient client = WebSocketGraphQlClient.builder(webSocketUrl, new StandardWebSocketClient())
                    .interceptor(auth)
                    .build();
            try {
                client.start().block(properties.ackTimeout());
                return client;
            } catch (RuntimeException e) {
                client.stop().onErrorResume(error -> Mono.empty()).subscribe();
                if (attempt == CONNECT_TRIES || !running) {
                    throw e;
                }
                log.debug("Live events: no connection_ack (try {}), opening again", attempt, e);
            }
        }
    }

    private void received(ClientGraphQlResponse response) {
        if (!response.getErrors().isEmpty()) {
            throw new BackendException("GRAPHQL_ERROR", "complaintEvents: " + response.getErrors().getFirst().getMessage());
        }
        EventData data = response.field("complaintEvents").toEntity(EventData.class);
        if (data == null) {
            return;
        }
        long id = Long.parseLong(data.id());
        Long last = lastEventId;
        if (last != null && id <= last) {
            // the backend resumes without repeats; this guards the screens all the same
            return;
        }
        lastEventId = id;
        onEvent.accept(data.toEvent());
    }

    private void pause(Duration duration) {
        lock.lock();
        try {
            long nanos = duration.toNanos();
            while (running && nanos > 0) {
                nanos = wake.awaitNanos(nanos);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        } finally {
            lock.unlock();
        }
    }

    private void signal() {
        lock.lock();
        try {
            wake.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == e ? String.valueOf(e.getMessage()) : e.getMessage() + " (" + root + ")";
    }

    // the shape of one event, as the ComplaintEvents document asks for it

    @JsonIgnoreProperties(ignoreUnknown = true)
    record EventData(String id, String type, String status, Instant at, String actor, String message, String complaintId,
                     String opdCode, String kecamatanCode, String categoryCode, ComplaintData complaint) {

        ComplaintEvent toEvent() {
            ComplaintData c = complaint == null ? new ComplaintData(null, null, null, null) : complaint;
            Location location = c.location();
            return new ComplaintEvent(id, type, status, at, actor, message, complaintId, c.trackingNumber(), opdCode,
                    kecamatanCode, categoryCode, location == null ? null : location.lat(), location == null ? null : location.lng());
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record ComplaintData(String id, String trackingNumber, String status, Location location) {
    }

    record Location(Double lat, Double lng) {
    }
}
