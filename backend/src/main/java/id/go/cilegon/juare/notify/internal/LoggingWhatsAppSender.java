package id.go.cilegon.juare.notify.internal;

import id.go.cilegon.juare.notify.PhoneMask;
import id.go.cilegon.juare.notify.WhatsAppSender;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/** Development only: "sends" by logging, phone masked, so a developer can sign in without a gateway. */
class LoggingWhatsAppSender implements WhatsAppSender {

    private static final Logger log = LoggerFactory.getLogger(LoggingWhatsAppSender.class);

    @Override
    public Mono<Void> sendOtp(String phoneE164, String code) {
        return Mono.fromRunnable(() ->
                log.info("[WhatsApp dev] to {}: Kode masuk Juare Anda: {} (berlaku 5 menit)", PhoneMask.mask(phoneE164), code));
    }

    @Override
    public Mono<Void> sendText(String phoneE164, String text) {
        return Mono.fromRunnable(() -> log.info("[WhatsApp dev] to {}: {}", PhoneMask.mask(phoneE164), text));
    }

    @Override
    public Mono<Void> sendDocument(String phoneE164, String filename, String mimeType, byte[] content, String caption) {
        return Mono.fromRunnable(() -> log.info("[WhatsApp dev] to {}: document {} ({}, {} bytes): {}", PhoneMask.mask(phoneE164),
                filename, mimeType, content.length, caption));
    }
}
