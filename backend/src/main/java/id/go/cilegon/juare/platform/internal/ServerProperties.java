package id.go.cilegon.juare.platform.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Limits of the HTTP server against clients that hold connections or memory (ADR 0014).
 *
 * @param headerTimeout          a request's line and headers must arrive within this, from its first byte (or from
 *                               the connection's opening); slow-loris clients are closed after it
 * @param readTimeout            the longest silence while a request's body is being read
 * @param requestTimeout         the longest time to read a whole request body (a 10 MB photo on a slow phone)
 * @param maxBodySize            the largest GraphQL request body (bytes); larger answers 413 PAYLOAD_TOO_LARGE
 * @param maxSubscriptionsPerConnection active subscriptions one WebSocket may hold; the next is refused with
 *                               TOO_MANY_SUBSCRIPTIONS
 */
@ConfigurationProperties("juare.server")
record ServerProperties(Duration headerTimeout, Duration readTimeout, Duration requestTimeout, Long maxBodySize,
                        Integer maxSubscriptionsPerConnection) {

    ServerProperties {
        headerTimeout = headerTimeout == null ? Duration.ofSeconds(10) : headerTimeout;
        readTimeout = readTimeout == null ? Duration.ofSeconds(20) : readTimeout;
        requestTimeout = requestTimeout == null ? Duration.ofSeconds(120) : requestTimeout;
        maxBodySize = maxBodySize == null ? 512 * 1024L : maxBodySize;
        maxSubscriptionsPerConnection = maxSubscriptionsPerConnection == null ? 50 : maxSubscriptionsPerConnection;
        if (maxSubscriptionsPerConnection < 1 || maxSubscriptionsPerConnection > 200) {
            // GraphQlWebSocketHandler serves a connection's messages through one flatMap of concurrency 256:
            // beyond that, subscriptions would be accepted and never served
            throw new IllegalArgumentException("juare.server.max-subscriptions-per-connection must be 1..200");
        }
    }
}
