package id.go.cilegon.juare.notify;

import reactor.core.publisher.Mono;

/** Sends WhatsApp messages. Phone numbers are E.164 (+628…); implementations never log them unmasked. */
public interface WhatsAppSender {

    /** Sends a one-time sign-in code. */
    Mono<Void> sendOtp(String phoneE164, String code);

    /** Sends a plain text message (notifications about a complaint). */
    Mono<Void> sendText(String phoneE164, String text);
}
