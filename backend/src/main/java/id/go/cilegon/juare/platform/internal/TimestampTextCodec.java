package id.go.cilegon.juare.platform.internal;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.r2dbc.postgresql.api.PostgresqlConnection;
import io.r2dbc.postgresql.client.EncodedParameter;
import io.r2dbc.postgresql.codec.Codec;
import io.r2dbc.postgresql.codec.CodecRegistry;
import io.r2dbc.postgresql.codec.CodecMetadata;
import io.r2dbc.postgresql.codec.PostgresTypeIdentifier;
import io.r2dbc.postgresql.codec.PostgresqlObjectId;
import io.r2dbc.postgresql.extension.CodecRegistrar;
import io.r2dbc.postgresql.message.Format;
import java.time.Instant;
import java.util.List;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

/**
 * Reads a {@code timestamptz} column sent as text into an {@link Instant} with a hand-written parser of PostgreSQL's
 * ISO output ({@code 2026-12-06 15:49:05.123456+07}, any offset, 0–6 fraction digits), in place of r2dbc-postgresql's
 * DateTimeFormatter: a complaint row has twelve of them, and parsing them was about a tenth of the CPU of a resident's
 * page (docs/benchmarks/reads.md, ADR 0042). Anything else (infinity, BC, a five-digit year, another DateStyle) is
 * left to the driver's own codec, unchanged, as is every encoding (delegated to it) and every other type. Registered
 * per connection, first, by {@link #registrar()}.
 */
final class TimestampTextCodec implements Codec<Instant>, CodecMetadata {

    private static final int TIMESTAMPTZ = PostgresqlObjectId.TIMESTAMPTZ.getObjectId();

    /** Switched off by benchmarks: then every value goes to the driver's codec, as before. */
    static volatile boolean enabled = true;

    private final Codec<Instant> driver;

    private TimestampTextCodec(Codec<Instant> driver) {
        this.driver = driver;
    }

    /** The extension that puts this codec before the driver's own, which it falls back to. */
    static CodecRegistrar registrar() {
        return new Registrar();
    }

    private static final class Registrar implements CodecRegistrar {
        @Override
        @SuppressWarnings("unchecked")
        public Publisher<Void> register(PostgresqlConnection connection, ByteBufAllocator allocator, CodecRegistry registry) {
            for (Codec<?> codec : registry) {
                if (codec.canDecode(TIMESTAMPTZ, Format.FORMAT_TEXT, Instant.class)) {
                    registry.addFirst(new TimestampTextCodec((Codec<Instant>) codec));
                    break;
                }
            }
            return Mono.empty();
        }
    }

    /*
     * What the driver's codec cache is built from (CachedCodecLookup: the first codec declaring a type, data type and
     * format keeps it): registered first, ours is the one for timestamptz as text read as an Instant.
     */
    @Override
    public Class<?> type() {
        return Instant.class;
    }

    @Override
    public Iterable<Format> getFormats() {
        return List.of(Format.FORMAT_TEXT);
    }

    @Override
    public Iterable<? extends PostgresTypeIdentifier> getDataTypes() {
        return List.of(PostgresqlObjectId.TIMESTAMPTZ);
    }

    @Override
    public boolean canDecode(int dataType, Format format, Class<?> type) {
        return dataType == TIMESTAMPTZ && format == Format.FORMAT_TEXT && type == Instant.class;
    }

    @Override
    public Instant decode(ByteBuf buffer, int dataType, Format format, Class<? extends Instant> type) {
        if (buffer == null) {
            return null;
        }
        Instant parsed = enabled ? parse(buffer) : null;
        return parsed != null ? parsed : driver.decode(buffer, dataType, format, type);
    }

    /** The longest text parsed here: {@code yyyy-MM-dd HH:mm:ss.fffffffff+HH:mm:ss}. */
    private static final int LONGEST = 38;

    /** {@code yyyy-MM-dd HH:mm:ss[.f{1,6}]±HH[:mm[:ss]]}, or null for anything else (the buffer left unread). */
    static Instant parse(ByteBuf buffer) {
        int length = buffer.readableBytes();
        if (length < 22 || length > LONGEST) {
            return null;
        }
        // one copy, then plain array reads: a bounds-checked getByte per character was most of this codec's time
        byte[] text = new byte[length];
        buffer.getBytes(buffer.readerIndex(), text);
        return parse(text);
    }

    private static Instant parse(byte[] text) {
        int end = text.length;
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 2);
        int day = digits(text, 8, 2);
        int hour = digits(text, 11, 2);
        int minute = digits(text, 14, 2);
        int second = digits(text, 17, 2);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > 31 || hour < 0 || hour > 23 || minute < 0 || minute > 59
                || second < 0 || second > 59 || text[4] != '-' || text[7] != '-' || text[10] != ' ' || text[13] != ':'
                || text[16] != ':') {
            return null;
        }
        int i = 19;
        int nanos = 0;
        if (text[i] == '.') {
            int scale = 100_000_000;
            i++;
            int start = i;
            while (i < end && isDigit(text[i])) {
                nanos += (text[i] - '0') * scale;
                scale /= 10;
                i++;
            }
            if (i == start || i - start > 9) {
                return null;
            }
        }
        if (i >= end) {
            return null;
        }
        byte sign = text[i];
        if (sign != '+' && sign != '-') {
            return null;
        }
        i++;
        int offsetHours = digits(text, i, 2);
        if (offsetHours < 0) {
            return null;
        }
        i += 2;
        int offsetMinutes = 0;
        int offsetSeconds = 0;
        if (i < end) {
            if (text[i] != ':' || (offsetMinutes = digits(text, i + 1, 2)) < 0) {
                return null;
            }
            i += 3;
            if (i < end) {
                if (text[i] != ':' || (offsetSeconds = digits(text, i + 1, 2)) < 0) {
                    return null;
                }
                i += 3;
            }
        }
        if (i != end || offsetHours > 18 || offsetMinutes > 59 || offsetSeconds > 59) {
            return null;
        }
        if (day > java.time.YearMonth.of(year, month).lengthOfMonth()) {
            return null;
        }
        int offset = (sign == '-' ? -1 : 1) * (offsetHours * 3600 + offsetMinutes * 60 + offsetSeconds);
        long epochDay = java.time.LocalDate.of(year, month, day).toEpochDay();
        return Instant.ofEpochSecond(epochDay * 86_400 + hour * 3600 + minute * 60 + second - offset, nanos);
    }

    /** The number written with {@code count} digits at {@code index}, or -1. */
    private static int digits(byte[] text, int index, int count) {
        if (index + count > text.length) {
            return -1;
        }
        int value = 0;
        for (int i = index; i < index + count; i++) {
            byte b = text[i];
            if (!isDigit(b)) {
                return -1;
            }
            value = value * 10 + (b - '0');
        }
        return value;
    }

    private static boolean isDigit(byte b) {
        return b >= '0' && b <= '9';
    }

    // encoding is the driver's codec's (the cache may hand ours out for Instant values too)
    @Override
    public boolean canEncode(Object value) {
        return driver.canEncode(value);
    }

    @Override
    public boolean canEncodeNull(Class<?> type) {
        return driver.canEncodeNull(type);
    }

    @Override
    public EncodedParameter encode(Object value) {
        return driver.encode(value);
    }

    @Override
    public EncodedParameter encode(Object value, int dataType) {
        return driver.encode(value, dataType);
    }

    @Override
    public EncodedParameter encodeNull() {
        return driver.encodeNull();
    }
}
