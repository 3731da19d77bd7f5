package id.go.cilegon.juare.platform.internal;

import graphql.execution.SubscriptionExecutionStrategy;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.server.WebGraphQlInterceptor;

/**
 * Subscription events leave in the order their source emitted them. By default graphql-java sends each event as soon
 * as its fields resolve: an event whose selection needs a query (a complaint's photos, timeline, OPD) is overtaken by
 * the next one, and a client that resumes after the last id it saw then never gets the one overtaken. The default
 * also calls the transport from several threads at once. The ordered mode queues resolving events in arrival order.
 */
@Configuration(proxyBeanMethods = false)
class OrderedSubscriptions {

    @Bean
    WebGraphQlInterceptor keepSubscriptionEventsOrdered() {
        return (request, chain) -> {
            request.configureExecutionInput((input, builder) ->
                    builder.graphQLContext(Map.of(SubscriptionExecutionStrategy.KEEP_SUBSCRIPTION_EVENTS_ORDERED, true)).build());
            return chain.next(request);
        };
    }
}
