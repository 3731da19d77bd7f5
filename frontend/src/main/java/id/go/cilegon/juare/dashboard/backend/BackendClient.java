package id.go.cilegon.juare.dashboard.backend;

import id.go.cilegon.juare.graphql.OperationDocuments;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.client.ClientGraphQlResponse;
import org.springframework.graphql.client.GraphQlTransportException;
import org.springframework.graphql.client.HttpSyncGraphQlClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Service;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * The dashboard's only way to the backend over HTTP: sends the operation documents kept in the graphql module
 * ({@link OperationDocuments}), with the caller's bearer token, refreshed when it is about to expire, and the
 * user's language as {@code Accept-Language} ({@code id} or {@code en}): the backend's refusals come back in it.
 * Views do not use this directly: feature services do.
 */
@Service
public class BackendClient {

    private final HttpSyncGraphQlClient graphQl;
    private final BackendProperties properties;
    private final Clock clock;

    public BackendClient(BackendProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
        HttpClient http = HttpClient.newBuilder().connectTimeout(properties.connectTimeout()).build();
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(http);
        requests.setReadTimeout(properties.readTimeout());
        RestClient.Builder rest = RestClient.builder()
                .requestFactory(requests)
                // at send time, on the caller's thread: the language of the screen that sends it
                .requestInterceptor((request, body, execution) -> {
                    request.getHeaders().set(HttpHeaders.ACCEPT_LANGUAGE, CallerLanguage.current().getLanguage());
                    return execution.execute(request, body);
                });
        this.graphQl = HttpSyncGraphQlClient.builder(rest)
                .url(properties.graphQlUrl())
                .build();
    }

    /** Staff sign-in ({@code Login}) of the dashboard itself (its service account). */
    public BackendSession login(String username, String password) {
        return login(username, password, null);
    }

    /**
     * Staff sign-in ({@code Login}) for a person at {@code clientAddress} (their browser's address, as this server
     * sees it): sent as {@code X-Forwarded-For}, which the backend believes only from its trusted proxies
     * ({@code juare.trusted-proxies}), so that it counts sign-in attempts per person, not per dashboard. A wrong
     * password or a delayed sign-in comes back as a {@link BackendException}.
     */
    public BackendSession login(String username, String password, String clientAddress) {
        HttpSyncGraphQlClient client = clientAddress == null || clientAddress.isBlank() ? graphQl
                : graphQl.mutate().header("X-Forwarded-For", clientAddress).build();
        ClientGraphQlResponse response = send(client, "Login",
                Map.of("input", Map.of("username", username, "password", password)));
        failOnPayloadErrors(response, "login");
        Tokens tokens = response.field("login.session").toEntity(Tokens.class);
        StaffAccount account = response.field("login.account").toEntity(StaffAccount.class);
        if (tokens == null || account == null) {
            throw new BackendException("LOGIN_FAILED", "no session in the login answer");
        }
        return new BackendSession(account, tokens);
    }

    /**
     * A new token pair for a refresh token ({@code RefreshSession}); the old refresh token is spent. A refused one is a
     * {@link SessionOverException}.
     */
    public Tokens refresh(String refreshToken) {
        return sessionOverAsSuch(() -> {
            ClientGraphQlResponse response = send(graphQl, "RefreshSession",
                    Map.of("input", Map.of("refreshToken", refreshToken)));
            failOnPayloadErrors(response, "refreshSession");
            Tokens tokens = response.field("refreshSession.session").toEntity(Tokens.class);
            if (tokens == null) {
                throw new SessionOverException("INVALID_REFRESH_TOKEN", "no session in the refresh answer");
            }
            return tokens;
        });
    }

    /**
     * Runs a named operation as the session's staff member; GraphQL errors become a {@link BackendException}, a sign-in
     * that is over a {@link SessionOverException}.
     */
    public ClientGraphQlResponse execute(BackendSession session, String operation, Map<String, Object> variables) {
        String token = session.accessToken(clock, properties.refreshMargin(), this::refresh);
        HttpSyncGraphQlClient authorized = graphQl.mutate().header("Authorization", "Bearer " + token).build();
        return sessionOverAsSuch(() -> send(authorized, operation, variables));
    }

    private static <T> T sessionOverAsSuch(java.util.function.Supplier<T> call) {
        try {
            return call.get();
        } catch (BackendException e) {
            if (SessionOverException.means(e.code())) {
                throw new SessionOverException(e.code(), e.getMessage());
            }
            throw e;
        }
    }

    private static ClientGraphQlResponse send(HttpSyncGraphQlClient client, String operation, Map<String, Object> variables) {
        ClientGraphQlResponse response;
        try {
            response = client.document(OperationDocuments.load(operation)).variables(variables).executeSync();
        } catch (RestClientException | IllegalStateException | GraphQlTransportException e) {
            // the backend refuses a token it no longer honours (an account disabled, a session ended) with HTTP 401
            String code = unauthorized(e) ? "UNAUTHENTICATED" : BackendException.UNAVAILABLE;
            throw new BackendException(code, operation + ": " + e.getMessage(), e);
        }
        if (!response.getErrors().isEmpty()) {
            ResponseError first = response.getErrors().getFirst();
            Object code = first.getExtensions().get("code");
            throw new BackendException(code == null ? "GRAPHQL_ERROR" : code.toString(), operation + ": " + first.getMessage());
        }
        return response;
    }

    private static boolean unauthorized(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof HttpClientErrorException http && http.getStatusCode().value() == 401) {
                return true;
            }
        }
        return false;
    }

    private static void failOnPayloadErrors(ClientGraphQlResponse response, String field) {
        List<UserError> errors = response.field(field + ".errors").toEntity(new ParameterizedTypeReference<List<UserError>>() { });
        if (errors != null && !errors.isEmpty()) {
            throw new BackendException(errors.getFirst().code(), errors.getFirst().message());
        }
    }
}
