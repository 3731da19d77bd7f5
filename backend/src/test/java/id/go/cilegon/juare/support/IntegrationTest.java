package id.go.cilegon.juare.support;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole backend on a random port, on the JVM's one embedded PostgreSQL, with WhatsApp pointed at a local
 * stub. Every integration test extends this and so shares one Spring context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
public abstract class IntegrationTest {

    protected static final WhatsAppStub WHATSAPP = WhatsAppStub.start();

    @LocalServerPort
    protected int port;

    @Autowired
    protected DatabaseClient db;

    @DynamicPropertySource
    static void whatsApp(DynamicPropertyRegistry registry) {
        whatsAppProperties(registry);
    }

    public static void whatsAppProperties(DynamicPropertyRegistry registry) {
        registry.add("juare.whatsapp.base-url", WHATSAPP::baseUrl);
        registry.add("juare.whatsapp.phone-number-id", () -> WhatsAppStub.PHONE_NUMBER_ID);
        registry.add("juare.whatsapp.access-token", () -> WhatsAppStub.ACCESS_TOKEN);
    }

    protected Api api() {
        return new Api(port, WHATSAPP);
    }
}
