package id.go.cilegon.juare.dashboard.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.language.EnumTypeDefinition;
import graphql.language.EnumValueDefinition;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import id.go.cilegon.juare.dashboard.base.i18n.TranslationProvider;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The complaint words: every value the schema can send has its text in both languages; countdowns read right. */
class ComplaintTextsTest {

    private static final TranslationProvider PROVIDER = new TranslationProvider();
    private static final TypeDefinitionRegistry SCHEMA = schema();

    private static ComplaintTexts texts(Locale locale) {
        return new ComplaintTexts((key, params) -> PROVIDER.getTranslation(key, locale, params));
    }

    private static TypeDefinitionRegistry schema() {
        StringBuilder sdl = new StringBuilder();
        for (String file : List.of("graphql/schema.graphqls", "graphql/staff.graphqls")) {
            try (InputStream in = ComplaintTextsTest.class.getClassLoader().getResourceAsStream(file)) {
                assertThat(in).as(file).isNotNull();
                sdl.append(new String(in.readAllBytes(), StandardCharsets.UTF_8)).append('\n');
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return new SchemaParser().parse(sdl.toString());
    }

    private static List<String> enumValues(String type) {
        return SCHEMA.getType(type, EnumTypeDefinition.class).orElseThrow()
                .getEnumValueDefinitions().stream().map(EnumValueDefinition::getName).toList();
    }

    @Test
    void everyRejectReasonOfTheSchemaIsOursAndTranslated() {
        List<String> schema = enumValues("RejectReason");
        assertThat(Arrays.stream(RejectReason.values()).map(Enum::name)).containsExactlyElementsOf(schema);
        for (Locale locale : TranslationProvider.LOCALES) {
            for (RejectReason reason : RejectReason.values()) {
                assertThat(texts(locale).rejectReason(reason)).as("%s in %s", reason, locale).doesNotContain("!").isNotBlank();
                assertThat(texts(locale).rejectReason(reason.name())).isEqualTo(texts(locale).rejectReason(reason));
            }
        }
        assertThat(texts(TranslationProvider.INDONESIAN).rejectReason(RejectReason.OUTSIDE_CILEGON)).isEqualTo("Di luar Kota Cilegon");
        assertThat(texts(Locale.ENGLISH).rejectReason(RejectReason.SPAM)).isEqualTo("Spam or advertising");
        // the duplicate has its own action, which names the original
        assertThat(Arrays.stream(RejectReason.values()).filter(RejectReason::offeredForReject)).doesNotContain(RejectReason.DUPLICATE);
    }

    @Test
    void everyStatusEventAndPhotoKindIsTranslated() {
        for (Locale locale : TranslationProvider.LOCALES) {
            ComplaintTexts texts = texts(locale);
            enumValues("ComplaintStatus").forEach(v -> assertThat(texts.status(v)).as("status %s %s", v, locale).doesNotContain("!"));
            enumValues("ComplaintEventType").forEach(v -> assertThat(texts.eventType(v)).as("event %s %s", v, locale).doesNotContain("!"));
            enumValues("PhotoKind").forEach(v -> assertThat(texts.photoKind(v)).as("photo %s %s", v, locale).doesNotContain("!"));
        }
        assertThat(texts(TranslationProvider.INDONESIAN).status("IN_PROGRESS")).isEqualTo("Diproses");
        assertThat(texts(Locale.ENGLISH).eventType("MARKED_DUPLICATE")).isEqualTo("Marked as duplicate");
    }

    @Test
    void countdownsInBothLanguages() {
        Instant now = Instant.parse("2026-05-07T07:00:00Z");
        Countdown reply = Countdown.of(Countdown.Clock.REPLY, now.plus(Duration.ofHours(3).plusMinutes(5)), Duration.ofHours(24), null, now);
        assertThat(texts(TranslationProvider.INDONESIAN).countdown(reply)).isEqualTo("Balasan: 3 jam 5 mnt lagi");
        assertThat(texts(Locale.ENGLISH).countdown(reply)).isEqualTo("Reply: 3 h 5 min left");

        Countdown fix = Countdown.of(Countdown.Clock.FIX, now.minus(Duration.ofDays(2).plusHours(1)), Duration.ofHours(72), null, now);
        assertThat(texts(TranslationProvider.INDONESIAN).countdown(fix)).isEqualTo("Penanganan: terlambat 2 hari 1 jam");
        assertThat(texts(Locale.ENGLISH).countdown(fix)).isEqualTo("Fix: overdue 2 d 1 h");

        Countdown exact = Countdown.of(Countdown.Clock.FIX, now.plus(Duration.ofDays(3)), Duration.ofHours(72), null, now);
        assertThat(texts(Locale.ENGLISH).countdown(exact)).isEqualTo("Fix: 3 d left");
        Countdown minutes = Countdown.of(Countdown.Clock.REPLY, now.plus(Duration.ofMinutes(12)), Duration.ofHours(24), null, now);
        assertThat(texts(TranslationProvider.INDONESIAN).countdown(minutes)).isEqualTo("Balasan: 12 mnt lagi");
        assertThat(texts(Locale.ENGLISH).countdown(Countdown.NONE)).isEmpty();
    }

    @Test
    void refusalsInWords() {
        ComplaintTexts english = texts(Locale.ENGLISH);
        assertThat(english.refusal(new ComplaintRefused("CONFLICT", "Someone else just changed this complaint, reload it", "complaintId")))
                .startsWith("Another staff member has just changed this complaint");
        // the backend answers in the user's language (the dashboard sends it): its text is shown as it came
        assertThat(english.refusal(new ComplaintRefused("MESSAGE_TOO_SHORT", "At least 10 characters", "message")))
                .isEqualTo("Refused: At least 10 characters");
    }

    @Test
    void theDashboardsOwnRefusalsInTheUsersLanguage() {
        ComplaintRefused notAPhoto = ComplaintRefused.dashboard("UNSUPPORTED_PHOTO", "complaint.upload.type", "file");
        assertThat(texts(TranslationProvider.INDONESIAN).message(notAPhoto)).isEqualTo("Hanya foto JPEG atau PNG");
        assertThat(texts(Locale.ENGLISH).message(notAPhoto)).isEqualTo("Only JPEG or PNG photos");
        ComplaintRefused failed = ComplaintRefused.dashboard("UPLOAD_FAILED", "complaint.upload.failed", "file", 502);
        assertThat(texts(Locale.ENGLISH).message(failed)).isEqualTo("Upload failed (HTTP 502)");
        assertThat(texts(Locale.ENGLISH).message(new ComplaintRefused("INVALID_INPUT", null, null))).isEmpty();
    }
}
