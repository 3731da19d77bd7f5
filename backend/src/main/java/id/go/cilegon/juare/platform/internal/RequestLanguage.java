package id.go.cilegon.juare.platform.internal;

import graphql.schema.DataFetchingEnvironment;
import id.go.cilegon.juare.platform.UserError;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;

/**
 * The language of a request's payload errors (ADR 0024): the client's {@code Accept-Language}, Bahasa Indonesia
 * ({@code id}) or English ({@code en}), whichever it prefers; {@code UserError.message} then answers in that language
 * only. Without the header, or with neither language in it, the message stays "Bahasa Indonesia / English".
 */
@Controller
class RequestLanguage {

    static final List<String> LANGUAGES = List.of("id", "en");
    private static final String KEY = RequestLanguage.class.getName() + ".language";

    /** Puts the request's language (if any) into the GraphQL context, for every operation of the request. */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE + 10)
    static WebGraphQlInterceptor acceptLanguage() {
        return (request, chain) -> {
            String language = language(request.getHeaders().getFirst(HttpHeaders.ACCEPT_LANGUAGE));
            if (language != null) {
                request.configureExecutionInput((input, builder) -> builder.graphQLContext(Map.of(KEY, language)).build());
            }
            return chain.next(request);
        };
    }

    @SchemaMapping(typeName = "UserError", field = "message")
    String message(UserError error, DataFetchingEnvironment environment) {
        return error.messageIn(environment.getGraphQlContext().get(KEY));
    }

    /** "id" or "en", the one the header ranks first; null when it names neither (or is missing or malformed). */
    static String language(String acceptLanguage) {
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
