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
}
