package id.go.cilegon.juare.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Issue 14, item 2 of "What to build": GraphiQL from the jar. The page names only same-origin files, each of them is
 * in the jar, nothing else under the path is served, and the policy keeps the browser on this origin. The headless
 * browser test (frontend GraphiQlBrowserTest) proves it loads, introspects and runs a query with no request leaving
 * the host; off by default is checked in IntrospectionTest.
 */
class GraphiQlTest {

    private final WebTestClient client = WebTestClient
            .bindToRouterFunction(new GraphiQl().graphiQlPage("/graphiql", "/graphql", "/graphql"))
            .configureClient().codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(8 << 20))
            .build();

    @Test
    void thePageLoadsOnlyFilesOfItsOwn() {
        String page = client.get().uri("/graphiql").exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("Content-Security-Policy", GraphiQl.CONTENT_SECURITY_POLICY)
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(page).contains("data-http-path=\"/graphql\"", "data-ws-path=\"/graphql\"");
        Matcher references = Pattern.compile("(?:src|href)=\"([^\"]*)\"").matcher(page);
        List<String> files = references.results().map(m -> m.group(1)).filter(url -> !url.equals("data:,")).toList();
        assertThat(files).hasSize(5).allSatisfy(url -> assertThat(url).startsWith("graphiql/").doesNotContain("//"));
        for (String url : files) {
            byte[] body = client.get().uri("/" + url).exchange()
                    .expectStatus().isOk()
                    .expectBody().returnResult().getResponseBody();
            assertThat(body).as(url).isNotEmpty();
            System.out.println("GRAPHIQL asset " + url + " bytes=" + body.length);
        }
        assertThat(GraphiQl.CONTENT_SECURITY_POLICY).contains("default-src 'none'", "script-src 'self'", "connect-src 'self'");
    }

    @Test
    void nothingElseUnderThePathIsServed() {
        for (String path : List.of("/graphiql/index.html", "/graphiql/application.properties", "/graphiql/..%2Fapplication.properties",
                "/graphiql/graphiql.js")) {
            client.get().uri(path).exchange().expectStatus().isNotFound();
        }
    }

    @Test
    void configuredEndpointsAreEscaped() {
        String page = WebTestClient
                .bindToRouterFunction(new GraphiQl().graphiQlPage("/tools/graphiql", "/api/\"graphql", ""))
                .build().get().uri("/tools/graphiql").exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(page).contains("data-http-path=\"/api/&quot;graphql\"", "data-ws-path=\"\"");
    }
}
