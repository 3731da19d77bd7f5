package id.go.cilegon.juare.platform;

import graphql.GraphQLContext;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebSocketGraphQlRequest;
import org.springframework.graphql.server.WebSocketSessionInfo;
import org.springframework.http.HttpHeaders;
import org.springframework.web.server.ServerWebExchange;

/**
 * The caller's language (docs/adr/0031): Bahasa Indonesia ({@code id}) or English ({@code en}), one at a time.
 * Over HTTP the first of the two that {@code Accept-Language} ranks highest; over graphql-ws the connection_init
 * payload's {@code "language"} (or its {@code "Accept-Language"}), else the upgrade request's header. Anything
 * else, or nothing, is Bahasa Indonesia, the city's language.
 */
public final class CallerLanguage {

    public static final String INDONESIAN = "id";
    public static final String ENGLISH = "en";
    public static final List<String> LANGUAGES = List.of(INDONESIAN, ENGLISH);

    /** GraphQL context (and Reactor context) key of the request's language. */
    public static final String CONTEXT_KEY = "juare.language";

    /** Where a graphql-ws connection keeps the language of its connection_init payload. */
    private static final String SESSION_KEY = CallerLanguage.class.getName() + ".connection";

    private CallerLanguage() {
    }

    /** "id" or "en", the one the header ranks first; "id" when it names neither (or is missing or malformed). */
    public static String of(String acceptLanguage) {
        String language = named(acceptLanguage);
        return language == null ? INDONESIAN : language;
    }

    public static String of(ServerWebExchange exchange) {
        return of(exchange.getRequest().getHeaders().getFirst(HttpHeaders.ACCEPT_LANGUAGE));
    }

    /** A GraphQL request's language: over WebSocket the connection's (connection_init), else the header. */
    public static String of(WebGraphQlRequest request) {
        if (request instanceof WebSocketGraphQlRequest webSocket
                && webSocket.getSessionInfo().getAttributes().get(SESSION_KEY) instanceof String language) {
            return language;
        }
        return of(request.getHeaders().getFirst(HttpHeaders.ACCEPT_LANGUAGE));
    }

    /** The language an operation runs in (set for every GraphQL request); "id" outside one. */
    public static String of(GraphQLContext context) {
        return context == null ? INDONESIAN : context.getOrDefault(CONTEXT_KEY, INDONESIAN);
    }

    /**
     * Keeps the language a graphql-ws client names in connection_init ({@code {"language": "en"}} or
     * {@code {"Accept-Language": "en-GB,en"}}) for every operation of the connection; without one the upgrade
     * request's Accept-Language decides.
     */
    public static void remember(WebSocketSessionInfo session, Map<String, Object> payload) {
        String language = null;
        if (payload != null) {
            language = named(text(payload.get("language")));
            if (language == null) {
                language = named(text(payload.get(HttpHeaders.ACCEPT_LANGUAGE)));
            }
            if (language == null) {
                language = named(text(payload.get("accept-language")));
            }
        }
        if (language == null) {
            language = of(session.getHeaders().getFirst(HttpHeaders.ACCEPT_LANGUAGE));
        }
        session.getAttributes().put(SESSION_KEY, language);
    }

    private static String text(Object value) {
        return value instanceof String text ? text : null;
    }

    private static String named(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return null;
        }
        try {
            return Locale.lookupTag(Locale.LanguageRange.parse(acceptLanguage), LANGUAGES);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
