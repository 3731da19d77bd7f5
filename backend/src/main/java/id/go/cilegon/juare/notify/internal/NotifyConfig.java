package id.go.cilegon.juare.notify.internal;

import id.go.cilegon.juare.notify.CommandCentreContacts;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class NotifyConfig {

    @Bean
    CommandCentreContacts commandCentreContacts(NotifyProperties properties) {
        return new CommandCentreContacts(properties.commandCentrePhones());
    }
}
