package id.go.cilegon.juare.notify;

import id.go.cilegon.juare.platform.PersonalDataCipher;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Queues WhatsApp messages for sending. {@link #enqueue} is an INSERT in the caller's transaction, so a message
 * exists if and only if the change it tells about was committed; a background sender delivers it afterwards and
 * retries a failed send with backoff. Phone numbers are stored encrypted, with a masked copy for people to read.
 */
@Service
public class NotificationOutbox {

    /** WhatsApp's limit for the body of a text message. */
    public static final int MAX_BODY_LENGTH = 4096;
    /** WhatsApp's limit for a document's caption. */
    public static final int MAX_CAPTION_LENGTH = 1024;
    /** WhatsApp's limit for a document (100 MB); ours are far smaller. */
    public static final int MAX_DOCUMENT_BYTES = 100 * 1024 * 1024;

    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{7,14}");

    private final DatabaseClient db;
    private final PersonalDataCipher cipher;
    private final Clock clock;

    public NotificationOutbox(DatabaseClient db, PersonalDataCipher cipher, Clock clock) {
        this.db = db;
        this.cipher = cipher;
        this.clock = clock;
    }

    /**
     * Queues a text message; run it inside the transaction of the change it tells about.
     *
     * @param phoneE164   the recipient, +62…
     * @param body        the text, at most {@link #MAX_BODY_LENGTH} characters (see {@link ComplaintMessages})
     * @param kind        what the message is about, for operators and statistics (e.g. {@code DISPATCHED})
     * @param complaintId the complaint it tells about, or null
     */
    public Mono<Void> enqueue(String phoneE164, String body, String kind, UUID complaintId) {
        return Mono.defer(() -> insert(phoneE164, body, kind, complaintId));
    }

    /**
     * Queues a document message (a file with a caption), sent and retried like a text message; run it inside the
     * transaction of the change it tells about.
     *
     * @param filename the name the recipient sees, e.g. laporan-harian-2026-11-28.pdf
     * @param mimeType e.g. application/pdf
     * @param caption  1 to {@link #MAX_CAPTION_LENGTH} characters
     */
    public Mono<Void> enqueueDocument(String phoneE164, String filename, String mimeType, byte[] content, String caption,
                                      String kind) {
        return Mono.defer(() -> {
            if (filename == null || filename.isBlank() || mimeType == null || mimeType.isBlank()) {
                return Mono.error(new IllegalArgumentException("filename and mimeType are required"));
            }
            if (content == null || content.length == 0 || content.length > MAX_DOCUMENT_BYTES) {
                return Mono.error(new IllegalArgumentException("document must be 1 to " + MAX_DOCUMENT_BYTES + " bytes"));
            }
            if (caption == null || caption.isBlank() || caption.length() > MAX_CAPTION_LENGTH) {
                return Mono.error(new IllegalArgumentException("caption must be 1 to " + MAX_CAPTION_LENGTH + " characters"));
            }
            return insert(phoneE164, caption, kind, null, new Document(filename, mimeType, content));
        });
    }

    private record Document(String filename, String mimeType, byte[] content) {
    }

    private Mono<Void> insert(String phoneE164, String body, String kind, UUID complaintId) {
        return insert(phoneE164, body, kind, complaintId, null);
    }

    private Mono<Void> insert(String phoneE164, String body, String kind, UUID complaintId, Document document) {
        // a message that can never be sent would only be retried in vain: refuse it in the caller's transaction
        if (phoneE164 == null || !E164.matcher(phoneE164).matches()) {
            return Mono.error(new IllegalArgumentException("phone must be E.164 (+62…): " + PhoneMask.mask(phoneE164)));
        }
        if (body == null || body.isBlank() || body.length() > MAX_BODY_LENGTH) {
            return Mono.error(new IllegalArgumentException("body must be 1 to " + MAX_BODY_LENGTH + " characters"));
        }
        if (kind == null || kind.isBlank()) {
            return Mono.error(new IllegalArgumentException("kind is required"));
        }
        Instant now = clock.instant();
        DatabaseClient.GenericExecuteSpec spec = db.sql("""
                        INSERT INTO notification_outbox (phone_encrypted, phone_masked, body, kind, complaint_id, created_at,
                                                         next_attempt_at, document, document_filename, document_mime)
                        VALUES (:phone, :masked, :body, :kind, :complaint, :now, :now, :document, :filename, :mime)""")
                .bind("phone", cipher.encrypt(phoneE164))
                .bind("masked", PhoneMask.mask(phoneE164))
                .bind("body", body)
                .bind("kind", kind)
                .bind("now", now);
        spec = complaintId == null ? spec.bindNull("complaint", UUID.class) : spec.bind("complaint", complaintId);
        spec = document == null
                ? spec.bindNull("document", byte[].class).bindNull("filename", String.class).bindNull("mime", String.class)
                : spec.bind("document", document.content()).bind("filename", document.filename()).bind("mime", document.mimeType());
        return spec.then();
    }
}
