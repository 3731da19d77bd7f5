package id.go.cilegon.juare.platform.internal;

import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

/**
 * A GraphQL answer over HTTP written as JSON straight onto Jackson's generator (ADR 0047). What graphql-java builds is
 * maps, lists, strings, numbers, booleans and nulls; Jackson's databind looks up a serializer for the class of every one
 * of those values (11.7 % of a resident's page of 20 complaints, most of it that lookup). Here those types are written
 * as they are, in the map's order, nulls included, and anything else (an error's extension of another type) goes
 * through the same {@link JsonMapper} as before: the same bytes as Spring's Jackson encoder writes.
 */
final class ResponseJson {

    private static final int INITIAL_BYTES = 2048;

    private final JsonMapper mapper;

    ResponseJson(JsonMapper mapper) {
        this.mapper = mapper;
    }

    /** The answer as one buffer of UTF-8 JSON. */
    DataBuffer encode(Map<String, Object> answer) {
        DataBuffer buffer = DefaultDataBufferFactory.sharedInstance.allocateBuffer(INITIAL_BYTES);
        try (OutputStream out = buffer.asOutputStream(); JsonGenerator generator = mapper.createGenerator(out)) {
            write(generator, answer);
        } catch (java.io.IOException | RuntimeException e) {
            throw new IllegalStateException("The answer could not be written as JSON", e);
        }
        return buffer;
    }

    static void write(JsonGenerator generator, Object value) {
        switch (value) {
            case null -> generator.writeNull();
            case String text -> generator.writeString(text);
            case Map<?, ?> map -> {
                generator.writeStartObject(map);
                for (Map.Entry<?, ?> entry : map.entrySet()) {
                    generator.writeName(String.valueOf(entry.getKey()));
                    write(generator, entry.getValue());
                }
                generator.writeEndObject();
            }
            case List<?> list -> {
                generator.writeStartArray(list, list.size());
                for (Object item : list) {
                    write(generator, item);
                }
                generator.writeEndArray();
            }
            case Integer number -> generator.writeNumber(number);
            case Long number -> generator.writeNumber(number);
            case Boolean bool -> generator.writeBoolean(bool);
            case Double number -> generator.writeNumber(number);
            case Float number -> generator.writeNumber(number);
            case Short number -> generator.writeNumber(number);
            case BigDecimal number -> generator.writeNumber(number);
            case BigInteger number -> generator.writeNumber(number);
            default -> generator.writePOJO(value);
        }
    }
}
