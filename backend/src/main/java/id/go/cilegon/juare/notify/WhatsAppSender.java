package id.go.cilegon.juare.notify;

import reactor.core.publisher.Mono;

/** Sends WhatsApp messages. Phone numbers are E.164 (+628…); implementations never log them unmasked. */
public interface WhatsAppSender {

    /** Sends a one-time sign-in code. */
    Mono<Void> sendOtp(String phoneE164, String code);

    /** Sends a plain text message (notifications about a complaint). */
    Mono<Void> sendText(String phoneE164, String text);

    /**
     * Sends a file as a document message (the daily report's PDF): uploaded first, then sent with a caption.
     *
     * @param filename what the recipient sees and saves, e.g. laporan-harian-2026-11-28.pdf
     * @param mimeType e.g. application/pdf
     * @param caption  at most {@link NotificationOutbox#MAX_CAPTION_LENGTH} characters, or null
     */
    Mono<Void> sendDocument(String phoneE164, String filename, String mimeType, byte[] content, String caption);
}
