package id.go.cilegon.juare.notify.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.go.cilegon.juare.support.WhatsAppStub;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientResponseException;

/** The Cloud API adapter against a local stub server. */
class CloudApiWhatsAppSenderTest {

    private final WhatsAppStub stub = WhatsAppStub.start();
    private final CloudApiWhatsAppSender sender = new CloudApiWhatsAppSender(WebClient.builder(),
            new WhatsAppProperties(stub.baseUrl(), "555", "secret-token", "kode_masuk", "id", Duration.ofSeconds(5)));

    @Test
    void sendsTheCodeAsTheAuthenticationTemplate() {
        sender.sendOtp("+6281234567890", "123456").block();

        WhatsAppStub.Request request = stub.requests().getFirst();
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/v21.0/555/messages");
        assertThat(request.authorization()).isEqualTo("Bearer secret-token");
        assertThat(request.to()).isEqualTo("6281234567890");
        assertThat(request.body().path("messaging_product").asString()).isEqualTo("whatsapp");
        assertThat(request.body().path("template").path("name").asString()).isEqualTo("kode_masuk");
        assertThat(request.otpCode()).isEqualTo("123456");
        assertThat(request.body().path("template").path("components").get(1).path("sub_type").asString()).isEqualTo("url");
    }

    @Test
    void sendsPlainText() {
        sender.sendText("+6281234567890", "Pengaduan Anda diteruskan ke DPUPR").block();
        WhatsAppStub.Request request = stub.requests().getFirst();
        assertThat(request.body().path("type").asString()).isEqualTo("text");
        assertThat(request.body().path("text").path("body").asString()).isEqualTo("Pengaduan Anda diteruskan ke DPUPR");
    }

    @Test
    void aRefusalFromTheApiIsAnError() {
        stub.failWith(401);
        assertThatThrownBy(() -> sender.sendText("+6281234567890", "x").block())
                .isInstanceOf(WebClientResponseException.Unauthorized.class);
    }

    @Test
    void sendsADocumentByUploadingItFirst() {
        byte[] pdf = "%PDF-1.4 laporan uji".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        sender.sendDocument("+6281234567890", "laporan-harian-2026-11-28.pdf", "application/pdf", pdf,
                "Laporan Harian Pengaduan Juare, Sabtu, 28 November 2026").block();

        java.util.List<WhatsAppStub.Request> requests = stub.requests();
        assertThat(requests).hasSize(2);
        WhatsAppStub.Request upload = requests.get(0);
        assertThat(upload.path()).isEqualTo("/v21.0/555/media");
        assertThat(upload.authorization()).isEqualTo("Bearer secret-token");
        assertThat(upload.contentType()).startsWith("multipart/form-data");
        java.util.List<WhatsAppStub.Part> parts = upload.parts();
        assertThat(parts).extracting(WhatsAppStub.Part::name).containsExactly("messaging_product", "type", "file");
        assertThat(parts.get(0).text()).isEqualTo("whatsapp");
        assertThat(parts.get(1).text()).isEqualTo("application/pdf");
        assertThat(parts.get(2).filename()).isEqualTo("laporan-harian-2026-11-28.pdf");
        assertThat(parts.get(2).contentType()).isEqualTo("application/pdf");
        assertThat(parts.get(2).content()).isEqualTo(pdf);

        WhatsAppStub.Request message = requests.get(1);
        assertThat(message.path()).isEqualTo("/v21.0/555/messages");
        assertThat(message.to()).isEqualTo("6281234567890");
        assertThat(message.body().path("messaging_product").asString()).isEqualTo("whatsapp");
        assertThat(message.body().path("type").asString()).isEqualTo("document");
        assertThat(message.body().path("document").path("id").asString()).isEqualTo(WhatsAppStub.MEDIA_ID);
        assertThat(message.body().path("document").path("filename").asString()).isEqualTo("laporan-harian-2026-11-28.pdf");
        assertThat(message.body().path("document").path("caption").asString())
                .isEqualTo("Laporan Harian Pengaduan Juare, Sabtu, 28 November 2026");
    }

    @Test
    void aFailedUploadSendsNoMessage() {
        stub.failWith(500);
        assertThatThrownBy(() -> sender.sendDocument("+6281234567890", "a.pdf", "application/pdf", new byte[] {1}, "x").block())
                .isInstanceOf(WebClientResponseException.InternalServerError.class);
        assertThat(stub.requests()).hasSize(1);
        assertThat(stub.requests().getFirst().path()).endsWith("/media");
    }
}
