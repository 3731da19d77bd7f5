package id.go.cilegon.juare.platform.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.util.HtmlUtils;
import reactor.core.publisher.Mono;

/**
 * GraphiQL served by the application with no external request (issue 14): our own small page and GraphiQL 3's UMD
 * build with React 18, copied into the jar at build time (backend/pom.xml, {@code graphiql-assets}). It takes the
 * place of Spring GraphQL's page, which loads its scripts from a CDN: same switch
 * ({@code spring.graphql.graphiql.enabled}, env {@code JUARE_GRAPHIQL}, off by default), same path, ordered before
 * Spring's route. A Content-Security-Policy lets the page reach its own origin only.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "spring.graphql.graphiql.enabled", havingValue = "true")
class GraphiQl {

    /** The files the page loads, and their types: nothing else under the path is served. */
    static final Map<String, MediaType> ASSETS = Map.of(
            "graphiql.min.js", MediaType.valueOf("text/javascript;charset=UTF-8"),
            "graphiql.min.css", MediaType.valueOf("text/css;charset=UTF-8"),
            "react.production.min.js", MediaType.valueOf("text/javascript;charset=UTF-8"),
            "react-dom.production.min.js", MediaType.valueOf("text/javascript;charset=UTF-8"),
            "juare-graphiql.js", MediaType.valueOf("text/javascript;charset=UTF-8"),
            "LICENSE", MediaType.TEXT_PLAIN);

    /** Same origin only; GraphiQL sets inline styles (React, CodeMirror) and its fonts are data: URLs. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; "
            + "frame-ancestors 'none'";

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE) // before Spring GraphQL's own /graphiql route (Boot orders it 0)
    RouterFunction<ServerResponse> graphiQlPage(@Value("${spring.graphql.graphiql.path:/graphiql}") String path,
                                                @Value("${spring.graphql.http.path:/graphql}") String httpPath,
                                                @Value("${spring.graphql.websocket.path:}") String wsPath) {
        String page = page(httpPath, wsPath);
        return RouterFunctions.route()
                .GET(path, request -> ServerResponse.ok()
                        .contentType(MediaType.TEXT_HTML)
                        .cacheControl(CacheControl.noCache())
                        .header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                        .header("X-Content-Type-Options", "nosniff")
                        .header("Referrer-Policy", "no-referrer")
                        .bodyValue(page))
                .GET(path + "/{file}", request -> asset(request.pathVariable("file")))
                .build();
    }

    private static Mono<ServerResponse> asset(String file) {
        MediaType type = ASSETS.get(file);
        Resource resource = new ClassPathResource("graphiql/" + file);
        if (type == null || !resource.exists()) {
            return ServerResponse.notFound().build();
        }
        return ServerResponse.ok()
                .contentType(type)
                .cacheControl(CacheControl.maxAge(java.time.Duration.ofHours(1)))
                .header("X-Content-Type-Options", "nosniff")
                .body(BodyInserters.fromResource(resource));
    }

    /** index.html with the endpoints filled in (HTML-escaped: they come from configuration). */
    private static String page(String httpPath, String wsPath) {
        try {
            String template = new ClassPathResource("graphiql/index.html").getContentAsString(StandardCharsets.UTF_8);
            return template.replace("{{httpPath}}", HtmlUtils.htmlEscape(httpPath))
                    .replace("{{wsPath}}", HtmlUtils.htmlEscape(wsPath));
        } catch (IOException e) {
            throw new UncheckedIOException("graphiql/index.html is missing from the jar", e);
        }
    }
}
