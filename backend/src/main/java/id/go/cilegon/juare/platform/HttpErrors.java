package id.go.cilegon.juare.platform;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every error the HTTP API answers outside a GraphQL execution (our filters, the security entry point, the photo,
 * KTP and report file endpoints, Spring's own 4xx) in the GraphQL response shape:
 * {@code {"errors":[{"message":…,"extensions":{"code":…}}]}} (docs/adr/0030). Spring's ProblemDetail is not that
 * shape, hence this small helper. The content type follows the GraphQL-over-HTTP spec: the client's {@code Accept}
 * asking for {@code application/graphql-response+json} gets it, every other client {@code application/json}.
 */
public final class HttpErrors {

    public static final MediaType GRAPHQL_RESPONSE = MediaType.valueOf("application/graphql-response+json");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private HttpErrors() {
    }

    /** The body: one error with its message and extensions (code first). */
    public record Body(List<Error> errors) {
    }

    public record Error(String message, Map<String, Object> extensions) {
    }

    public static Body body(String code, String message) {
        return body(code, message, Map.of());
    }

    public static Body body(String code, String message, Map<String, ?> extensions) {
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("code", code);
        all.putAll(extensions);
        return new Body(List.of(new Error(message, all)));
    }

    /** application/graphql-response+json when the request's Accept names it, else application/json. */
    public static MediaType contentType(HttpHeaders requestHeaders) {
        double graphQl = 0;
        double json = 0;
        try {
            for (MediaType type : requestHeaders == null ? List.<MediaType>of() : requestHeaders.getAccept()) {
                if (GRAPHQL_RESPONSE.equalsTypeAndSubtype(type)) {
                    graphQl = Math.max(graphQl, type.getQualityValue());
                } else if (MediaType.APPLICATION_JSON.equalsTypeAndSubtype(type)) {
                    json = Math.max(json, type.getQualityValue());
                }
            }
        } catch (org.springframework.http.InvalidMediaTypeException e) {
            return MediaType.APPLICATION_JSON;
        }
        return graphQl > 0 && graphQl >= json ? GRAPHQL_RESPONSE : MediaType.APPLICATION_JSON;
    }

    /** For a controller's @ExceptionHandler. The content type is set so an image request's Accept cannot make it 406. */
    public static ResponseEntity<Body> entity(HttpStatusCode status, String code, String message) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(body(code, message));
    }

    /** Writes the error as the whole response: for filters, entry points and exception handlers. */
    public static Mono<Void> write(ServerWebExchange exchange, HttpStatusCode status, String code, String message) {
        return write(exchange, status, body(code, message));
    }

    public static Mono<Void> write(ServerWebExchange exchange, HttpStatusCode status, Body body) {
        ServerHttpResponse response = exchange.getResponse();
        response.setStatusCode(status);
        response.getHeaders().setContentType(contentType(exchange.getRequest().getHeaders()));
        byte[] bytes = JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
        return response.writeWith(Mono.just(response.bufferFactory().wrap(bytes)));
    }
}
