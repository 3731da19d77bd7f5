package id.go.cilegon.juare.notify.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * WhatsApp gateway settings. With no access token the development sender is used: it writes messages to the
 * log with the phone number masked.
 *
 * @param baseUrl         Graph API base, with version
 * @param phoneNumberId   the sending number's id in WhatsApp Business
 * @param accessToken     a system-user token
 * @param otpTemplate     name of the approved authentication template (one body parameter and a copy-code button)
 * @param languageCode    template language
 * @param timeout         per request
 */
@ConfigurationProperties("juare.whatsapp")
record WhatsAppProperties(String baseUrl, String phoneNumberId, String accessToken, String otpTemplate,
                          String languageCode, Duration timeout) {

    WhatsAppProperties {
        baseUrl = baseUrl == null || baseUrl.isBlank() ? "https://graph.facebook.com/v21.0" : baseUrl;
        otpTemplate = otpTemplate == null || otpTemplate.isBlank() ? "juare_otp" : otpTemplate;
        languageCode = languageCode == null || languageCode.isBlank() ? "id" : languageCode;
        timeout = timeout == null ? Duration.ofSeconds(10) : timeout;
    }

    boolean cloudApiConfigured() {
        return accessToken != null && !accessToken.isBlank() && phoneNumberId != null && !phoneNumberId.isBlank();
    }
}
