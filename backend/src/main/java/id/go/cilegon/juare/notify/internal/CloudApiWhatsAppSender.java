package id.go.cilegon.juare.notify.internal;

import id.go.cilegon.juare.notify.PhoneMask;
import id.go.cilegon.juare.notify.WhatsAppSender;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.util.LinkedHashMap;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientResponseException;
import reactor.core.publisher.Mono;

/**
 * WhatsApp Cloud API: {@code POST {base}/{phone-number-id}/messages} with a bearer token. Sign-in codes go as
 * the approved authentication template (body parameter and copy-code button); other messages as text. A document
 * (the daily report) is first uploaded ({@code POST {base}/{phone-number-id}/media}, multipart) and then sent by its
 * media id as a document message with filename and caption.
 */
class CloudApiWhatsAppSender implements WhatsAppSender {

    private static final Logger log = LoggerFactory.getLogger(CloudApiWhatsAppSender.class);

    private final WebClient client;
    private final WhatsAppProperties properties;

    CloudApiWhatsAppSender(WebClient.Builder builder, WhatsAppProperties properties) {
        this.properties = properties;
        this.client = builder
                .baseUrl(properties.baseUrl())
                .defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + properties.accessToken())
                .build();
    }

    @Override
    public Mono<Void> sendOtp(String phoneE164, String code) {
        Map<String, Object> template = Map.of(
                "name", properties.otpTemplate(),
                "language", Map.of("code", properties.languageCode()),
                "components", List.of(
                        Map.of("type", "body", "parameters", List.of(textParameter(code))),
                        Map.of("type", "button", "sub_type", "url", "index", "0", "parameters", List.of(textParameter(code)))));
        return send(phoneE164, Map.of(
                "messaging_product", "whatsapp",
                "to", recipient(phoneE164),
                "type", "template",
                "template", template));
    }

    @Override
    public Mono<Void> sendText(String phoneE164, String text) {
        return send(phoneE164, Map.of(
                "messaging_product", "whatsapp",
                "to", recipient(phoneE164),
                "type", "text",
                "text", Map.of("preview_url", false, "body", text)));
    }

    @Override
    public Mono<Void> sendDocument(String phoneE164, String filename, String mimeType, byte[] content, String caption) {
        return upload(filename, mimeType, content)
                .flatMap(mediaId -> send(phoneE164, Map.of(
                        "messaging_product", "whatsapp",
                        "recipient_type", "individual",
                        "to", recipient(phoneE164),
                        "type", "document",
                        "document", document(mediaId, filename, caption))));
    }

    private static Map<String, Object> document(String mediaId, String filename, String caption) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("id", mediaId);
        document.put("filename", filename);
        if (caption != null && !caption.isBlank()) {
            document.put("caption", caption);
        }
        return document;
    }

    /** Uploads the file as media; its id, which a message may use for 30 days. */
    private Mono<String> upload(String filename, String mimeType, byte[] content) {
        MultipartBodyBuilder form = new MultipartBodyBuilder();
        form.part("messaging_product", "whatsapp");
        form.part("type", mimeType);
        form.part("file", new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return filename;
            }
        }).contentType(MediaType.parseMediaType(mimeType));
        return client.post()
                .uri("/{phoneNumberId}/media", properties.phoneNumberId())
                .contentType(MediaType.MULTIPART_FORM_DATA)
                .body(BodyInserters.fromMultipartData(form.build()))
                .retrieve()
                .bodyToMono(Map.class)
                .timeout(properties.timeout())
                .flatMap(answer -> answer.get("id") instanceof String id && !id.isBlank()
                        ? Mono.just(id)
                        : Mono.error(new IllegalStateException("WhatsApp media upload answered without an id")))
                .doOnError(e -> log.warn("WhatsApp Cloud API media upload of {} failed: {}", filename, describe(e)));
    }

    private Mono<Void> send(String phoneE164, Map<String, Object> body) {
        return client.post()
                .uri("/{phoneNumberId}/messages", properties.phoneNumberId())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .retrieve()
                .toBodilessEntity()
                .timeout(properties.timeout())
                .doOnError(e -> log.warn("WhatsApp Cloud API send to {} failed: {}", PhoneMask.mask(phoneE164), describe(e)))
                .then();
    }

    private static String describe(Throwable e) {
        if (e instanceof WebClientResponseException response) {
            return "HTTP " + response.getStatusCode().value();
        }
        return e.getClass().getSimpleName();
    }

    private static Map<String, Object> textParameter(String text) {
        return Map.of("type", "text", "text", text);
    }

    /** The Cloud API takes the number without the plus sign. */
    private static String recipient(String phoneE164) {
        return phoneE164.startsWith("+") ? phoneE164.substring(1) : phoneE164;
    }
}
