package id.go.cilegon.juare.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.r2dbc.postgresql.codec.DefaultCodecs;
import io.r2dbc.postgresql.codec.PostgresqlObjectId;
import io.r2dbc.postgresql.message.Format;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The timestamp parser answers what r2dbc-postgresql's own codec answers, or leaves the value to it. */
class TimestampTextCodecTest {

    private final DefaultCodecs driver = new DefaultCodecs(ByteBufAllocator.DEFAULT);

    @Test
    void answersAsTheDriverForPostgresqlsIsoOutput() {
        List<String> written = List.of("2026-12-06 15:49:05+00", "2026-12-06 15:49:05.1+00", "2026-12-06 15:49:05.123456+00",
                "2026-12-06 22:49:05.12+07", "1999-12-31 23:59:59.999999-03:30", "2024-02-29 00:00:00+05:30:15",
                "0099-01-01 00:00:00+00", "1970-01-01 00:00:00+14", "2026-03-01 00:00:00.000001-12");
        for (String text : written) {
            assertThat(parse(text)).as(text).isEqualTo(viaDriver(text));
        }
        Random random = new Random(42);
        DateTimeFormatter iso = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
        for (int i = 0; i < 5_000; i++) {
            OffsetDateTime time = Instant.ofEpochSecond(random.nextLong(-2_000_000_000L, 4_000_000_000L), random.nextInt(1_000_000) * 1000)
                    .atOffset(ZoneOffset.ofTotalSeconds((random.nextInt(-15 * 4, 15 * 4)) * 900));
            String fraction = time.getNano() == 0 ? "" : ("." + String.format("%06d", time.getNano() / 1000)).replaceAll("0+$", "");
            String offset = time.getOffset().getTotalSeconds() % 3600 == 0
                    ? String.format("%s%02d", time.getOffset().getTotalSeconds() < 0 ? "-" : "+", Math.abs(time.getOffset().getTotalSeconds()) / 3600)
                    : time.getOffset().getId();
            String text = iso.format(time) + fraction + offset;
            assertThat(parse(text)).as(text).isEqualTo(viaDriver(text)).isEqualTo(time.toInstant());
        }
    }

    @Test
    void leavesEverythingElseToTheDriver() {
        for (String text : List.of("infinity", "-infinity", "0044-03-15 12:00:00+00 BC", "10000-01-01 00:00:00+00",
                "2026-12-06T15:49:05Z", "2026-02-30 00:00:00+00", "2026-12-06 24:00:00+00", "2026-12-06 15:49:05", "2026-12-06 15:49:05.+00",
                "2026-12-06 15:49:05.1234567890+00", "2026-12-06 15:49:05+0", "2026-12-06 15:49:05+00:", "")) {
            assertThat(TimestampTextCodec.parse(buffer(text))).as(text).isNull();
        }
    }

    /** Registered, it is the codec the driver picks for a timestamptz read as an Instant (and only then). */
    @Test
    void isTheCodecTheDriverPicks() throws Exception {
        DefaultCodecs codecs = new DefaultCodecs(ByteBufAllocator.DEFAULT);
        reactor.core.publisher.Mono.from(TimestampTextCodec.registrar().register(null, ByteBufAllocator.DEFAULT, codecs)).block();
        java.lang.reflect.Field field = DefaultCodecs.class.getDeclaredField("codecLookup");
        field.setAccessible(true);
        Object lookup = field.get(codecs);
        java.lang.reflect.Method find = lookup.getClass().getMethod("findDecodeCodec", int.class, Format.class, Class.class);
        find.setAccessible(true);
        int timestamptz = PostgresqlObjectId.TIMESTAMPTZ.getObjectId();
        assertThat(find.invoke(lookup, timestamptz, Format.FORMAT_TEXT, Instant.class)).isInstanceOf(TimestampTextCodec.class);
        assertThat(find.invoke(lookup, timestamptz, Format.FORMAT_TEXT, OffsetDateTime.class)).isNotInstanceOf(TimestampTextCodec.class);
        assertThat(find.invoke(lookup, PostgresqlObjectId.TIMESTAMP.getObjectId(), Format.FORMAT_TEXT, Instant.class))
                .isNotInstanceOf(TimestampTextCodec.class);
        assertThat(codecs.decode(buffer("2026-12-06 22:49:05.5+07"), timestamptz, Format.FORMAT_TEXT, Instant.class))
                .isEqualTo(Instant.parse("2026-12-06T15:49:05.5Z"));
    }

    @Test
    void readsNothingOfTheBuffer() {
        ByteBuf buffer = buffer("2026-12-06 15:49:05.5+07");
        TimestampTextCodec.parse(buffer);
        assertThat(buffer.readerIndex()).isZero();
    }

    private static Instant parse(String text) {
        return TimestampTextCodec.parse(buffer(text));
    }

    private Instant viaDriver(String text) {
        return driver.decode(buffer(text), PostgresqlObjectId.TIMESTAMPTZ.getObjectId(), Format.FORMAT_TEXT, Instant.class);
    }

    private static ByteBuf buffer(String text) {
        return Unpooled.wrappedBuffer(text.getBytes(StandardCharsets.US_ASCII));
    }
}
