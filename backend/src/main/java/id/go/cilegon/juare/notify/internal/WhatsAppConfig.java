package id.go.cilegon.juare.notify.internal;

import id.go.cilegon.juare.notify.WhatsAppSender;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.client.WebClient;

@Configuration(proxyBeanMethods = false)
class WhatsAppConfig {

    private static final Logger log = LoggerFactory.getLogger(WhatsAppConfig.class);

    @Bean
    WhatsAppSender whatsAppSender(WhatsAppProperties properties, WebClient.Builder webClientBuilder) {
        if (properties.cloudApiConfigured()) {
            return new CloudApiWhatsAppSender(webClientBuilder, properties);
        }
        log.warn("No WhatsApp gateway configured (juare.whatsapp.access-token, juare.whatsapp.phone-number-id): "
                + "messages are written to this log instead. Development only.");
        return new LoggingWhatsAppSender();
    }
}
