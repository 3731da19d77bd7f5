package id.go.cilegon.juare.platform.internal;

import graphql.ExecutionResult;
import graphql.ExecutionResultImpl;
import graphql.GraphQLError;
import graphql.execution.AbortExecutionException;
import graphql.execution.DataFetcherExceptionHandler;
import graphql.execution.ExecutionContext;
import graphql.execution.ExecutionStrategyParameters;
import graphql.execution.FetchedValue;
import graphql.execution.FieldValueInfo;
import graphql.execution.MergedField;
import graphql.execution.MergedSelectionSet;
import graphql.execution.SubscriptionExecutionStrategy;
import graphql.execution.reactive.SubscriptionPublisher;
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
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.util.ArrayList;
import java.util.Collections;
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
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
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
        /**
         * The shared completion: the subscribed field's value (its top-level fields each encoded once: quoted key and
         * JSON text, in order), its errors, and the whole value as one pre-encoded JSON object per distinct set of own
         * values (subscribers that started at the same point get the very same bytes).
         */
        private record Result(FieldValueInfo.CompleteValueType type, List<String[]> encoded, Object plain, List<GraphQLError> errors,
                              Map<Map<String, Object>, RawValue> byOwn) {
        }

        private record Shared(long madeAt, Result result) {
        }

        /**
         * graphql-java's own per-event execution (private in {@link SubscriptionExecutionStrategy}): what an event
         * that has no finished shared result goes through. Null if a later graphql-java renames it: then every event
         * goes through graphql-java's mapping as before, and nothing breaks.
         */
        private static final MethodHandle EXECUTE_EVENT = executeEventHandle();

        private static MethodHandle executeEventHandle() {
            try {
                java.lang.reflect.Method method = SubscriptionExecutionStrategy.class.getDeclaredMethod("executeSubscriptionEvent",
                        ExecutionContext.class, ExecutionStrategyParameters.class, Object.class);
                method.setAccessible(true);
                return MethodHandles.lookup().unreflect(method);
            } catch (ReflectiveOperationException | RuntimeException notThere) {
                return null;
            }
        }

        /** Deliveries given a finished shared result without any per-event graphql-java execution (tests, metrics). */
        final java.util.concurrent.atomic.LongAdder direct = new java.util.concurrent.atomic.LongAdder();

        /**
         * The subscription's results, in the order of its source events (ADR 0038, amendment round 4): an event whose
         * share group has a finished result without errors becomes this subscriber's result at once (the shared JSON
         * with its own fields spliced in), with no graphql-java execution, no {@code ExecutionContext}, no data-loader
         * dispatch and no instrumentation of its own; any other event goes through graphql-java's per-event execution
         * as before (which offers its result to the group). One at a time and in order ({@code concatMap}): a
         * subscriber's results never overtake each other; demand, errors and cancellation pass through as they come.
         */
        @Override
        public CompletableFuture<ExecutionResult> execute(ExecutionContext context, ExecutionStrategyParameters parameters) {
            CompletableFuture<ExecutionResult> result = super.execute(context, parameters);
            if (EXECUTE_EVENT == null) {
                return result;
            }
            return result.thenApply(mapped -> mapped.getData() instanceof SubscriptionPublisher publisher
                    ? ExecutionResultImpl.newExecutionResult().from(mapped)
                            .data(results(context, parameters, publisher.getUpstreamPublisher())).build()
                    : mapped);
        }

        private Publisher<ExecutionResult> results(ExecutionContext context, ExecutionStrategyParameters parameters,
                                                   Publisher<Object> events) {
            MergedSelectionSet fields = parameters.getFields();
            MergedField subscribed = fields.getSubField(fields.getKeys().getFirst());
            String resultKey = subscribed.getSingleField().getResultKey();
            Request request = context.getGraphQLContext().computeIfAbsent(REQUEST_KEY, k -> request(context, subscribed));
            Flux<ExecutionResult> results = Flux.from(events).concatMap(event -> {
                Group group = group(event, request);
                if (group == null) {
                    return Mono.fromFuture(() -> executeEvent(context, parameters, event), true);
                }
                ExecutionResult now = sharedResult(finished(group), event, request, resultKey);
                if (now != null) {
                    return Mono.just(now);
                }
                CompletableFuture<Result> mine = new CompletableFuture<>();
                CompletableFuture<Result> other = making.putIfAbsent(group, mine);
                if (other != null) {
                    // another subscriber is making it: wait for that rather than make it again. If it comes to nothing
                    // (its subscriber cancelled midway, or errors), make this one's own: nothing of it has started.
                    return Mono.fromFuture(other, true)
                            .mapNotNull(made -> sharedResult(made, event, request, resultKey))
                            .switchIfEmpty(Mono.defer(() -> Mono.fromFuture(() -> executeEvent(context, parameters, event), true)));
                }
                return Mono.fromFuture(() -> {
                    CompletableFuture<ExecutionResult> own;
                    try {
                        own = executeEvent(context, parameters, event);
                    } catch (RuntimeException | Error e) {
                        made(group, mine);
                        throw e;
                    }
                    return own.whenComplete((result, failure) -> made(group, mine));
                }, true);
            });
            // over a WebSocket on Reactor Netty: its frames written by Juare, Spring's handler sees its end (ADR 0049)
            DirectFrames.Target target = context.getGraphQLContext().get(DirectFrames.TARGET);
            return target == null ? results : DirectFrames.direct(results, target);
        }

        /** Subscribers' executions of a group under way, each awaited by the group's other subscribers. */
        private final Map<Group, CompletableFuture<Result>> making = new java.util.concurrent.ConcurrentHashMap<>();

        /** The execution of a group is over: those awaiting it get its result (null if it made none to share). */
        private void made(Group group, CompletableFuture<Result> making) {
            making.complete(finished(group));
            this.making.remove(group, making);
        }

        @SuppressWarnings("unchecked")
        private CompletableFuture<ExecutionResult> executeEvent(ExecutionContext context, ExecutionStrategyParameters parameters, Object event) {
            try {
                return (CompletableFuture<ExecutionResult>) EXECUTE_EVENT.invoke(this, context, parameters, event);
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable e) {
                throw new IllegalStateException(e);
            }
        }

        /** The event's share group for this subscription's request, or null if it is not shared. */
        private static Group group(Object event, Request request) {
            Object shareKey = event instanceof SharedSubscriptionEvent shared ? shared.shareKey() : null;
            return shareKey == null ? null : new Group(shareKey, request.document(), request.operation(), request.variables(),
                    request.language(), request.locale());
        }

        /** This subscriber's result of the event from its group's finished result, if that has no errors. */
        private ExecutionResult sharedResult(Result finished, Object event, Request request, String resultKey) {
            // errors go through graphql-java's execution and the instrumentation, as every error did
            if (finished == null || finished.encoded() == null || !finished.errors().isEmpty()) {
                return null;
            }
            shared.increment();
            direct.increment();
            return new SharedResult(Collections.singletonMap(resultKey, own(finished, (SharedSubscriptionEvent) event, request)));
        }

        /**
         * A subscriber's result made from a shared one: data only, its specification made at once as the one-entry
         * map Spring's handler puts in the {@code next} message (ExecutionResultImpl builds a LinkedHashMap per call).
         */
        private record SharedResult(Map<String, Object> data, Map<String, Object> specification) implements ExecutionResult {

            SharedResult(Map<String, Object> data) {
                this(data, Collections.singletonMap("data", data));
            }

            @Override
            public List<GraphQLError> getErrors() {
                return List.of();
            }

            @Override
            @SuppressWarnings("unchecked")
            public <T> T getData() {
                return (T) data;
            }

            @Override
            public boolean isDataPresent() {
                return true;
            }

            @Override
            public Map<Object, Object> getExtensions() {
                return null;
            }

            @Override
            public Map<String, Object> toSpecification() {
                return specification;
            }
        }

        private Result finished(Group group) {
            long now = System.nanoTime();
            // most subscribers of one event are in a few groups: a look-up in a small table first, with no lock (the
            // groups' table is access-ordered, so a get under its lock was a write the handing threads contended for)
            int hash = group.hashCode();
            int slot = (hash ^ (hash >>> 16)) & (RECENT_SIZE - 1);
            Recent recent = (Recent) SLOT.getAcquire(this.recent, slot);
            if (recent != null && now - recent.shared().madeAt() <= ttlNanos && recent.group().equals(group)) {
                return recent.shared().result();
            }
            Shared entry;
            synchronized (groups) {
                entry = groups.get(group);
            }
            if (entry == null || now - entry.madeAt() > ttlNanos) {
                return null;
            }
            SLOT.setRelease(this.recent, slot, new Recent(group, entry));
            return entry.result();
        }

        /** A group and its finished result, as the last look-up of a group with this slot found them. */
        private record Recent(Group group, Shared shared) {
        }

        private static final int RECENT_SIZE = 16;
        private static final java.lang.invoke.VarHandle SLOT = MethodHandles.arrayElementVarHandle(Recent[].class);
        private final Recent[] recent = new Recent[RECENT_SIZE];

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
            Result shared = finished(group);
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
                Result made = new Result(own.getCompleteValueType(), encoded(completed), completed, errors,
                        new java.util.concurrent.ConcurrentHashMap<>());
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

        /** Each top-level field as its result key, the key quoted and its JSON text, encoded once (null: a null value, or not an object). */
        private static List<String[]> encoded(Object value) {
            if (!(value instanceof Map<?, ?> fields)) {
                return null;
            }
            List<String[]> encoded = new ArrayList<>(fields.size());
            fields.forEach((key, fieldValue) -> encoded.add(new String[] {(String) key, JSON.writeValueAsString(key),
                    fieldValue == null ? "null" : JSON.writeValueAsString(fieldValue)}));
            return encoded;
        }

        /** Distinct own values kept per shared result: start points of one fan-out are few; beyond, each is spliced. */
        private static final int OWN_VARIANTS = 1024;

        /**
         * The shared result with this subscriber's own fields in, as one raw JSON object: the shared fields' text is
         * spliced with the own values, no map per subscriber, and Jackson copies the bytes (encoded to UTF-8 once per
         * {@code SerializedString}, so once per distinct own values).
         */
        private static Object own(Result shared, SharedSubscriptionEvent event, Request request) {
            if (shared.encoded() == null) {
                return shared.plain();
            }
            Map<String, Object> own = event.ownFields();
            RawValue made = shared.byOwn().get(own);
            if (made != null) {
                return made;
            }
            Map<String, Object> ownByKey = new HashMap<>();
            own.forEach((field, value) -> {
                for (String key : request.resultKeysByField().getOrDefault(field, List.of())) {
                    ownByKey.put(key, value);
                }
            });
            StringBuilder json = new StringBuilder(256);
            json.append('{');
            for (String[] field : shared.encoded()) {
                if (json.length() > 1) {
                    json.append(',');
                }
                json.append(field[1]).append(':');
                json.append(ownByKey.containsKey(field[0]) ? JSON.writeValueAsString(ownByKey.get(field[0])) : field[2]);
            }
            made = new RawValue(new SerializedString(json.append('}').toString()));
            if (shared.byOwn().size() < OWN_VARIANTS) {
                shared.byOwn().putIfAbsent(own, made);
            }
            return made;
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
