package id.go.cilegon.juare.platform.internal;

import graphql.GraphQLError;
import graphql.execution.AbortExecutionException;
import graphql.execution.DataFetcherExceptionHandler;
import graphql.execution.ExecutionContext;
import graphql.execution.ExecutionStrategyParameters;
import graphql.execution.FetchedValue;
import graphql.execution.FieldValueInfo;
import graphql.execution.MergedField;
import graphql.execution.SubscriptionExecutionStrategy;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.Node;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.language.VariableReference;
import id.go.cilegon.juare.platform.CallerLanguage;
import id.go.cilegon.juare.platform.SharedSubscriptionEvent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.DataFetcherExceptionResolver;
import tools.jackson.core.io.SerializedString;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.util.RawValue;

/**
 * One execution and one encoding of a subscription event for every subscriber that would get the same (ADR 0038).
 * <p>
 * graphql-java resolves each subscriber's selection for each event on its own, and Spring's graphql-ws handler
 * encodes each result on its own: one event to 10,000 screens was 10,000 executions and encodings of the same data.
 * Here the subscription strategy completes the subscribed field of a {@link SharedSubscriptionEvent} once per
 * share group — the event's {@code shareKey} (which holds the caller's part), the parsed document (by identity), the
 * operation, the values of the variables used inside the selection (not those of the root field's arguments, such
 * as {@code after}) and the language — and encodes each of its top-level values once into raw JSON that Jackson
 * copies as it is. Every subscriber of the group gets a small map of those encoded values with its own fields (the
 * event's {@code ownFields}, e.g. {@code subscribedAfter}) put in at their result keys, aliases included. Errors of
 * the shared execution are every member's errors. The wire form is the same as before, byte for byte in content.
 * <p>
 * Only a finished result is shared: subscribers that deliver the event while the first one's selection still waits
 * for data (a selection with photos or a timeline) run their own. A subscriber's cancellation aborts its own execution
 * midway (graphql-java), and such a result is never shared.
 * <p>
 * Everything else stays per subscriber: the source stream (filter, visibility, order, resume), the instrumentation,
 * Spring's handler and its graphql-ws messages. Groups live for one event's fan-out: a bounded, most recently used
 * table whose entries expire after {@code juare.events.shared-results-ttl} (a replay later reads afresh).
 */
@Configuration(proxyBeanMethods = false)
class SharedSubscriptionEvents {

    @Bean
    Strategy sharedSubscriptionStrategy(ObjectProvider<DataFetcherExceptionResolver> resolvers,
                                        @Value("${juare.events.shared-results:256}") int capacity,
                                        @Value("${juare.events.shared-results-ttl:5s}") java.time.Duration ttl) {
        // the exception handler graphql-java's default strategies get from Spring (the same resolvers, in order)
        return new Strategy(DataFetcherExceptionResolver.createExceptionHandler(resolvers.orderedStream().toList()),
                capacity, ttl.toNanos());
    }

    @Bean
    GraphQlSourceBuilderCustomizer sharedSubscriptionExecution(Strategy strategy) {
        return builder -> builder.configureGraphQl(graphQl -> graphQl.subscriptionExecutionStrategy(strategy));
    }

    /** graphql-java's subscription strategy, completing shared events once per group. */
    static final class Strategy extends SubscriptionExecutionStrategy {

        private static final JsonMapper JSON = JsonMapper.builder().build();
        /** Per subscription (its GraphQL context): what of its request a group depends on. */
        private static final String REQUEST_KEY = SharedSubscriptionEvents.class.getName() + ".request";

        private final int capacity;
        private final long ttlNanos;
        private final Map<Group, Shared> groups;
        /** Deliveries completed by their own execution, and those given a shared one (tests, metrics). */
        final java.util.concurrent.atomic.LongAdder executed = new java.util.concurrent.atomic.LongAdder();
        final java.util.concurrent.atomic.LongAdder shared = new java.util.concurrent.atomic.LongAdder();

        Strategy(DataFetcherExceptionHandler exceptionHandler, int capacity, long ttlNanos) {
            super(exceptionHandler);
            this.capacity = capacity;
            this.ttlNanos = ttlNanos;
            this.groups = new LinkedHashMap<>(64, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<Group, Shared> eldest) {
                    return size() > Strategy.this.capacity;
                }
            };
        }

        /** What a subscription's request adds to a group: the document, its operation, the variables used below the
         * subscribed field, the language; and the result keys of the subscribed field's top-level fields. */
        private record Request(Object document, String operation, Map<String, Object> variables, String language,
                                 Object locale, Map<String, List<String>> resultKeysByField, Set<Object> inFlight) {
        }

        private record Group(Object shareKey, Object document, String operation, Map<String, Object> variables,
                             String language, Object locale) {

            // the document by identity (the parsed-document cache hands every subscriber of a text the same one)
            @Override
            public boolean equals(Object o) {
                return o instanceof Group g && document == g.document && shareKey.equals(g.shareKey)
                        && java.util.Objects.equals(operation, g.operation) && variables.equals(g.variables)
                        && language.equals(g.language) && java.util.Objects.equals(locale, g.locale);
            }

            @Override
            public int hashCode() {
                return shareKey.hashCode() * 31 + System.identityHashCode(document);
            }
        }

        /** The shared completion: the subscribed field's value, each top-level value encoded, and its errors. */
        private record Result(FieldValueInfo.CompleteValueType type, Map<String, Object> encoded, Object plain, List<GraphQLError> errors) {
        }

        private record Shared(long madeAt, Result result) {
        }

        @Override
        protected FieldValueInfo completeField(ExecutionContext context, ExecutionStrategyParameters parameters, Object fetched) {
            Request request = context.getGraphQLContext().computeIfAbsent(REQUEST_KEY, k -> request(context, parameters.getField()));
            Object call = parameters.getDeferredCallContext();
            forgetFinishedEvents(context, request, call);
            Object event = FetchedValue.getFetchedValue(fetched);
            Object shareKey = event instanceof SharedSubscriptionEvent shared ? shared.shareKey() : null;
            if (shareKey == null) {
                FieldValueInfo own = super.completeField(context, parameters, fetched);
                own.getFieldValueFuture().whenComplete((value, failure) -> request.inFlight().remove(call));
                return own;
            }
            Group group = new Group(shareKey, request.document(), request.operation(), request.variables(),
                    request.language(), request.locale());
            Result shared;
            synchronized (groups) {
                Shared entry = groups.get(group);
                shared = entry != null && System.nanoTime() - entry.madeAt() <= ttlNanos ? entry.result() : null;
            }
            if (shared != null) {
                request.inFlight().remove(call);
                this.shared.increment();
                shared.errors().forEach(context::addError);
                return new FieldValueInfo(shared.type(), CompletableFuture.completedFuture(own(shared, (SharedSubscriptionEvent) event, request)));
            }
            // not there yet (or still being made by another subscriber): this one completes it, and offers it once done.
            // Only a finished result is shared: a subscriber's own cancellation aborts its execution midway, and a
            // subscriber waiting on another's could not start its own afterwards (its data loaders are dispatched by
            // then).
            executed.increment();
            int errorsBefore = context.getErrors().size();
            FieldValueInfo own = super.completeField(context, parameters, fetched);
            own.getFieldValueFuture().whenComplete((done, failure) -> request.inFlight().remove(call));
            CompletableFuture<Object> value = own.getFieldValueFuture().thenApply(completed -> {
                List<GraphQLError> errors = List.copyOf(context.getErrors().subList(errorsBefore, context.getErrors().size()));
                Result made = new Result(own.getCompleteValueType(), encoded(completed), completed, errors);
                if (errors.stream().noneMatch(error -> error instanceof AbortExecutionException)) {
                    synchronized (groups) {
                        Shared there = groups.get(group);
                        long now = System.nanoTime();
                        if (there == null || now - there.madeAt() > ttlNanos) {
                            groups.put(group, new Shared(now, made));
                        }
                    }
                }
                return own(made, (SharedSubscriptionEvent) event, request);
            });
            return new FieldValueInfo(own.getCompleteValueType(), value, own.getFieldValueInfos());
        }

        /**
         * graphql-java 25's data loader dispatch strategies keep a call stack per subscription event
         * ({@code newSubscriptionExecution}) for as long as the subscription lives, never removed: ~700 bytes per
         * delivery retained, 700 MB for 100 events to 10,000 subscribers. Those of the subscription's events that have
         * finished are dropped here when the next one starts (the one just finished stays until then).
         */
        private static void forgetFinishedEvents(ExecutionContext context, Request request, Object call) {
            if (call == null) {
                return;
            }
            request.inFlight().add(call);
            Map<?, ?> callStacks = callStacks(context.getDataLoaderDispatcherStrategy());
            if (callStacks != null && callStacks.size() > 1) {
                callStacks.keySet().removeIf(other -> other != call && !request.inFlight().contains(other));
            }
        }

        private static final Map<Class<?>, java.util.Optional<java.lang.reflect.Field>> CALL_STACK_FIELDS =
                new java.util.concurrent.ConcurrentHashMap<>();

        /** The strategy's map of call stacks by subscription event, if it has one (PerLevel…, Exhausted…). */
        private static Map<?, ?> callStacks(Object dispatchStrategy) {
            if (dispatchStrategy == null) {
                return null;
            }
            java.util.Optional<java.lang.reflect.Field> field = CALL_STACK_FIELDS.computeIfAbsent(dispatchStrategy.getClass(), type -> {
                for (java.lang.reflect.Field candidate : type.getDeclaredFields()) {
                    if (Map.class.isAssignableFrom(candidate.getType()) && candidate.getName().toLowerCase(java.util.Locale.ROOT).contains("alternativecallcontext")) {
                        try {
                            candidate.setAccessible(true);
                            return java.util.Optional.of(candidate);
                        } catch (RuntimeException inaccessible) {
                            return java.util.Optional.empty();
                        }
                    }
                }
                return java.util.Optional.empty();
            });
            if (field.isEmpty()) {
                return null;
            }
            try {
                return (Map<?, ?>) field.get().get(dispatchStrategy);
            } catch (IllegalAccessException e) {
                return null;
            }
        }

        /** Each top-level value as raw JSON, encoded once (a null value, or a value that is not an object, stays). */
        private static Map<String, Object> encoded(Object value) {
            if (!(value instanceof Map<?, ?> fields)) {
                return null;
            }
            Map<String, Object> encoded = new LinkedHashMap<>(fields.size() * 2);
            fields.forEach((key, fieldValue) -> encoded.put((String) key, fieldValue == null ? null
                    : new RawValue(new SerializedString(JSON.writeValueAsString(fieldValue)))));
            return encoded;
        }

        /** The shared result with this subscriber's own fields in. */
        private static Object own(Result shared, SharedSubscriptionEvent event, Request request) {
            if (shared.encoded() == null) {
                return shared.plain();
            }
            Map<String, Object> own = event.ownFields();
            Map<String, Object> result = new LinkedHashMap<>(shared.encoded());
            own.forEach((field, value) -> {
                for (String key : request.resultKeysByField().getOrDefault(field, List.of())) {
                    result.put(key, value);
                }
            });
            return result;
        }

        private static Request request(ExecutionContext context, MergedField field) {
            Map<String, FragmentDefinition> fragments = context.getFragmentsByName();
            Set<String> used = new HashSet<>();
            Map<String, List<String>> resultKeys = new HashMap<>();
            for (Field f : field.getFields()) {
                // the root field's own arguments (filter, after) choose the events, not what an event resolves to
                f.getDirectives().forEach(d -> variables(d, fragments, used, new HashSet<>()));
                if (f.getSelectionSet() != null) {
                    variables(f.getSelectionSet(), fragments, used, new HashSet<>());
                    topLevel(f.getSelectionSet(), fragments, resultKeys, new HashSet<>());
                }
            }
            Map<String, Object> all = context.getCoercedVariables().toMap();
            Map<String, Object> variables = new HashMap<>();
            for (String name : used) {
                variables.put(name, all.get(name));
            }
            return new Request(context.getDocument(), context.getExecutionInput().getOperationName(), variables,
                    CallerLanguage.of(context.getGraphQLContext()), context.getLocale(), resultKeys,
                    java.util.concurrent.ConcurrentHashMap.newKeySet());
        }

        private static void variables(Node<?> node, Map<String, FragmentDefinition> fragments, Set<String> used, Set<String> seen) {
            if (node instanceof VariableReference reference) {
                used.add(reference.getName());
            }
            if (node instanceof FragmentSpread spread && seen.add(spread.getName()) && fragments.get(spread.getName()) != null) {
                variables(fragments.get(spread.getName()), fragments, used, seen);
            }
            for (Node<?> child : node.getChildren()) {
                variables(child, fragments, used, seen);
            }
        }

        private static void topLevel(SelectionSet set, Map<String, FragmentDefinition> fragments,
                                     Map<String, List<String>> resultKeys, Set<String> seen) {
            for (Selection<?> selection : set.getSelections()) {
                if (selection instanceof Field f) {
                    resultKeys.computeIfAbsent(f.getName(), k -> new ArrayList<>())
                            .add(f.getAlias() != null ? f.getAlias() : f.getName());
                } else if (selection instanceof InlineFragment inline) {
                    topLevel(inline.getSelectionSet(), fragments, resultKeys, seen);
                } else if (selection instanceof FragmentSpread spread && seen.add(spread.getName())
                        && fragments.get(spread.getName()) != null) {
                    topLevel(fragments.get(spread.getName()).getSelectionSet(), fragments, resultKeys, seen);
                }
            }
        }
    }
}
