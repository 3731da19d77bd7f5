package id.go.cilegon.juare.platform.internal;

import id.go.cilegon.juare.platform.PublicUrl;
import io.netty.handler.ipfilter.IpFilterRuleType;
import io.netty.handler.ipfilter.IpSubnetFilterRule;
import io.netty.util.NetUtil;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * The client's address behind a proxy we trust: the staff dashboard signs its users in from its own address, and a
 * reverse proxy may stand in front of us. Only when the connection comes from a trusted proxy
 * ({@code juare.trusted-proxies}, CIDR, loopback by default) is {@code X-Forwarded-For} read, from the right, skipping
 * trusted proxies; the first address that is not one is the client. From anyone else the header is ignored, so a
 * stranger cannot pick the address its sign-in attempts are counted against. Spring's ForwardedHeaderTransformer
 * trusts every sender, so it does not fit.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class TrustedProxies implements WebFilter {

    static final String HEADER = "X-Forwarded-For";

    private final List<IpSubnetFilterRule> trusted;

    TrustedProxies(@Value("${juare.trusted-proxies:127.0.0.0/8,::1/128}") List<String> cidrs) {
        this.trusted = new ArrayList<>();
        for (String cidr : cidrs) {
            String value = cidr.strip();
            if (value.isEmpty()) {
                continue;
            }
            int slash = value.indexOf('/');
            String ip = slash < 0 ? value : value.substring(0, slash);
            InetAddress address = NetUtil.createInetAddressFromIpAddressString(ip);
            if (address == null) {
                throw new IllegalStateException("juare.trusted-proxies: not an IP address or CIDR: " + value);
            }
            int bits = slash < 0 ? address.getAddress().length * 8 : Integer.parseInt(value.substring(slash + 1));
            trusted.add(new IpSubnetFilterRule(address, bits, IpFilterRuleType.ACCEPT));
        }
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        InetSocketAddress peer = request.getRemoteAddress();
        List<String> forwarded = request.getHeaders().get(HEADER);
        if (peer != null && isTrusted(peer)) {
            // PublicUrl may then believe X-Forwarded-Proto/-Host
            exchange.getAttributes().put(PublicUrl.VIA_TRUSTED_PROXY, Boolean.TRUE);
        }
        if (peer == null || forwarded == null || forwarded.isEmpty() || !isTrusted(peer)) {
            return chain.filter(exchange);
        }
        InetSocketAddress client = client(forwarded, peer);
        return chain.filter(client == peer ? exchange : exchange.mutate().request(request.mutate().remoteAddress(client).build()).build());
    }

    /** The rightmost address of the header that is not a trusted proxy; the peer if the header holds no address. */
    InetSocketAddress client(List<String> headerValues, InetSocketAddress peer) {
        List<String> hops = new ArrayList<>();
        for (String value : headerValues) {
            for (String hop : value.split(",")) {
                hops.add(hop.strip());
            }
        }
        InetSocketAddress found = peer;
        for (int i = hops.size() - 1; i >= 0; i--) {
            InetAddress address = NetUtil.createInetAddressFromIpAddressString(withoutBrackets(hops.get(i)));
            if (address == null) {
                // garbage or "unknown": stop at the last address we could read
                return found;
            }
            found = new InetSocketAddress(address, 0);
            if (!isTrusted(found)) {
                return found;
            }
        }
        return found;
    }

    boolean isTrusted(InetSocketAddress address) {
        if (address.getAddress() == null) {
            return false;
        }
        for (IpSubnetFilterRule rule : trusted) {
            if (rule.matches(address)) {
                return true;
            }
        }
        return false;
    }

    private static String withoutBrackets(String hop) {
        return hop.startsWith("[") && hop.endsWith("]") ? hop.substring(1, hop.length() - 1) : hop;
    }
}
