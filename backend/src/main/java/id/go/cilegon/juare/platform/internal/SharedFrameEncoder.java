package id.go.cilegon.juare.platform.internal;

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
    private static Encoder<?> jsonEncoder(CodecConfigurer configurer) {
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
            return jackson.encodeValue(value, factory, type, mimeType, hints);
        }
        GraphQlWebSocketMessage message = (GraphQlWebSocketMessage) value;
        byte[] id = JsonStringEncoder.getInstance().quoteAsUTF8(message.getId());
        @SuppressWarnings("unchecked")
        Map.Entry<String, Object> field = ((Map<String, Map<String, Object>>) message.getPayload()).get("data").entrySet().iterator().next();
        byte[] key = JsonStringEncoder.getInstance().quoteAsUTF8(field.getKey());
        DataBuffer buffer = factory.allocateBuffer(ID.length + id.length + 2 + NEXT_DATA.length + key.length + 3 + shared.length + END.length);
        buffer.write(ID).write((byte) '"').write(id).write((byte) '"').write(NEXT_DATA)
                .write((byte) '"').write(key).write((byte) '"').write((byte) ':').write(shared).write(END);
        WRITTEN.increment();
        long now = System.nanoTime();
        lastAt = now;
        if (FIRST_AT.get() == 0) {
            FIRST_AT.compareAndSet(0, now);
        }
        return buffer;
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
