package id.go.cilegon.juare.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;

/** The dashboard starts (production mode, Vaadin's pre-compiled bundle, no Node) and keeps strangers at the login. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "juare.backend.url=http://127.0.0.1:1")
class DashboardApplicationTest {

    @Value("${local.server.port}")
    int port;

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.context.ApplicationContext context;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void itIsAServletAppEvenWithTheReactiveGraphQlClientOnTheClasspath() {
        // spring-webflux is here for the live events' WebSocket client; Vaadin needs the servlet stack
        assertThat(context).isInstanceOf(org.springframework.web.context.WebApplicationContext.class)
                .isNotInstanceOf(org.springframework.boot.web.context.reactive.ReactiveWebApplicationContext.class);
    }

    @Test
    void theLoginViewIsOpenToAnyone() throws Exception {
        HttpResponse<String> login = get("/login");
        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(login.body()).contains("<html").contains("VAADIN/build/");
    }

    @Test
    void theCommandCentreSendsAStrangerToTheLogin() throws Exception {
        HttpResponse<String> page = get("/command-centre");
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location).endsWith("/login"));
    }

    @Test
    void theMapsScriptsAndStylesAreServedToAnyone() throws Exception {
        // Leaflet from its jar (Spring's /webjars/ handler), ours from META-INF/resources (Vaadin's static files)
        for (String path : List.of("/webjars/leaflet/1.9.4/dist/leaflet.js", "/webjars/leaflet/1.9.4/dist/leaflet.css",
                "/juare/juare-map.js", "/juare/juare-map.css")) {
            HttpResponse<String> file = get(path);
            assertThat(file.statusCode()).as(path).isEqualTo(200);
            assertThat(file.body()).as(path).isNotBlank();
        }
        assertThat(get("/juare/juare-map.js").body()).contains("window.JuareMap");
    }
}
