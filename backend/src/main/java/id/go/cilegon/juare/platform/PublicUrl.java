package id.go.cilegon.juare.platform;

import graphql.GraphQLContext;
import java.net.URI;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

/**
 * The absolute address clients reach us at ({@code https://host[:port]}, no trailing slash), for links we hand out
 * (signed photo URLs). {@code juare.public-url} when configured: production sets it, and then nothing a request says
 * matters. Otherwise the request's own scheme and host; the {@code X-Forwarded-Proto}/{@code X-Forwarded-Host}/
 * {@code X-Forwarded-Port} headers count only when the connection came from a trusted proxy
 * ({@code juare.trusted-proxies}, see TrustedProxies), so a stranger cannot make our links point elsewhere.
 */
@Component
public class PublicUrl {

    /** Where the GraphQL context keeps the request's base (a String). */
    public static final String CONTEXT_KEY = "juare.publicUrl";
    /** Exchange attribute set by TrustedProxies when the connection comes from a trusted proxy. */
    public static final String VIA_TRUSTED_PROXY = "juare.viaTrustedProxy";

    // a host name, IPv4 or a bracketed IPv6, with an optional port: anything else in a Host header is not echoed
    private static final Pattern HOST = Pattern.compile("([A-Za-z0-9.-]{1,253}|\\[[0-9A-Fa-f:.]{2,45}\\])(:[0-9]{1,5})?");

    private final String configured;

    public PublicUrl(@Value("${juare.public-url:}") String configured) {
        this.configured = configured == null || configured.isBlank() ? null : checked(configured.strip());
    }

    private static String checked(String url) {
        URI uri = URI.create(url);
        if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) || uri.getHost() == null) {
            throw new IllegalStateException("juare.public-url must be an absolute http(s) URL: " + url);
        }
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** The configured base, or null when the request decides. */
    public String configured() {
        return configured;
    }

    /** The base for a request with this URI and these headers. */
    public String of(URI requestUri, HttpHeaders headers, boolean viaTrustedProxy) {
        if (configured != null) {
            return configured;
        }
        String scheme = "https".equalsIgnoreCase(requestUri.getScheme()) || "wss".equalsIgnoreCase(requestUri.getScheme()) ? "https" : "http";
        String host = headers.getFirst(HttpHeaders.HOST);
        if (viaTrustedProxy) {
            String proto = first(headers.getFirst("X-Forwarded-Proto"));
            if ("https".equalsIgnoreCase(proto) || "http".equalsIgnoreCase(proto)) {
                scheme = proto.toLowerCase(java.util.Locale.ROOT);
            }
            String forwardedHost = first(headers.getFirst("X-Forwarded-Host"));
            if (forwardedHost != null && HOST.matcher(forwardedHost).matches()) {
                host = forwardedHost;
                String port = first(headers.getFirst("X-Forwarded-Port"));
                if (port != null && port.matches("[0-9]{1,5}") && !forwardedHost.matches(".*:[0-9]+")) {
                    host = forwardedHost + (defaultPort(scheme, port) ? "" : ":" + port);
                }
            }
        }
        if (host == null || !HOST.matcher(host).matches()) {
            host = requestUri.getHost() == null ? "localhost"
                    : requestUri.getHost() + (requestUri.getPort() < 0 ? "" : ":" + requestUri.getPort());
        }
        return scheme + "://" + host;
    }

    private static boolean defaultPort(String scheme, String port) {
        return ("https".equals(scheme) && "443".equals(port)) || ("http".equals(scheme) && "80".equals(port));
    }

    // a proxy chain sends "a, b": the first is what the client asked for
    private static String first(String value) {
        if (value == null) {
            return null;
        }
        int comma = value.indexOf(',');
        String first = (comma < 0 ? value : value.substring(0, comma)).strip();
        return first.isEmpty() ? null : first;
    }

    /** The base a GraphQL request was made at; the configured one (or null) when run without HTTP. */
    public String from(GraphQLContext context) {
        String base = context == null ? null : context.get(CONTEXT_KEY);
        return base != null ? base : configured;
    }

    /** For the GraphQL context. */
    public static Map<String, Object> contextEntry(String base) {
        return Map.of(CONTEXT_KEY, base);
    }
}
