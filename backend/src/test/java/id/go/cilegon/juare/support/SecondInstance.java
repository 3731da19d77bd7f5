package id.go.cilegon.juare.support;

import id.go.cilegon.juare.JuareApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Another backend instance on the same database (the JVM's embedded PostgreSQL), for multi-instance tests. */
public final class SecondInstance {

    private SecondInstance() {
    }

    public static ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(JuareApplication.class)
                .profiles("test")
                .run("--server.port=0",
                        "--juare.whatsapp.base-url=" + IntegrationTest.WHATSAPP.baseUrl(),
                        "--juare.whatsapp.phone-number-id=" + WhatsAppStub.PHONE_NUMBER_ID,
                        "--juare.whatsapp.access-token=" + WhatsAppStub.ACCESS_TOKEN);
    }
}
