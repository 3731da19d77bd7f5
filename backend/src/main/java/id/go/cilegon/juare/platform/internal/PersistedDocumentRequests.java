package id.go.cilegon.juare.platform.internal;

import graphql.execution.preparsed.persisted.PersistedQuerySupport;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.reactivestreams.Publisher;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.graphql.autoconfigure.GraphQlProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.annotation.Order;
import org.springframework.core.codec.Encoder;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferFactory;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.webflux.GraphQlHttpHandler;
import org.springframework.graphql.server.webflux.GraphQlWebSocketHandler;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.reactive.socket.CloseStatus;
import org.springframework.web.reactive.socket.HandshakeInfo;
import org.springframework.web.reactive.socket.WebSocketMessage;
import org.springframework.web.reactive.socket.WebSocketSession;
import org.springframework.web.server.ServerWebInputException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The request forms of persisted documents (docs/adr/0029), which Spring GraphQL 2 reads only in part:
 * <ul>
 * <li>APQ's hash-only request ({@code extensions.persistedQuery}, no {@code query}): over HTTP Spring passes
 * graphql-java's marker as the query; over graphql-ws it refused the {@code subscribe} message. Both now reach
 * {@link PersistedDocuments} with the marker.</li>
 * <li>GraphQL over HTTP's {@code documentId} ({@code "sha256:<hex>"}), over HTTP and graphql-ws: read as the
 * same hash.</li>
 * <li>A hash the server does not know answers HTTP 200 (as Apollo's clients expect), not the 400 of
 * {@code application/graphql-response+json} for a request error.</li>
 * <li>HTTP GET, which Spring GraphQL 2 does not serve (Boot's route answers 405): {@code GET /graphql?query=…} or
 * {@code ?extensions=…} (Apollo Kotlin sends hashed queries so by default) or {@code ?documentId=…}, with
 * {@code operationName} and {@code variables} (JSON); queries only, a mutation answers 405 ({@value #METHOD_NOT_ALLOWED}),
 * as GraphQL over HTTP asks.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class PersistedDocumentRequests {

    static final String DOCUMENT_ID = "documentId";
    static final String DOCUMENT_ID_PREFIX = "sha256:";
    static final String METHOD_NOT_ALLOWED = "METHOD_NOT_ALLOWED";
    private static final List<String> GET_PARAMETERS = List.of("query", "extensions", DOCUMENT_ID);

    @Bean
    HttpHandler graphQlHttpHandler(WebGraphQlHandler webGraphQlHandler, ObjectProvider<JsonMapper> jsonMapper,
                                   @Value("${juare.graphql.direct-json:true}") boolean directJson) {
        // the mapper Spring's HTTP codecs write with, for anything ResponseJson does not write itself
        HttpHandler handler = new HttpHandler(webGraphQlHandler, new ResponseJson(jsonMapper.getIfAvailable(() -> JsonMapper.builder().build())));
        handler.directJson = directJson;
        return handler;
    }

    /** GET /graphql with a document, a hash or a documentId; ahead of Boot's route, which answers GET with 405. */
    @Bean
    @Order(-1)
    RouterFunction<ServerResponse> graphQlGetRoute(HttpHandler handler, GraphQlProperties properties) {
        return RouterFunctions.route(RequestPredicates.GET(properties.getHttp().getPath())
                .and(request -> GET_PARAMETERS.stream().anyMatch(name -> request.queryParam(name).isPresent())),
                handler::handleGet);
    }

    @Bean
    GraphQlWebSocketHandler graphQlWebSocketHandler(WebGraphQlHandler webGraphQlHandler, GraphQlProperties properties,
                                                    ServerCodecConfigurer configurer) {
        // a shared subscription result's frames are written as bytes (ADR 0038), the rest by Jackson as before
        @SuppressWarnings("unchecked")
        Encoder<Object> plain = (Encoder<Object>) SharedFrameEncoder.jsonEncoder(configurer);
        return new WebSocketHandler(webGraphQlHandler, SharedFrameEncoder.withSharedFrames(configurer), plain, properties);
    }

    /**
     * The request body with a persisted document's forms made into what Spring and graphql-java read: no
     * {@code query} but a hash or a documentId becomes graphql-java's marker, a documentId becomes
     * {@code extensions.persistedQuery}. Anything else is returned as it is.
     */
    static Map<String, Object> normalized(Map<String, Object> body) {
        Object documentId = body.get(DOCUMENT_ID);
        Object extensions = body.get("extensions");
        boolean hasQuery = body.get("query") != null;
        boolean hasHash = extensions instanceof Map<?, ?> map && map.get("persistedQuery") != null;
        if (documentId == null && (hasQuery || !hasHash)) {
            return body;
        }
        Map<String, Object> result = new LinkedHashMap<>(body);
        result.remove(DOCUMENT_ID);
        if (!hasQuery) {
            result.put("query", PersistedQuerySupport.PERSISTED_QUERY_MARKER);
        }
        if (documentId != null) {
            String id = String.valueOf(documentId);
            String hash = id.regionMatches(true, 0, DOCUMENT_ID_PREFIX, 0, DOCUMENT_ID_PREFIX.length())
                    ? id.substring(DOCUMENT_ID_PREFIX.length()) : id;
            Map<String, Object> newExtensions = extensions instanceof Map<?, ?> map
                    ? new LinkedHashMap<>(castMap(map)) : new LinkedHashMap<>();
            newExtensions.put("persistedQuery", Map.of("version", 1, "sha256Hash", hash));
            result.put("extensions", newExtensions);
        }
        return result;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Map<?, ?> map) {
        return (Map<String, Object>) map;
    }

    /** Reads the body itself (Spring's reader needs a query), then serves it as Spring's handler does. */
    static final class HttpHandler extends GraphQlHttpHandler {

        private static final ParameterizedTypeReference<Map<String, Object>> BODY = new ParameterizedTypeReference<>() {
        };
        private static final MediaType APPLICATION_GRAPHQL = MediaType.parseMediaType("application/graphql");

        private static final JsonMapper JSON = JsonMapper.builder().build();

        private final WebGraphQlHandler graphQlHandler;
        private final ResponseJson json;
        /** Whether answers are written by ResponseJson (true) or left to Spring's Jackson encoder (benchmarks switch it). */
        volatile boolean directJson = true;

        HttpHandler(WebGraphQlHandler graphQlHandler, ResponseJson json) {
            super(graphQlHandler);
            this.graphQlHandler = graphQlHandler;
            this.json = json;
        }

        @Override
        protected Object encodeResponseIfNecessary(WebGraphQlResponse response) {
            return directJson ? json.encode(response.toMap()) : super.encodeResponseIfNecessary(response);
        }

        @Override
        public Mono<ServerResponse> handleRequest(ServerRequest request) {
            return readBody(request)
                    .switchIfEmpty(Mono.error(() -> new ServerWebInputException("No request body")))
                    .flatMap(body -> graphQlHandler.handleRequest(new WebGraphQlRequest(
                            request.uri(), request.headers().asHttpHeaders(), request.cookies(),
                            request.remoteAddress().orElse(null), request.attributes(), normalized(body),
                            request.exchange().getRequest().getId(),
                            request.exchange().getLocaleContext().getLocale())))
                    .flatMap(response -> prepareResponse(request, response));
        }

        /** The same request from GET's parameters; marked so that only a query runs (PersistedDocuments). */
        Mono<ServerResponse> handleGet(ServerRequest request) {
            return Mono.fromCallable(() -> {
                        Map<String, Object> body = new LinkedHashMap<>();
                        for (String name : List.of("query", "operationName", DOCUMENT_ID)) {
                            request.queryParam(name).ifPresent(value -> body.put(name, value));
                        }
                        for (String name : List.of("variables", "extensions")) {
                            Optional<String> value = request.queryParam(name).filter(v -> !v.isBlank());
                            if (value.isPresent()) {
                                body.put(name, jsonObject(name, value.get()));
                            }
                        }
                        WebGraphQlRequest graphQlRequest = new WebGraphQlRequest(
                                request.uri(), request.headers().asHttpHeaders(), request.cookies(),
                                request.remoteAddress().orElse(null), request.attributes(), normalized(body),
                                request.exchange().getRequest().getId(),
                                request.exchange().getLocaleContext().getLocale());
                        graphQlRequest.configureExecutionInput((input, builder) ->
                                builder.graphQLContext(Map.of(PersistedDocuments.HTTP_GET, true)).build());
                        return graphQlRequest;
                    })
                    .flatMap(graphQlHandler::handleRequest)
                    .flatMap(response -> prepareResponse(request, response));
        }

        private static Map<String, Object> jsonObject(String name, String text) {
            try {
                Object value = JSON.readValue(text, Object.class);
                if (value instanceof Map<?, ?> map) {
                    return castMap(map);
                }
            } catch (RuntimeException unreadable) {
                // answered below
            }
            throw new ServerWebInputException("Invalid value for '" + name + "'");
        }

        private static Mono<Map<String, Object>> readBody(ServerRequest request) {
            boolean graphQlType = request.headers().contentType().map(APPLICATION_GRAPHQL::includes).orElse(false);
            if (!graphQlType) {
                return request.bodyToMono(BODY);
            }
            // as Spring's handler: some clients label their JSON application/graphql
            return ServerRequest.from(request)
                    .headers(headers -> headers.setContentType(MediaType.APPLICATION_JSON))
                    .body(request.bodyToFlux(DataBuffer.class))
                    .build()
                    .bodyToMono(BODY);
        }

        @Override
        protected HttpStatus selectResponseStatus(WebGraphQlResponse response, MediaType mediaType) {
            if (response.getErrors().stream().anyMatch(error ->
                    PersistedDocuments.PERSISTED_QUERY_NOT_FOUND.equals(error.getExtensions().get("code")))) {
                return HttpStatus.OK;
            }
            if (response.getErrors().stream().anyMatch(error -> METHOD_NOT_ALLOWED.equals(error.getExtensions().get("code")))) {
                return HttpStatus.METHOD_NOT_ALLOWED;
            }
            return super.selectResponseStatus(response, mediaType);
        }
    }

    /** Spring's graphql-ws handler, reading {@code subscribe} messages through {@link #normalized}. */
    static final class WebSocketHandler extends GraphQlWebSocketHandler {

        /** Jackson's encoder of the handler's messages, for the direct frames of results that are not shared (ADR 0049). */
        private final Encoder<Object> plain;

        WebSocketHandler(WebGraphQlHandler graphQlHandler, ServerCodecConfigurer configurer, Encoder<Object> plain,
                         GraphQlProperties properties) {
            super(graphQlHandler, configurer, properties.getWebsocket().getConnectionInitTimeout(),
                    properties.getWebsocket().getKeepAlive());
            this.plain = plain;
        }

        @Override
        public Mono<Void> handle(WebSocketSession session) {
            DirectFrames.noteChannel(session, plain);
            // the protocol's rules first (4400 for what it does not specify, pongs taken), then the persisted forms
            return super.handle(new NormalizingSession(GraphQlWebSocketProtocol.checked(session)));
        }
    }

    private static final class NormalizingSession implements WebSocketSession {

        private static final JsonMapper JSON = JsonMapper.builder().build();
        private static final TypeReference<Map<String, Object>> MESSAGE = new TypeReference<>() {
        };

        private final WebSocketSession delegate;

        NormalizingSession(WebSocketSession delegate) {
            this.delegate = delegate;
        }

        @Override
        public Flux<WebSocketMessage> receive() {
            return delegate.receive().map(NormalizingSession::normalize);
        }

        /** Only a text message naming a hash or a documentId is read here; every other passes untouched. */
        static WebSocketMessage normalize(WebSocketMessage message) {
            if (message.getType() != WebSocketMessage.Type.TEXT) {
                return message;
            }
            String text = message.getPayloadAsText();
            if (!text.contains("persistedQuery") && !text.contains(DOCUMENT_ID)) {
                return message;
            }
            Map<String, Object> parsed;
            try {
                parsed = JSON.readValue(text, MESSAGE);
            } catch (RuntimeException unreadable) {
                return message; // Spring's handler answers it as it always did
            }
            if (!"subscribe".equals(parsed.get("type")) || !(parsed.get("payload") instanceof Map<?, ?> payload)) {
                return message;
            }
            Map<String, Object> normalizedPayload = normalized(castMap(payload));
            if (normalizedPayload == payload) {
                return message;
            }
            Map<String, Object> rewritten = new LinkedHashMap<>(parsed);
            rewritten.put("payload", normalizedPayload);
            // an unpooled buffer: the reader's retain and release balance on it, the original is Netty's to release
            byte[] bytes = JSON.writeValueAsString(rewritten).getBytes(StandardCharsets.UTF_8);
            return new WebSocketMessage(WebSocketMessage.Type.TEXT, DefaultDataBufferFactory.sharedInstance.wrap(bytes));
        }

        @Override
        public String getId() {
            return delegate.getId();
        }

        @Override
        public HandshakeInfo getHandshakeInfo() {
            return delegate.getHandshakeInfo();
        }

        @Override
        public DataBufferFactory bufferFactory() {
            return delegate.bufferFactory();
        }

        @Override
        public Map<String, Object> getAttributes() {
            return delegate.getAttributes();
        }

        @Override
        public Mono<Void> send(Publisher<WebSocketMessage> messages) {
            return delegate.send(messages);
        }

        @Override
        public boolean isOpen() {
            return delegate.isOpen();
        }

        @Override
        public Mono<Void> close(CloseStatus status) {
            return delegate.close(status);
        }

        @Override
        public Mono<CloseStatus> closeStatus() {
            return delegate.closeStatus();
        }

        @Override
        public WebSocketMessage textMessage(String payload) {
            return delegate.textMessage(payload);
        }

        @Override
        public WebSocketMessage binaryMessage(java.util.function.Function<DataBufferFactory, DataBuffer> payloadFactory) {
            return delegate.binaryMessage(payloadFactory);
        }

        @Override
        public WebSocketMessage pingMessage(java.util.function.Function<DataBufferFactory, DataBuffer> payloadFactory) {
            return delegate.pingMessage(payloadFactory);
        }

        @Override
        public WebSocketMessage pongMessage(java.util.function.Function<DataBufferFactory, DataBuffer> payloadFactory) {
            return delegate.pongMessage(payloadFactory);
        }
    }
}
