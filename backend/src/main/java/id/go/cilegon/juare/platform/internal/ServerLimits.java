package id.go.cilegon.juare.platform.internal;

import id.go.cilegon.juare.platform.CallerLanguage;
import id.go.cilegon.juare.platform.Messages;
import io.netty.channel.ChannelPipeline;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import org.springframework.web.server.WebFilter;
import reactor.core.publisher.Mono;
import reactor.netty.NettyPipeline;

/**
 * The HTTP server's own hygiene (ADR 0014): timeouts for clients that hold connections open, a body limit that
 * answers 413 with a code, and every refused HTTP request on /graphql or /api answered in the shape its clients
 * read, with a code.
 */
@Configuration(proxyBeanMethods = false)
class ServerLimits {

    private static final Logger log = LoggerFactory.getLogger(ServerLimits.class);
    static final String GRAPHQL_PATH = "/graphql";
    // what Spring GraphQL's HTTP handler reads: JSON, and application/graphql as a fallback
    private static final List<MediaType> GRAPHQL_BODY_TYPES = List.of(MediaType.APPLICATION_JSON,
            MediaType.valueOf("application/*+json"), MediaType.valueOf("application/graphql"));

    /** Header deadline (slow-loris), body read timeouts; the idle timeout is Boot's server.netty.idle-timeout. */
    @Bean
    NettyServerCustomizer connectionTimeouts(ServerProperties properties) {
        return server -> server
                .readTimeout(properties.readTimeout())
                .requestTimeout(properties.requestTimeout())
                .doOnChannelInit((observer, channel, address) -> {
                    ChannelPipeline pipeline = channel.pipeline();
                    if (pipeline.get(NettyPipeline.HttpCodec) != null) {
                        pipeline.addAfter(NettyPipeline.HttpCodec, "juare.headerDeadline",
                                new HeaderDeadline(properties.headerTimeout()));
                    }
                });
    }

    /**
     * A GraphQL POST is checked before a byte of its body is read: larger than the codecs would read is 413, an
     * empty body 400 and a content type the handler does not read 415, each with a code (the GraphQL handler
     * itself would answer an empty 200 or an empty 415).
     */
    @Bean
    WebFilter graphQlRequestShape(@Value("${spring.codec.max-in-memory-size:256KB}") DataSize limit, Messages messages) {
        long max = limit.toBytes();
        return (exchange, chain) -> {
            var request = exchange.getRequest();
            if (!request.getPath().value().equals(GRAPHQL_PATH) || request.getMethod() != HttpMethod.POST) {
                return chain.filter(exchange);
            }
            long length = request.getHeaders().getContentLength();
            if (length > max) {
                return write(exchange, HttpStatus.CONTENT_TOO_LARGE, "PAYLOAD_TOO_LARGE", tooLargeMessage(messages, exchange, max));
            }
            MediaType type = request.getHeaders().getContentType();
            if (type == null || GRAPHQL_BODY_TYPES.stream().noneMatch(accepted -> accepted.isCompatibleWith(type))) {
                return write(exchange, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "INVALID_REQUEST",
                        invalidRequestMessage(messages, exchange, HttpStatus.UNSUPPORTED_MEDIA_TYPE));
            }
            if (length == 0) {
                return write(exchange, HttpStatus.BAD_REQUEST, "INVALID_REQUEST",
                        invalidRequestMessage(messages, exchange, HttpStatus.BAD_REQUEST));
            }
            return chain.filter(exchange);
        };
    }

    /**
     * Runs before Boot's error handler (order -1): a body over the limit (anywhere) is 413 PAYLOAD_TOO_LARGE, not
     * 500; a request to /graphql the GraphQL handler cannot read (malformed JSON, wrong content type, wrong method)
     * is a GraphQL error with a code.
     */
    @Bean
    @Order(-2)
    WebExceptionHandler httpErrorCodes(@Value("${spring.codec.max-in-memory-size:256KB}") DataSize limit, Messages messages) {
        return (exchange, ex) -> {
            if (exchange.getResponse().isCommitted()) {
                return Mono.error(ex);
            }
            if (causedBy(ex, DataBufferLimitException.class)) {
                return write(exchange, HttpStatus.CONTENT_TOO_LARGE, "PAYLOAD_TOO_LARGE",
                        tooLargeMessage(messages, exchange, limit.toBytes()));
            }
            String path = exchange.getRequest().getPath().value();
            if (path.equals(GRAPHQL_PATH) && ex instanceof ResponseStatusException status
                    && status.getStatusCode().is4xxClientError()) {
                log.debug("Refused a GraphQL HTTP request: {}", ex.getMessage());
                return write(exchange, status.getStatusCode(), "INVALID_REQUEST",
                        invalidRequestMessage(messages, exchange, status.getStatusCode()));
            }
            return Mono.error(ex);
        };
    }

    private static String tooLargeMessage(Messages messages, ServerWebExchange exchange, long max) {
        return messages.text(CallerLanguage.of(exchange), "request.too-large", max / 1024);
    }

    private static String invalidRequestMessage(Messages messages, ServerWebExchange exchange, HttpStatusCode status) {
        String language = CallerLanguage.of(exchange);
        if (status.value() == HttpStatus.UNSUPPORTED_MEDIA_TYPE.value()) {
            return messages.text(language, "request.send-json");
        }
        if (status.value() == HttpStatus.METHOD_NOT_ALLOWED.value()) {
            return messages.text(language, "request.use-post");
        }
        return messages.text(language, "request.unreadable");
    }

    private static boolean causedBy(Throwable ex, Class<? extends Throwable> type) {
        for (Throwable t = ex; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    /** The GraphQL error shape on /graphql, the photo and report endpoints' shape elsewhere. */
    static Mono<Void> write(ServerWebExchange exchange, HttpStatusCode status, String code, String message) {
        ServerHttpResponse response = exchange.getResponse();
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
        String escaped = message.replace("\\", "\\\\").replace("\"", "\\\"");
        String body = exchange.getRequest().getPath().value().startsWith(GRAPHQL_PATH)
                ? "{\"errors\":[{\"message\":\"" + escaped + "\",\"extensions\":{\"code\":\"" + code + "\"}}]}"
                : "{\"error\":{\"code\":\"" + code + "\",\"message\":\"" + escaped + "\"}}";
        return response.writeWith(Mono.just(response.bufferFactory().wrap(body.getBytes(StandardCharsets.UTF_8))));
    }
}
