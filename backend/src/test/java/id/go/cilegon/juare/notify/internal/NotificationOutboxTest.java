package id.go.cilegon.juare.notify.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.go.cilegon.juare.notify.CommandCentreContacts;
import id.go.cilegon.juare.notify.NotificationOutbox;
import id.go.cilegon.juare.notify.PhoneMask;
import id.go.cilegon.juare.notify.WhatsAppSender;
import id.go.cilegon.juare.platform.PersonalDataCipher;
import id.go.cilegon.juare.support.IntegrationTest;
import id.go.cilegon.juare.support.Live;
import id.go.cilegon.juare.support.TestData;
import id.go.cilegon.juare.support.WhatsAppStub;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/**
 * The outbox on the real database against the WhatsApp stub. The application's own sender polls in the
 * background too, so every test drives passes itself and waits for the table, and tells its messages apart by
 * random phone numbers and unique bodies.
 */
@ExtendWith(OutputCaptureExtension.class)
class NotificationOutboxTest extends IntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final Duration POLL = Duration.ofMillis(100);

    @Autowired
    private NotificationOutbox outbox;
    @Autowired
    private OutboxSender sender;
    @Autowired
    private TransactionalOperator tx;
    @Autowired
    private PersonalDataCipher cipher;
    @Autowired
    private WhatsAppSender whatsApp;
    @Autowired
    private OutboxProperties properties;
    @Autowired
    private Clock clock;
    @Autowired
    private CommandCentreContacts commandCentre;

    private record Row(int attempts, Instant createdAt, Instant nextAttemptAt, boolean givenUp, Instant sentAt,
                       String lastError, byte[] phoneEncrypted, String phoneMasked, String kind, UUID complaintId) {
    }

    @Test
    void aMessageEnqueuedInATransactionThatRollsBackIsNeverSent() {
        String phone = newPhone();
        String body = uniqueBody();
        Mono<Void> failedChange = outbox.enqueue(phone, body, "TEST", null)
                .then(Mono.error(new IllegalStateException("the change failed")));

        StepVerifier.create(failedChange.as(tx::transactional))
                .expectError(IllegalStateException.class)
                .verify(WAIT);

        assertThat(rowCount(body)).isZero();
        sender.sendDue().block(WAIT);
        assertThat(textsTo(phone)).isEmpty();
    }

    @Test
    void aCommittedMessageIsSentOnceWithItsBodyToItsNumber() {
        String residentToken = api().newResident().token();
        UUID complaintId = UUID.fromString(Live.submitComplaint(api(), residentToken));
        String phone = newPhone();
        String body = "Pengaduan Anda sudah diteruskan.\n" + uniqueBody();
        enqueueCommitted(phone, body, complaintId);

        awaitSent(List.of(body));
        sender.sendDue().block(WAIT);

        List<WhatsAppStub.Request> texts = textsTo(phone);
        assertThat(texts).hasSize(1);
        WhatsAppStub.Request request = texts.getFirst();
        assertThat(request.path()).isEqualTo("/v21.0/" + WhatsAppStub.PHONE_NUMBER_ID + "/messages");
        assertThat(request.to()).isEqualTo(phone.substring(1));
        assertThat(request.body().path("type").asString()).isEqualTo("text");
        assertThat(request.body().path("text").path("body").asString()).isEqualTo(body);
        Row row = row(body);
        assertThat(row.sentAt()).isNotNull();
        assertThat(row.attempts()).isEqualTo(1);
        assertThat(row.lastError()).isNull();
        assertThat(row.kind()).isEqualTo("TEST");
        assertThat(row.complaintId()).isEqualTo(complaintId);
    }

    @Test
    void sendersRacingOnTheSameTableDeliverEachMessageExactlyOnce() {
        OutboxProperties smallBatches = new OutboxProperties(properties.pollInterval(), 3, properties.maxAttempts(),
                properties.initialBackoff(), properties.maxBackoff(), properties.sendTimeout());
        OutboxSender first = new OutboxSender(db, cipher, whatsApp, smallBatches, clock, new io.micrometer.core.instrument.simple.SimpleMeterRegistry());
        OutboxSender second = new OutboxSender(db, cipher, whatsApp, smallBatches, clock, new io.micrometer.core.instrument.simple.SimpleMeterRegistry());
        List<String> phones = IntStream.range(0, 12).mapToObj(i -> newPhone()).toList();
        Map<String, String> bodies = phones.stream().collect(Collectors.toMap(Function.identity(), phone -> uniqueBody()));
        Flux.fromIterable(phones)
                .concatMap(phone -> outbox.enqueue(phone, bodies.get(phone), "TEST", null))
                .then()
                .as(tx::transactional)
                .block(WAIT);

        // eight passes at once on their own connections, with the application's sender as a third racer
        Flux.range(0, 8)
                .flatMap(i -> (i % 2 == 0 ? first : second).sendDue(), 8)
                .blockLast(WAIT);
        awaitSent(List.copyOf(bodies.values()));

        for (String phone : phones) {
            List<WhatsAppStub.Request> texts = textsTo(phone);
            assertThat(texts).hasSize(1);
            assertThat(texts.getFirst().body().path("text").path("body").asString()).isEqualTo(bodies.get(phone));
        }
    }

    @Test
    void aFailedSendStaysPendingWithBackoffAndIsDeliveredOnALaterAttempt() {
        String phone = newPhone();
        String body = uniqueBody();
        WHATSAPP.failWith(500);
        try {
            enqueueCommitted(phone, body, null);
            awaitRow(body, row -> row.attempts() >= 1);

            Row failed = row(body);
            assertThat(failed.attempts()).isEqualTo(1);
            assertThat(failed.sentAt()).isNull();
            assertThat(failed.givenUp()).isFalse();
            assertThat(failed.nextAttemptAt())
                    .isAfterOrEqualTo(failed.createdAt().plus(properties.initialBackoff()))
                    .isBeforeOrEqualTo(clock.instant().plus(properties.initialBackoff()));
            assertThat(failed.lastError()).isEqualTo("InternalServerError: HTTP 500");
            assertThat(textsTo(phone)).hasSize(1);

            // not due yet: a pass leaves it alone
            sender.sendDue().block(WAIT);
            assertThat(row(body).attempts()).isEqualTo(1);

            WHATSAPP.failWith(0);
            db.sql("UPDATE notification_outbox SET next_attempt_at = :past WHERE body = :body")
                    .bind("past", clock.instant().minusSeconds(1))
                    .bind("body", body)
                    .then()
                    .block(WAIT);
            awaitSent(List.of(body));

            Row sent = row(body);
            assertThat(sent.attempts()).isEqualTo(2);
            assertThat(sent.sentAt()).isNotNull();
            assertThat(textsTo(phone)).hasSize(2);
        } finally {
            WHATSAPP.failWith(0);
        }
    }

    @Test
    void afterTheLastAttemptItGivesUpAndWarnsWithTheNumberMasked(CapturedOutput output) {
        String phone = newPhone();
        String body = uniqueBody();
        WHATSAPP.failWith(503);
        try {
            // committed with one attempt left, so whichever sender takes it makes the last one
            outbox.enqueue(phone, body, "TEST", null)
                    .then(setAttempts(body, properties.maxAttempts() - 1))
                    .as(tx::transactional)
                    .block(WAIT);
            awaitRow(body, row -> row.attempts() >= properties.maxAttempts());

            Row row = row(body);
            assertThat(row.attempts()).isEqualTo(properties.maxAttempts());
            assertThat(row.sentAt()).isNull();
            assertThat(row.givenUp()).isTrue();
            assertThat(row.lastError()).isEqualTo("ServiceUnavailable: HTTP 503");

            sender.sendDue().block(WAIT);
            assertThat(row(body).attempts()).isEqualTo(properties.maxAttempts());
            assertThat(textsTo(phone)).hasSize(1);
            assertThat(output.getAll())
                    .contains("Gave up WhatsApp message")
                    .contains(PhoneMask.mask(phone))
                    .doesNotContain(phone.substring(3));
        } finally {
            WHATSAPP.failWith(0);
        }
    }

    @Test
    void thePhoneIsStoredEncryptedAndMaskedNeverInClear() {
        String phone = newPhone();
        String body = uniqueBody();
        enqueueCommitted(phone, body, null);

        Row row = row(body);
        String digits = phone.substring(1);
        assertThat(new String(row.phoneEncrypted(), StandardCharsets.ISO_8859_1)).doesNotContain(digits).doesNotContain(phone.substring(3));
        assertThat(row.phoneMasked()).isEqualTo(PhoneMask.mask(phone)).doesNotContain(phone.substring(3));
        assertThat(cipher.decrypt(row.phoneEncrypted())).isEqualTo(phone);
        String asText = db.sql("SELECT t::text FROM notification_outbox t WHERE body = :body")
                .bind("body", body)
                .map(r -> r.get(0, String.class))
                .one()
                .block(WAIT);
        assertThat(asText)
                .contains(body)
                .doesNotContain(phone.substring(3))
                .doesNotContain(HexFormat.of().formatHex(digits.getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void refusesWhatCouldNeverBeSent() {
        String tooLong = "a".repeat(NotificationOutbox.MAX_BODY_LENGTH + 1);
        assertThatThrownBy(() -> outbox.enqueue("081234567890", "Halo", "TEST", null).block(WAIT))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("081234567890");
        assertThatThrownBy(() -> outbox.enqueue(newPhone(), tooLong, "TEST", null).block(WAIT))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> outbox.enqueue(newPhone(), "Halo", " ", null).block(WAIT))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theCommandCentreNumbersComeFromConfiguration() {
        // application-test.properties sets one
        assertThat(commandCentre.phones()).containsExactly("+6281100000001");
    }

    private static String newPhone() {
        return TestData.e164(TestData.phone());
    }

    private static String uniqueBody() {
        return "Pesan uji " + UUID.randomUUID();
    }

    private void enqueueCommitted(String phone, String body, UUID complaintId) {
        outbox.enqueue(phone, body, "TEST", complaintId)
                .as(tx::transactional)
                .block(WAIT);
    }

    private Mono<Void> setAttempts(String body, int attempts) {
        return db.sql("UPDATE notification_outbox SET attempts = :attempts WHERE body = :body")
                .bind("attempts", attempts)
                .bind("body", body)
                .then();
    }

    private static List<WhatsAppStub.Request> textsTo(String phoneE164) {
        String to = phoneE164.substring(1);
        return WHATSAPP.requests().stream()
                .filter(request -> to.equals(request.to()))
                .toList();
    }

    /** Runs passes until none of these messages is pending. */
    private void awaitSent(List<String> bodies) {
        StepVerifier.create(Flux.interval(Duration.ZERO, POLL)
                        .onBackpressureDrop()
                        .concatMap(tick -> sender.sendDue().then(pendingCount(bodies)))
                        .filter(pending -> pending == 0)
                        .take(1))
                .expectNext(0L)
                .expectComplete()
                .verify(WAIT);
    }

    /** Runs passes until the message's row satisfies the condition. */
    private void awaitRow(String body, Predicate<Row> condition) {
        StepVerifier.create(Flux.interval(Duration.ZERO, POLL)
                        .onBackpressureDrop()
                        .concatMap(tick -> sender.sendDue().then(readRow(body)))
                        .filter(condition)
                        .take(1))
                .expectNextCount(1)
                .expectComplete()
                .verify(WAIT);
    }

    private Mono<Long> pendingCount(List<String> bodies) {
        return db.sql("SELECT count(*) AS pending FROM notification_outbox WHERE body = ANY(:bodies) AND sent_at IS NULL")
                .bind("bodies", bodies.toArray(String[]::new))
                .map(row -> row.get("pending", Long.class))
                .one();
    }

    private long rowCount(String body) {
        return db.sql("SELECT count(*) AS n FROM notification_outbox WHERE body = :body")
                .bind("body", body)
                .map(row -> row.get("n", Long.class))
                .one()
                .block(WAIT);
    }

    private Row row(String body) {
        return readRow(body).block(WAIT);
    }

    private Mono<Row> readRow(String body) {
        return db.sql("""
                        SELECT attempts, created_at, sent_at, last_error, phone_encrypted, phone_masked, kind, complaint_id,
                               next_attempt_at = 'infinity' AS given_up,
                               CASE WHEN next_attempt_at = 'infinity' THEN NULL ELSE next_attempt_at END AS next_attempt_at
                        FROM notification_outbox WHERE body = :body""")
                .bind("body", body)
                .map(row -> new Row(
                        row.get("attempts", Integer.class),
                        row.get("created_at", Instant.class),
                        row.get("next_attempt_at", Instant.class),
                        Boolean.TRUE.equals(row.get("given_up", Boolean.class)),
                        row.get("sent_at", Instant.class),
                        row.get("last_error", String.class),
                        row.get("phone_encrypted", byte[].class),
                        row.get("phone_masked", String.class),
                        row.get("kind", String.class),
                        row.get("complaint_id", UUID.class)))
                .one();
    }
}
