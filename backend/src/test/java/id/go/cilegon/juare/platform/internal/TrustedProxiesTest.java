package id.go.cilegon.juare.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import reactor.core.publisher.Mono;

/** X-Forwarded-For is believed only from trusted proxies, read from the right. */
class TrustedProxiesTest {

    private final TrustedProxies proxies = new TrustedProxies(List.of("127.0.0.0/8", "::1/128", "10.1.0.0/16"));

    private String clientSeen(String peer, String... forwardedFor) {
        MockServerHttpRequest.BaseBuilder<?> request = MockServerHttpRequest.post("/graphql")
                .remoteAddress(new InetSocketAddress(peer, 40000));
        if (forwardedFor.length > 0) {
            request.header(TrustedProxies.HEADER, forwardedFor);
        }
        MockServerWebExchange exchange = MockServerWebExchange.from(request);
        String[] seen = new String[1];
        proxies.filter(exchange, e -> {
            seen[0] = e.getRequest().getRemoteAddress().getAddress().getHostAddress();
            return Mono.empty();
        }).block();
        return seen[0];
    }

    @Test
    void aTrustedProxyNamesTheClient() {
        assertThat(clientSeen("127.0.0.1", "203.0.113.7")).isEqualTo("203.0.113.7");
        // the dashboard behind a reverse proxy of ours: the rightmost address that is no proxy of ours
        assertThat(clientSeen("127.0.0.1", "198.51.100.1, 203.0.113.7, 10.1.2.3")).isEqualTo("203.0.113.7");
        assertThat(clientSeen("127.0.0.1", "198.51.100.1", "203.0.113.7")).isEqualTo("203.0.113.7");
        assertThat(clientSeen("::1", "2001:db8::5")).isEqualTo("2001:db8:0:0:0:0:0:5");
    }

    @Test
    void anyoneElseCannotPickTheirAddress() {
        assertThat(clientSeen("203.0.113.9", "127.0.0.1")).isEqualTo("203.0.113.9");
        assertThat(clientSeen("203.0.113.9", "198.51.100.1")).isEqualTo("203.0.113.9");
        assertThat(clientSeen("127.0.0.1")).isEqualTo("127.0.0.1");
        // garbage stops the walk at the last address read
        assertThat(clientSeen("127.0.0.1", "nonsense")).isEqualTo("127.0.0.1");
        assertThat(clientSeen("127.0.0.1", "203.0.113.7, unknown, 10.1.0.9")).isEqualTo("10.1.0.9");
    }
}
