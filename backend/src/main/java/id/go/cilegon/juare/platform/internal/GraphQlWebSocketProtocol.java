package id.go.cilegon.juare.platform.internal;

import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.reactivestreams.Publisher;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferFactory;
import org.springframework.web.reactive.socket.CloseStatus;
import org.springframework.web.reactive.socket.HandshakeInfo;
import org.springframework.web.reactive.socket.WebSocketMessage;
import org.springframework.web.reactive.socket.WebSocketSession;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * graphql-ws (PROTOCOL.md) where Spring GraphQL 2.0.6's handler departs from it: a message of a type or format the
 * protocol does not specify (not JSON, an unknown type, a subscribe or complete without an id) closes the socket with
 * 4400 (Spring's decoder fails and the socket drops with no code), and a client's {@code pong} (the protocol's answer
 * to a ping, or a one-way heartbeat) is taken silently (Spring's handler would close with 4400). Everything else is
 * Spring's: 4401 for subscribe before the acknowledgement, 4408 for no connection_init in time, 4409 for a second
 * subscriber with one id, 4429 for a second connection_init.
 */
final class GraphQlWebSocketProtocol {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Set<String> CLIENT_TYPES = Set.of("connection_init", "ping", "pong", "subscribe", "complete");

    private GraphQlWebSocketProtocol() {
    }

    /** The session as Spring's handler should read it (PersistedDocumentRequests.WebSocketHandler wraps it first). */
    static WebSocketSession checked(WebSocketSession session) {
        return new Checked(session);
    }

    /** A pong: taken, not passed on. */
    private static final String PONG = "pong";

    /** Null for a message the handler may read, PONG for a pong, else why it breaks the protocol. */
    static String violation(String text) {
        Object parsed;
        try {
            parsed = JSON.readValue(text, Object.class);
        } catch (JacksonException e) {
            return "Not JSON";
        }
        if (!(parsed instanceof Map<?, ?> message) || !(message.get("type") instanceof String type)
                || !CLIENT_TYPES.contains(type)) {
            return "Unknown message type";
        }
        Object payload = message.get("payload");
        if (payload != null && !(payload instanceof Map<?, ?>)) {
            return "Payload is not an object";
        }
        if ((type.equals("subscribe") || type.equals("complete"))
                && !(message.get("id") instanceof String id && !id.isEmpty())) {
            return "Missing id";
        }
        if (type.equals("subscribe") && payload == null) {
            return "Missing payload";
        }
        return type.equals("pong") ? PONG : null;
    }

    /** The session as Spring's handler reads it: protocol violations end it with 4400, pongs do not reach it. */
    private static final class Checked implements WebSocketSession {

        private final WebSocketSession session;

        Checked(WebSocketSession session) {
            this.session = session;
        }

        @Override
        public Flux<WebSocketMessage> receive() {
            return session.receive().concatMap(message -> {
                // read at once, while the frame is ours
                if (message.getType() != WebSocketMessage.Type.TEXT) {
                    return Mono.just(message);
                }
                String violation = violation(message.getPayloadAsText());
                if (violation == null) {
                    return Mono.just(message);
                }
                // not released here: the server (Reactor Netty) releases each frame after handing it on
                return violation == PONG ? Mono.<WebSocketMessage>empty()
                        : session.close(new CloseStatus(4400, violation)).then(Mono.<WebSocketMessage>empty());
            });
        }

        @Override
        public String getId() {
            return session.getId();
        }

        @Override
        public HandshakeInfo getHandshakeInfo() {
            return session.getHandshakeInfo();
        }

        @Override
        public DataBufferFactory bufferFactory() {
            return session.bufferFactory();
        }

        @Override
        public Map<String, Object> getAttributes() {
            return session.getAttributes();
        }

        @Override
        public Mono<Void> send(Publisher<WebSocketMessage> messages) {
            return session.send(messages);
        }

        @Override
        public boolean isOpen() {
            return session.isOpen();
        }

        @Override
        public Mono<Void> close(CloseStatus status) {
            return session.close(status);
        }

        @Override
        public Mono<CloseStatus> closeStatus() {
            return session.closeStatus();
        }

        @Override
        public WebSocketMessage textMessage(String payload) {
            return session.textMessage(payload);
        }

        @Override
        public WebSocketMessage binaryMessage(Function<DataBufferFactory, DataBuffer> payloadFactory) {
            return session.binaryMessage(payloadFactory);
        }

        @Override
        public WebSocketMessage pingMessage(Function<DataBufferFactory, DataBuffer> payloadFactory) {
            return session.pingMessage(payloadFactory);
        }

        @Override
        public WebSocketMessage pongMessage(Function<DataBufferFactory, DataBuffer> payloadFactory) {
            return session.pongMessage(payloadFactory);
        }
    }
}
