package id.go.cilegon.juare.dashboard.backend;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * The backend's plain HTTP endpoints (photos, report files), called with the staff member's bearer token, which never
 * leaves the server-side session: the dashboard fetches a file and streams it on to the browser's answer.
 */
@Component
public class BackendFiles {

    private final RestClient rest;
    private final BackendClient backend;
    private final BackendProperties properties;
    private final Clock clock;

    public BackendFiles(BackendClient backend, BackendProperties properties, Clock clock) {
        this.backend = backend;
        this.properties = properties;
        this.clock = clock;
        HttpClient http = HttpClient.newBuilder().connectTimeout(properties.connectTimeout()).build();
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(http);
        requests.setReadTimeout(properties.readTimeout());
        this.rest = RestClient.builder().requestFactory(requests).baseUrl(properties.url().toString())
                // the upload's refusals come back in the language of the screen that sends it (as BackendClient's)
                .requestInterceptor((request, body, execution) -> {
                    request.getHeaders().set(HttpHeaders.ACCEPT_LANGUAGE, CallerLanguage.current().getLanguage());
                    return execution.execute(request, body);
                })
                .build();
    }

    /** A client with the backend's address and the configured timeouts, for calls other than a file (uploads). */
    public RestClient rest() {
        return rest;
    }

    /** The Authorization header's value, refreshing the session's token first when it is about to expire. */
    public String bearer(BackendSession session) {
        return "Bearer " + session.accessToken(clock, properties.refreshMargin(), backend::refresh);
    }

    /** Where a proxy writes: the status and headers first, then the bytes. */
    public interface Target {
        void status(int status);

        void header(String name, String value);

        OutputStream body() throws IOException;

        /** A servlet answer as the target. */
        static Target of(HttpServletResponse response) {
            return new Target() {
                @Override
                public void status(int status) {
                    response.setStatus(status);
                }

                @Override
                public void header(String name, String value) {
                    response.setHeader(name, value);
                }

                @Override
                public OutputStream body() throws IOException {
                    return response.getOutputStream();
                }
            };
        }
    }

    /**
     * Streams a backend file to {@code target}: the backend's status; on success the {@code passedHeaders} it sent and
     * the bytes; 401 when the sign-in is over; 502 when the backend cannot be reached.
     *
     * @param uri a path of the backend's own (a template with {@code uriVariables}), never a full address elsewhere
     */
    public void stream(BackendSession session, String uri, Object[] uriVariables, List<MediaType> accept,
                       List<String> passedHeaders, Target target) {
        String bearer;
        try {
            bearer = bearer(session);
        } catch (SessionOverException e) {
            target.status(401);
            return;
        } catch (BackendException e) {
            target.status(502);
            return;
        }
        try {
            rest.get()
                    .uri(uri, uriVariables)
                    .header(HttpHeaders.AUTHORIZATION, bearer)
                    .accept(accept.toArray(MediaType[]::new))
                    .exchange((request, answer) -> {
                        target.status(answer.getStatusCode().value());
                        if (!answer.getStatusCode().is2xxSuccessful()) {
                            return null;
                        }
                        for (String name : passedHeaders) {
                            String value = answer.getHeaders().getFirst(name);
                            if (value != null) {
                                target.header(name, value);
                            }
                        }
                        try (OutputStream out = target.body()) {
                            answer.getBody().transferTo(out);
                        }
                        return null;
                    });
        } catch (RestClientException e) {
            target.status(502);
        }
    }
}
