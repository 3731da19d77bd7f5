package id.go.cilegon.juare.dashboard.backend;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Where the backend is, and how patiently to talk to it. */
@ConfigurationProperties("juare.backend")
public record BackendProperties(
        @DefaultValue("http://localhost:8080") URI url,
        @DefaultValue("5s") Duration connectTimeout,
        @DefaultValue("20s") Duration readTimeout,
        @DefaultValue("60s") Duration refreshMargin) {

    public URI graphQlUrl() {
        return url.resolve("/graphql");
    }
}
