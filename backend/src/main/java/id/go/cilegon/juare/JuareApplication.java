package id.go.cilegon.juare;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The Juare backend: GraphQL over HTTP and WebSocket, on PostgreSQL through R2DBC. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class JuareApplication {

    public static void main(String[] args) {
        SpringApplication.run(JuareApplication.class, args);
    }
}
