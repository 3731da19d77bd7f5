package id.go.cilegon.juare.platform.internal;

import id.go.cilegon.juare.platform.PlainField;
import graphql.schema.DataFetchingEnvironment;
import id.go.cilegon.juare.platform.CallerLanguage;
import id.go.cilegon.juare.platform.Messages;
import id.go.cilegon.juare.platform.UserError;
import java.util.Map;
import org.reactivestreams.Publisher;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Flux;
import reactor.util.context.Context;

/**
 * The language every operation answers in (docs/adr/0031): {@link CallerLanguage} of the request (Accept-Language,
 * or a graphql-ws connection's connection_init payload), into the GraphQL context for resolvers and limits, and
 * into the Reactor context of a subscription's stream for the errors that end it. {@code UserError.message} is put
 * into words here, from the catalogue.
 */
@Controller
class RequestLanguage {

    private final Messages messages;

    RequestLanguage(Messages messages) {
        this.messages = messages;
    }

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE + 10)
    static WebGraphQlInterceptor callerLanguage() {
        return (request, chain) -> {
            String language = CallerLanguage.of(request);
            request.configureExecutionInput((input, builder) -> builder
                    .graphQLContext(Map.of(CallerLanguage.CONTEXT_KEY, language)).build());
            return chain.next(request)
                    .map(response -> response.getData() instanceof Publisher<?> events
                            ? response.transform(builder -> builder.data(Flux.from(events)
                                    .contextWrite(Context.of(CallerLanguage.CONTEXT_KEY, language))))
                            : response)
                    .contextWrite(Context.of(CallerLanguage.CONTEXT_KEY, language));
        };
    }

    @PlainField
    @SchemaMapping(typeName = "UserError", field = "message")
    String message(UserError error, DataFetchingEnvironment environment) {
        return messages.text(CallerLanguage.of(environment.getGraphQlContext()), error);
    }
}
