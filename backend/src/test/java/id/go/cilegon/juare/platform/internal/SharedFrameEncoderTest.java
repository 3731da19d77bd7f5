package id.go.cilegon.juare.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.ResolvableType;
import org.springframework.core.codec.Encoder;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.graphql.server.support.GraphQlWebSocketMessage;
import org.springframework.http.MediaType;
import org.springframework.http.codec.EncoderHttpMessageWriter;
import org.springframework.http.codec.ServerCodecConfigurer;
import tools.jackson.core.io.SerializedString;
import tools.jackson.databind.util.RawValue;

/** A shared result's {@code next} frame written as bytes is the very frame Jackson writes (ADR 0038, rounds 3–4). */
class SharedFrameEncoderTest {

    private static final ResolvableType MESSAGE = ResolvableType.forClass(GraphQlWebSocketMessage.class);

    @SuppressWarnings("unchecked")
    private static Encoder<Object> encoder(ServerCodecConfigurer configurer, boolean shared) {
        return configurer.getWriters().stream()
                .filter(writer -> writer instanceof EncoderHttpMessageWriter<?> w && (w.getEncoder() instanceof SharedFrameEncoder) == shared
                        && writer.canWrite(MESSAGE, MediaType.APPLICATION_JSON))
                .map(writer -> (Encoder<Object>) ((EncoderHttpMessageWriter<?>) writer).getEncoder())
                .findFirst().orElseThrow();
    }

    private static String text(DataBuffer buffer) {
        return buffer.toString(StandardCharsets.UTF_8);
    }

    @Test
    void theBytesAreJacksonsFrame() {
        ServerCodecConfigurer configurer = SharedFrameEncoder.withSharedFrames(ServerCodecConfigurer.create());
        Encoder<Object> shared = encoder(configurer, true);
        Encoder<Object> jackson = encoder(configurer, false);
        String json = "{\"id\":\"26\",\"subscribedAfter\":\"25\",\"complaint\":{\"trackingNumber\":\"SZ3-J7MS\",\"note\":\"ü \\\"x\\\"\"}}";
        GraphQlWebSocketMessage message = GraphQlWebSocketMessage.next("sub-\"1\"",
                Map.of("data", Map.of("complaintEvents", new RawValue(new SerializedString(json)))));
        long before = SharedFrameEncoder.WRITTEN.sum();
        String ours = text(shared.encodeValue(message, DefaultDataBufferFactory.sharedInstance, MESSAGE, MediaType.APPLICATION_JSON, null));
        assertThat(SharedFrameEncoder.WRITTEN.sum()).isEqualTo(before + 1);
        assertThat(ours).isEqualTo(text(jackson.encodeValue(message, DefaultDataBufferFactory.sharedInstance, MESSAGE, MediaType.APPLICATION_JSON, null)));
        // anything else is Jackson's
        GraphQlWebSocketMessage plain = GraphQlWebSocketMessage.next("2", Map.of("data", Map.of("x", 1)));
        assertThat(text(shared.encodeValue(plain, DefaultDataBufferFactory.sharedInstance, MESSAGE, MediaType.APPLICATION_JSON, null)))
                .isEqualTo(text(jackson.encodeValue(plain, DefaultDataBufferFactory.sharedInstance, MESSAGE, MediaType.APPLICATION_JSON, null)));
    }

    @Test
    void keepAlivePingsAndPongsAreJacksonsBytesMadeOnce() {
        ServerCodecConfigurer configurer = ServerCodecConfigurer.create();
        Encoder<Object> jackson = encoder(configurer, false);
        java.util.concurrent.atomic.AtomicInteger byJackson = new java.util.concurrent.atomic.AtomicInteger();
        // Jackson's encoder, counting what it is asked to write
        configurer.customCodecs().register(new org.springframework.http.codec.json.JacksonJsonEncoder() {
            @Override
            public DataBuffer encodeValue(Object value, org.springframework.core.io.buffer.DataBufferFactory factory, ResolvableType type,
                                          org.springframework.util.MimeType mimeType, Map<String, Object> hints) {
                byJackson.incrementAndGet();
                return jackson.encodeValue(value, factory, type, mimeType, hints);
            }
        });
        Encoder<Object> shared = encoder(SharedFrameEncoder.withSharedFrames(configurer), true);
        for (GraphQlWebSocketMessage keepAlive : new GraphQlWebSocketMessage[] {GraphQlWebSocketMessage.ping(null), GraphQlWebSocketMessage.pong(null)}) {
            String expected = text(jackson.encodeValue(keepAlive, DefaultDataBufferFactory.sharedInstance, MESSAGE, MediaType.APPLICATION_JSON, null));
            int before = byJackson.get();
            for (int i = 0; i < 3; i++) {
                assertThat(text(shared.encodeValue(keepAlive, DefaultDataBufferFactory.sharedInstance, MESSAGE, MediaType.APPLICATION_JSON, null)))
                        .isEqualTo(expected);
            }
            assertThat(byJackson.get() - before).isEqualTo(1);
        }
        // a ping with a payload is Jackson's each time
        GraphQlWebSocketMessage withPayload = GraphQlWebSocketMessage.ping(Map.of("at", 1));
        int before = byJackson.get();
        assertThat(text(shared.encodeValue(withPayload, DefaultDataBufferFactory.sharedInstance, MESSAGE, MediaType.APPLICATION_JSON, null)))
                .isEqualTo(text(jackson.encodeValue(withPayload, DefaultDataBufferFactory.sharedInstance, MESSAGE, MediaType.APPLICATION_JSON, null)));
        assertThat(byJackson.get() - before).isEqualTo(1);
    }

    /** Netty's own framing of a text message, as a server sends it (no mask). */
    private static byte[] nettyWire(String message) {
        io.netty.channel.embedded.EmbeddedChannel channel = new io.netty.channel.embedded.EmbeddedChannel(
                new io.netty.handler.codec.http.websocketx.WebSocket13FrameEncoder(false));
        channel.writeOutbound(new io.netty.handler.codec.http.websocketx.TextWebSocketFrame(message));
        io.netty.buffer.ByteBuf wire = io.netty.buffer.Unpooled.buffer();
        for (Object part; (part = channel.readOutbound()) != null; ) {
            wire.writeBytes((io.netty.buffer.ByteBuf) part);
            ((io.netty.buffer.ByteBuf) part).release();
        }
        channel.finishAndReleaseAll();
        return io.netty.buffer.ByteBufUtil.getBytes(wire);
    }

    @Test
    void aDirectFrameIsNettysFramingOfJacksonsMessageAndTheSecondUseIsOffTheHeap() {
        ServerCodecConfigurer configurer = SharedFrameEncoder.withSharedFrames(ServerCodecConfigurer.create());
        Encoder<Object> jackson = encoder(configurer, false);
        byte[] id = SharedFrameEncoder.quotedId("7");
        // payloads around each of the header's length forms (RFC 6455: 7 bits, 16 bits, 64 bits)
        for (int pad : new int[] {0, 60, 80, 200, 65_400, 65_600, 70_000}) {
            String json = "{\"n\":\"" + "é".repeat(pad / 2) + "\"}";
            graphql.ExecutionResult result = graphql.ExecutionResultImpl.newExecutionResult()
                    .data(Map.of("complaintEvents", new RawValue(new SerializedString(json)))).build();
            GraphQlWebSocketMessage message = GraphQlWebSocketMessage.next("7", result.toSpecification());
            byte[] expected = nettyWire(text(jackson.encodeValue(message, DefaultDataBufferFactory.sharedInstance, MESSAGE, MediaType.APPLICATION_JSON, null)));
            io.netty.buffer.ByteBuf first = SharedFrameEncoder.nextFrame(id, "7", result, jackson);
            io.netty.buffer.ByteBuf second = SharedFrameEncoder.nextFrame(id, "7", result, jackson);
            io.netty.buffer.ByteBuf third = SharedFrameEncoder.nextFrame(id, "7", result, jackson);
            assertThat(io.netty.buffer.ByteBufUtil.getBytes(first)).as("pad %d", pad).isEqualTo(expected);
            assertThat(io.netty.buffer.ByteBufUtil.getBytes(second)).as("pad %d", pad).isEqualTo(expected);
            assertThat(first.isDirect()).isFalse();
            assertThat(second.isDirect()).as("the second use writes the off-heap copy").isTrue();
            // each use is a view of its own: one connection's write moves only its own reader index
            second.skipBytes(second.readableBytes());
            assertThat(io.netty.buffer.ByteBufUtil.getBytes(third)).isEqualTo(expected);
            // a write's release leaves the shared copy as it is
            assertThat(second.release()).isFalse();
            assertThat(io.netty.buffer.ByteBufUtil.getBytes(SharedFrameEncoder.nextFrame(id, "7", result, jackson))).isEqualTo(expected);
        }
        // a result that is not shared (errors) is Jackson's message, framed the same way
        graphql.ExecutionResult partial = graphql.ExecutionResultImpl.newExecutionResult().data(Map.of("x", 1))
                .addError(graphql.GraphqlErrorBuilder.newError().message("partial").build()).build();
        GraphQlWebSocketMessage message = GraphQlWebSocketMessage.next("7", partial.toSpecification());
        assertThat(io.netty.buffer.ByteBufUtil.getBytes(SharedFrameEncoder.nextFrame(id, "7", partial, jackson)))
                .isEqualTo(nettyWire(text(jackson.encodeValue(message, DefaultDataBufferFactory.sharedInstance, MESSAGE, MediaType.APPLICATION_JSON, null))));
    }
}
