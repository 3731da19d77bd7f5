package id.go.cilegon.juare.platform.internal;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import org.springframework.core.ResolvableType;
import org.springframework.core.codec.Encoder;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferFactory;
import org.springframework.graphql.server.support.GraphQlWebSocketMessage;
import org.springframework.graphql.server.support.GraphQlWebSocketMessageType;
import org.springframework.http.MediaType;
import org.springframework.http.codec.CodecConfigurer;
import org.springframework.http.codec.EncoderHttpMessageWriter;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.util.MimeType;
import reactor.core.publisher.Flux;
import tools.jackson.core.SerializableString;
import tools.jackson.core.io.JsonStringEncoder;
import tools.jackson.databind.util.RawValue;

/**
 * The graphql-ws {@code next} frame of a shared subscription result (ADR 0038), written as bytes: the frame's fixed
 * parts, the subscription's id and the pre-encoded result (SharedSubscriptionEvents: one JSON object per share group
 * and start point, its UTF-8 made once) copied in. Spring's handler otherwise runs a Jackson writer per frame around
 * the pre-encoded bytes (10 % of the fan-out threads' time). A frame of any other form (errors, a result that is not
 * shared, other message types) is the Jackson encoder's, as before. Same JSON, fields in Jackson's order.
 */
final class SharedFrameEncoder implements Encoder<Object> {

    private static final ResolvableType MESSAGE = ResolvableType.forClass(GraphQlWebSocketMessage.class);
    private static final byte[] ID = "{\"id\":".getBytes(StandardCharsets.UTF_8);
    // in the order Jackson writes a GraphQlWebSocketMessage: id, payload, type
    private static final byte[] NEXT_DATA = ",\"payload\":{\"data\":{".getBytes(StandardCharsets.UTF_8);
    private static final byte[] END = "}},\"type\":\"next\"}".getBytes(StandardCharsets.UTF_8);

    private final Encoder<Object> jackson;
    /** Frames written here (tests). */
    static final LongAdder WRITTEN = new LongAdder();
    /** Of them, frames written through Spring's graphql-ws handler, not direct (tests). */
    static final LongAdder THROUGH_HANDLER = new LongAdder();
    /** When the first frame since a reset and the last frame were made (System.nanoTime; FanoutBenchmark reads them). */
    static final java.util.concurrent.atomic.AtomicLong FIRST_AT = new java.util.concurrent.atomic.AtomicLong();
    static volatile long lastAt;

    private SharedFrameEncoder(Encoder<Object> jackson) {
        this.jackson = jackson;
    }

    /** The configurer Spring's graphql-ws handler should get: the given one, with this encoder ahead of Jackson's. */
    @SuppressWarnings("unchecked")
    static ServerCodecConfigurer withSharedFrames(ServerCodecConfigurer configurer) {
        Encoder<Object> jackson = (Encoder<Object>) jsonEncoder(configurer);
        ServerCodecConfigurer copy = configurer.clone();
        // custom typed writers come before the default object writers (Jackson's)
        copy.customCodecs().register(new SharedFrameEncoder(jackson));
        return copy;
    }

    /** The encoder Spring's handler would choose (WebSocketCodecDelegate). */
    static Encoder<?> jsonEncoder(CodecConfigurer configurer) {
        return configurer.getWriters().stream()
                .filter(writer -> writer.canWrite(MESSAGE, MediaType.APPLICATION_JSON))
                .map(writer -> ((EncoderHttpMessageWriter<?>) writer).getEncoder())
                .findFirst().orElseThrow(() -> new IllegalStateException("No JSON encoder"));
    }

    @Override
    public boolean canEncode(ResolvableType type, @Nullable MimeType mimeType) {
        return GraphQlWebSocketMessage.class.equals(type.toClass()) && jackson.canEncode(type, mimeType);
    }

    @Override
    public Flux<DataBuffer> encode(Publisher<?> input, DataBufferFactory factory, ResolvableType type,
                                   @Nullable MimeType mimeType, @Nullable Map<String, Object> hints) {
        return Flux.from(input).map(value -> encodeValue(value, factory, type, mimeType, hints));
    }

    @Override
    public DataBuffer encodeValue(Object value, DataBufferFactory factory, ResolvableType type,
                                  @Nullable MimeType mimeType, @Nullable Map<String, Object> hints) {
        byte[] shared = shared(value);
        if (shared == null) {
            byte[] constant = constant(value, type, mimeType, hints);
            return constant != null ? factory.wrap(constant) : jackson.encodeValue(value, factory, type, mimeType, hints);
        }
        GraphQlWebSocketMessage message = (GraphQlWebSocketMessage) value;
        @SuppressWarnings("unchecked")
        Map.Entry<String, Object> field = ((Map<String, Map<String, Object>>) message.getPayload()).get("data").entrySet().iterator().next();
        byte[] frame = frame(quotedId(message.getId()), field.getKey(), shared);
        written();
        THROUGH_HANDLER.increment();
        return factory.wrap(frame);
    }

    /**
     * Keep-alive pings and pongs without a payload, as Jackson wrote the first of each (the same bytes every time, never
     * written to). Each one through Jackson was two 8 KB buffers: a ping every 25 s to each of 10,000 connections was
     * ~2 MB of garbage a second, what ~5,000 deliveries make (fanout.md, round 8).
     */
    private final Map<GraphQlWebSocketMessageType, byte[]> constants = new java.util.concurrent.ConcurrentHashMap<>();

    private byte @Nullable [] constant(Object value, ResolvableType type, @Nullable MimeType mimeType, @Nullable Map<String, Object> hints) {
        // without a payload: getPayload() then answers Collections.emptyMap() itself
        if (!(value instanceof GraphQlWebSocketMessage message) || message.getId() != null
                || message.getPayload() != java.util.Collections.emptyMap()
                || (message.resolvedType() != GraphQlWebSocketMessageType.PING && message.resolvedType() != GraphQlWebSocketMessageType.PONG)) {
            return null;
        }
        return constants.computeIfAbsent(message.resolvedType(), kind -> {
            DataBuffer buffer = jackson.encodeValue(value, org.springframework.core.io.buffer.DefaultDataBufferFactory.sharedInstance,
                    type, mimeType, hints);
            byte[] bytes = new byte[buffer.readableByteCount()];
            buffer.read(bytes);
            org.springframework.core.io.buffer.DataBufferUtils.release(buffer);
            return bytes;
        });
    }

    /** The id of a graphql-ws message, quoted as JSON text. */
    static byte[] quotedId(String id) {
        return JsonStringEncoder.getInstance().quoteAsUTF8(id);
    }

    private static byte[] frame(byte[] quotedId, String resultKey, byte[] shared) {
        return frame(quotedId, resultKey, shared, false);
    }

    /** The {@code next} message's bytes; with {@code wire}, led by its WebSocket text frame header (DirectFrames). */
    private static byte[] frame(byte[] quotedId, String resultKey, byte[] shared, boolean wire) {
        byte[] key = JsonStringEncoder.getInstance().quoteAsUTF8(resultKey);
        int length = ID.length + quotedId.length + 2 + NEXT_DATA.length + key.length + 3 + shared.length + END.length;
        byte[] frame = new byte[(wire ? headerLength(length) : 0) + length];
        int at = wire ? putHeader(frame, length) : 0;
        at = put(frame, at, ID);
        frame[at++] = '"';
        at = put(frame, at, quotedId);
        frame[at++] = '"';
        at = put(frame, at, NEXT_DATA);
        frame[at++] = '"';
        at = put(frame, at, key);
        frame[at++] = '"';
        frame[at++] = ':';
        at = put(frame, at, shared);
        put(frame, at, END);
        return frame;
    }

    /** The length of a server's WebSocket frame header (RFC 6455 5.2: no mask) for a payload of this many bytes. */
    static int headerLength(int payload) {
        return payload < 126 ? 2 : payload <= 0xFFFF ? 4 : 10;
    }

    /** Puts a final text frame's header for a payload of this many bytes at the start; the index after it. */
    static int putHeader(byte[] into, int payload) {
        into[0] = (byte) 0x81; // FIN, opcode 1 (text)
        if (payload < 126) {
            into[1] = (byte) payload;
            return 2;
        }
        if (payload <= 0xFFFF) {
            into[1] = 126;
            into[2] = (byte) (payload >>> 8);
            into[3] = (byte) payload;
            return 4;
        }
        into[1] = 127;
        for (int i = 0; i < 8; i++) {
            into[2 + i] = (byte) ((long) payload >>> (56 - 8 * i));
        }
        return 10;
    }

    private static int put(byte[] into, int at, byte[] bytes) {
        System.arraycopy(bytes, 0, into, at, bytes.length);
        return at + bytes.length;
    }

    /**
     * The last frame made on this thread, for the next subscriber of the same connection id and shared result: its
     * bytes on the wire and, from its second use on, the same bytes off the heap, written by every later one as they are.
     */
    private record Made(SerializableString shared, byte[] quotedId, String resultKey, byte[] wire, @Nullable ByteBuf direct) {
    }

    private static final ThreadLocal<Made> LAST = new ThreadLocal<>();

    /**
     * The whole {@code next} frame of a subscription's result as it goes on the wire, WebSocket header included
     * (DirectFrames writes it past Netty's frame encoder): a shared result's bytes copied in (the same frame for every
     * subscriber of one id and result, made once per run of them on a thread, and written from one off-heap copy by
     * the second and later ones: no copy, no encoding per delivery), any other result through Jackson's encoder (the
     * handler's: {@code plain}), as Spring's handler would write it. The buffer needs no release.
     */
    static ByteBuf nextFrame(byte[] quotedId, String id, graphql.ExecutionResult result, Encoder<Object> plain) {
        if (result.getErrors().isEmpty() && result.getExtensions() == null && result.isDataPresent()
                && result.getData() instanceof Map<?, ?> data && data.size() == 1
                && data.entrySet().iterator().next() instanceof Map.Entry<?, ?> field
                && field.getKey() instanceof String key
                && field.getValue() instanceof RawValue raw && raw.rawValue() instanceof SerializableString json) {
            written();
            Made last = LAST.get();
            if (last != null && last.shared() == json && java.util.Arrays.equals(last.quotedId(), quotedId)
                    && last.resultKey().equals(key)) {
                ByteBuf direct = last.direct();
                if (direct == null) {
                    direct = offHeap(last.wire());
                    LAST.set(new Made(json, quotedId, key, last.wire(), direct));
                }
                // a view of its own (each connection's write moves its reader index), the bytes shared
                return direct.duplicate();
            }
            byte[] frame = frame(quotedId, key, json.asUnquotedUTF8(), true);
            LAST.set(new Made(json, quotedId, key, frame, null));
            return Unpooled.wrappedBuffer(frame);
        }
        DataBuffer buffer = plain.encodeValue(GraphQlWebSocketMessage.next(id, result.toSpecification()),
                org.springframework.core.io.buffer.DefaultDataBufferFactory.sharedInstance, MESSAGE, MediaType.APPLICATION_JSON, null);
        int length = buffer.readableByteCount();
        byte[] frame = new byte[headerLength(length) + length];
        buffer.read(frame, putHeader(frame, length), length);
        org.springframework.core.io.buffer.DataBufferUtils.release(buffer);
        return Unpooled.wrappedBuffer(frame);
    }

    /**
     * The bytes in memory of their own that no write releases (the JDK frees it once no view of it is left): Netty's
     * socket writes them from there, where bytes on the heap are copied off it first for every write.
     */
    private static ByteBuf offHeap(byte[] bytes) {
        java.nio.ByteBuffer memory = java.nio.ByteBuffer.allocateDirect(bytes.length).put(bytes).flip();
        return Unpooled.unreleasableBuffer(Unpooled.wrappedBuffer(memory));
    }

    /** A shared frame is made, on either path (the counters FanoutBenchmark and the tests read). */
    static void written() {
        WRITTEN.increment();
        long now = System.nanoTime();
        lastAt = now;
        if (FIRST_AT.get() == 0) {
            FIRST_AT.compareAndSet(0, now);
        }
    }

    /** The pre-encoded bytes of a {@code next} whose payload is only {@code data} with one shared field, else null. */
    private static byte @Nullable [] shared(Object value) {
        if (value instanceof GraphQlWebSocketMessage message && message.resolvedType() == GraphQlWebSocketMessageType.NEXT
                && message.getId() != null
                && message.getPayload() instanceof Map<?, ?> payload && payload.size() == 1
                && payload.get("data") instanceof Map<?, ?> data && data.size() == 1
                && data.values().iterator().next() instanceof RawValue raw
                && raw.rawValue() instanceof SerializableString json) {
            return json.asUnquotedUTF8();
        }
        return null;
    }

    @Override
    public List<MimeType> getEncodableMimeTypes() {
        return jackson.getEncodableMimeTypes();
    }
}
