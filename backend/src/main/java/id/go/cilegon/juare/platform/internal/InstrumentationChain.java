package id.go.cilegon.juare.platform.internal;

import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.execution.ExecutionContext;
import graphql.execution.FieldValueInfo;
import graphql.execution.instrumentation.ChainedInstrumentation;
import graphql.execution.instrumentation.DocumentAndVariables;
import graphql.execution.instrumentation.ExecuteObjectInstrumentationContext;
import graphql.execution.instrumentation.ExecutionStrategyInstrumentationContext;
import graphql.execution.instrumentation.FieldFetchingInstrumentationContext;
import graphql.execution.instrumentation.Instrumentation;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentation;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationCreateStateParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionStrategyParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldCompleteParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldParameters;
import graphql.execution.instrumentation.parameters.InstrumentationReactiveResultsParameters;
import graphql.execution.instrumentation.parameters.InstrumentationValidationParameters;
import graphql.language.Document;
import graphql.schema.DataFetcher;
import graphql.schema.GraphQLSchema;
import graphql.validation.ValidationError;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The request's instrumentations (the cost limits, the answer's size cap, the request timer, Spring's request
 * observation), each asked only at the hooks it implements (ADR 0047).
 * <p>
 * graphql-java's {@code ChainedInstrumentation}, which Spring GraphQL puts around them, asks every one of them at every
 * hook: for each field of an answer five hooks, each looking up four states, calling four methods that mostly return
 * "nothing to do" and building a list and a composite of what they return. On a resident's page of 20 complaints (~800
 * fields) that was 15 % of the CPU, for one instrumentation that counts fetched bytes. Here the instrumentations that
 * override a hook are found once, when the engine is built; a hook with none costs nothing, a hook with one calls it
 * directly, and only a hook with several builds a composite. The order, the states (each instrumentation gets its
 * own), the sequential chaining of results and the dropping of null contexts are the chained instrumentation's.
 * {@code juare.graphql.lean-instrumentation=false} (or {@link #lean} false) serves each request through graphql-java's
 * chain instead, to measure against.
 */
final class InstrumentationChain implements Instrumentation {

    /** Implementations of every hook that do nothing (an instrumentation that inherits a hook from them skips it). */
    private static final Set<Class<?>> DO_NOTHING = Set.of(Instrumentation.class, SimplePerformantInstrumentation.class,
            SimpleInstrumentation.class);

    private final Instrumentation[] all;
    /** graphql-java's chain of the same instrumentations, for requests that start while {@link #lean} is false. */
    private final ChainedInstrumentation classic;
    /** Whether a request that starts now is served by this chain (true) or graphql-java's (benchmarks switch it). */
    volatile boolean lean = true;
    private final int[] execution, parse, validation, executeOperation, reactiveResults, executionStrategy, executeObject,
            deferredField, subscribedFieldEvent, fieldExecution, fieldFetch, fieldFetching, fieldCompletion,
            fieldListCompletion, executionInput, documentAndVariables, schema, executionContext, dataFetcher,
            executionResult;

    InstrumentationChain(List<? extends Instrumentation> instrumentations) {
        this.all = instrumentations.toArray(Instrumentation[]::new);
        this.classic = new ChainedInstrumentation(List.copyOf(instrumentations));
        execution = implementing("beginExecution", InstrumentationExecutionParameters.class);
        parse = implementing("beginParse", InstrumentationExecutionParameters.class);
        validation = implementing("beginValidation", InstrumentationValidationParameters.class);
        executeOperation = implementing("beginExecuteOperation", InstrumentationExecuteOperationParameters.class);
        reactiveResults = implementing("beginReactiveResults", InstrumentationReactiveResultsParameters.class);
        executionStrategy = implementing("beginExecutionStrategy", InstrumentationExecutionStrategyParameters.class);
        executeObject = implementing("beginExecuteObject", InstrumentationExecutionStrategyParameters.class);
        deferredField = implementing("beginDeferredField", InstrumentationFieldParameters.class);
        subscribedFieldEvent = implementing("beginSubscribedFieldEvent", InstrumentationFieldParameters.class);
        fieldExecution = implementing("beginFieldExecution", InstrumentationFieldParameters.class);
        fieldFetch = implementing("beginFieldFetch", InstrumentationFieldFetchParameters.class);
        // graphql-java's default beginFieldFetching adapts beginFieldFetch: either one takes part
        fieldFetching = union(implementing("beginFieldFetching", InstrumentationFieldFetchParameters.class), fieldFetch);
        fieldCompletion = implementing("beginFieldCompletion", InstrumentationFieldCompleteParameters.class);
        fieldListCompletion = implementing("beginFieldListCompletion", InstrumentationFieldCompleteParameters.class);
        executionInput = implementing("instrumentExecutionInput", ExecutionInput.class, InstrumentationExecutionParameters.class);
        documentAndVariables = implementing("instrumentDocumentAndVariables", DocumentAndVariables.class,
                InstrumentationExecutionParameters.class);
        schema = implementing("instrumentSchema", GraphQLSchema.class, InstrumentationExecutionParameters.class);
        executionContext = implementing("instrumentExecutionContext", ExecutionContext.class, InstrumentationExecutionParameters.class);
        dataFetcher = implementing("instrumentDataFetcher", DataFetcher.class, InstrumentationFieldFetchParameters.class);
        executionResult = implementing("instrumentExecutionResult", ExecutionResult.class, InstrumentationExecutionParameters.class);
    }

    /** The instrumentations, in order (tests). */
    List<Instrumentation> instrumentations() {
        return List.of(all);
    }

    /** The positions of the instrumentations whose hook (parameters, then the state) does something. */
    private int[] implementing(String hook, Class<?>... parameters) {
        Class<?>[] withState = Arrays.copyOf(parameters, parameters.length + 1);
        withState[parameters.length] = InstrumentationState.class;
        List<Integer> found = new ArrayList<>();
        for (int i = 0; i < all.length; i++) {
            Method method;
            try {
                method = all[i].getClass().getMethod(hook, withState);
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException("graphql-java's Instrumentation has no " + hook + " any more", e);
            }
            if (!DO_NOTHING.contains(method.getDeclaringClass())) {
                found.add(i);
            }
        }
        return found.stream().mapToInt(Integer::intValue).toArray();
    }

    private static int[] union(int[] a, int[] b) {
        return java.util.stream.IntStream.concat(Arrays.stream(a), Arrays.stream(b)).distinct().sorted().toArray();
    }

    /** Each instrumentation's own state, by position. */
    private record States(InstrumentationState[] each) implements InstrumentationState {
    }

    private static InstrumentationState state(InstrumentationState states, int i) {
        return states instanceof States s ? s.each()[i] : null;
    }

    @Override
    public CompletableFuture<InstrumentationState> createStateAsync(InstrumentationCreateStateParameters parameters) {
        if (!lean) {
            return classic.createStateAsync(parameters);
        }
        @SuppressWarnings("unchecked")
        CompletableFuture<InstrumentationState>[] made = new CompletableFuture[all.length];
        boolean allDone = true;
        for (int i = 0; i < all.length; i++) {
            CompletableFuture<InstrumentationState> one = all[i].createStateAsync(parameters);
            made[i] = one == null ? CompletableFuture.completedFuture(null) : one;
            allDone &= made[i].isDone() && !made[i].isCompletedExceptionally();
        }
        if (allDone) {
            return CompletableFuture.completedFuture(states(made));
        }
        return CompletableFuture.allOf(made).thenApply(done -> states(made));
    }

    private static States states(CompletableFuture<InstrumentationState>[] made) {
        InstrumentationState[] each = new InstrumentationState[made.length];
        for (int i = 0; i < made.length; i++) {
            each[i] = made[i].join();
        }
        return new States(each);
    }

    // ---- hooks that return a context: none asked → nothing; one → its own; several → a composite of the non-null

    private <C> List<C> contexts(int[] which, InstrumentationState states, BiFunction<Instrumentation, InstrumentationState, C> begin) {
        List<C> contexts = new ArrayList<>(which.length);
        for (int i : which) {
            C context = begin.apply(all[i], state(states, i));
            if (context != null) {
                contexts.add(context);
            }
        }
        return contexts;
    }

    /** The hook's context: graphql-java's chain's (switched off), none, the one, or a composite of several. */
    private <C> C pick(int[] which, InstrumentationState states, BiFunction<Instrumentation, InstrumentationState, C> begin,
                       C none, Function<List<C>, C> several) {
        if (!(states instanceof States)) {
            return begin.apply(classic, states);
        }
        List<C> contexts = which.length == 0 ? List.of() : contexts(which, states, begin);
        return contexts.isEmpty() ? none : contexts.size() == 1 ? contexts.getFirst() : several.apply(contexts);
    }

    private <T> InstrumentationContext<T> context(int[] which, InstrumentationState states,
                                                  BiFunction<Instrumentation, InstrumentationState, InstrumentationContext<T>> begin) {
        return pick(which, states, begin, SimpleInstrumentationContext.noOp(), All::new);
    }

    /** Several contexts as one: each signal to each, in order. */
    private static class All<T, C extends InstrumentationContext<T>> implements InstrumentationContext<T> {
        final List<C> contexts;

        All(List<C> contexts) {
            this.contexts = contexts;
        }

        @Override
        public void onDispatched() {
            contexts.forEach(InstrumentationContext::onDispatched);
        }

        @Override
        public void onCompleted(T result, Throwable failure) {
            contexts.forEach(c -> c.onCompleted(result, failure));
        }
    }

    private static final class AllFetching extends All<Object, FieldFetchingInstrumentationContext> implements FieldFetchingInstrumentationContext {
        AllFetching(List<FieldFetchingInstrumentationContext> contexts) {
            super(contexts);
        }

        @Override
        public void onFetchedValue(Object fetched) {
            contexts.forEach(c -> c.onFetchedValue(fetched));
        }
    }

    private static final class AllStrategies extends All<ExecutionResult, ExecutionStrategyInstrumentationContext>
            implements ExecutionStrategyInstrumentationContext {
        AllStrategies(List<ExecutionStrategyInstrumentationContext> contexts) {
            super(contexts);
        }

        @Override public void onFieldValuesInfo(List<FieldValueInfo> infos) { contexts.forEach(c -> c.onFieldValuesInfo(infos)); }

        @Override public void onFieldValuesException() { contexts.forEach(ExecutionStrategyInstrumentationContext::onFieldValuesException); }
    }

    private static final class AllObjects extends All<Map<String, Object>, ExecuteObjectInstrumentationContext>
            implements ExecuteObjectInstrumentationContext {
        AllObjects(List<ExecuteObjectInstrumentationContext> contexts) {
            super(contexts);
        }

        @Override public void onFieldValuesInfo(List<FieldValueInfo> infos) { contexts.forEach(c -> c.onFieldValuesInfo(infos)); }

        @Override public void onFieldValuesException() { contexts.forEach(ExecuteObjectInstrumentationContext::onFieldValuesException); }
    }

    @Override
    public InstrumentationContext<ExecutionResult> beginExecution(InstrumentationExecutionParameters parameters, InstrumentationState state) {
        return context(execution, state, (it, own) -> it.beginExecution(parameters, own));
    }

    @Override
    public InstrumentationContext<Document> beginParse(InstrumentationExecutionParameters parameters, InstrumentationState state) {
        return context(parse, state, (it, own) -> it.beginParse(parameters, own));
    }

    @Override
    public InstrumentationContext<List<ValidationError>> beginValidation(InstrumentationValidationParameters parameters,
                                                                        InstrumentationState state) {
        return context(validation, state, (it, own) -> it.beginValidation(parameters, own));
    }

    @Override
    public InstrumentationContext<ExecutionResult> beginExecuteOperation(InstrumentationExecuteOperationParameters parameters,
                                                                         InstrumentationState state) {
        return context(executeOperation, state, (it, own) -> it.beginExecuteOperation(parameters, own));
    }

    @Override
    public InstrumentationContext<Void> beginReactiveResults(InstrumentationReactiveResultsParameters parameters,
                                                             InstrumentationState state) {
        return context(reactiveResults, state, (it, own) -> it.beginReactiveResults(parameters, own));
    }

    @Override
    public InstrumentationContext<Object> beginDeferredField(InstrumentationFieldParameters parameters, InstrumentationState state) {
        return context(deferredField, state, (it, own) -> it.beginDeferredField(parameters, own));
    }

    @Override
    public InstrumentationContext<ExecutionResult> beginSubscribedFieldEvent(InstrumentationFieldParameters parameters,
                                                                             InstrumentationState state) {
        return context(subscribedFieldEvent, state, (it, own) -> it.beginSubscribedFieldEvent(parameters, own));
    }

    @Override
    public InstrumentationContext<Object> beginFieldExecution(InstrumentationFieldParameters parameters, InstrumentationState state) {
        return context(fieldExecution, state, (it, own) -> it.beginFieldExecution(parameters, own));
    }

    @Override
    @SuppressWarnings("deprecation")
    public InstrumentationContext<Object> beginFieldFetch(InstrumentationFieldFetchParameters parameters, InstrumentationState state) {
        return context(fieldFetch, state, (it, own) -> it.beginFieldFetch(parameters, own));
    }

    @Override
    public InstrumentationContext<Object> beginFieldCompletion(InstrumentationFieldCompleteParameters parameters,
                                                               InstrumentationState state) {
        return context(fieldCompletion, state, (it, own) -> it.beginFieldCompletion(parameters, own));
    }

    @Override
    public InstrumentationContext<Object> beginFieldListCompletion(InstrumentationFieldCompleteParameters parameters,
                                                                   InstrumentationState state) {
        return context(fieldListCompletion, state, (it, own) -> it.beginFieldListCompletion(parameters, own));
    }

    @Override
    public FieldFetchingInstrumentationContext beginFieldFetching(InstrumentationFieldFetchParameters parameters,
                                                                  InstrumentationState state) {
        return pick(fieldFetching, state, (it, own) -> it.beginFieldFetching(parameters, own),
                FieldFetchingInstrumentationContext.NOOP, AllFetching::new);
    }

    @Override
    public ExecutionStrategyInstrumentationContext beginExecutionStrategy(InstrumentationExecutionStrategyParameters parameters,
                                                                          InstrumentationState state) {
        return pick(executionStrategy, state, (it, own) -> it.beginExecutionStrategy(parameters, own),
                ExecutionStrategyInstrumentationContext.NOOP, AllStrategies::new);
    }

    @Override
    public ExecuteObjectInstrumentationContext beginExecuteObject(InstrumentationExecutionStrategyParameters parameters,
                                                                  InstrumentationState state) {
        return pick(executeObject, state, (it, own) -> it.beginExecuteObject(parameters, own),
                ExecuteObjectInstrumentationContext.NOOP, AllObjects::new);
    }

    // ---- hooks that pass a value on: each that implements it, in order, gets what the one before returned

    private interface Step<V> {
        V apply(Instrumentation instrumentation, V value, InstrumentationState own);
    }

    private <V> V through(int[] which, V value, InstrumentationState states, Step<V> step) {
        return through(this, which, value, states, step);
    }

    private static <V> V through(InstrumentationChain chain, int[] which, V value, InstrumentationState states, Step<V> step) {
        if (!(states instanceof States)) {
            return step.apply(chain.classic, value, states);
        }
        for (int i : which) {
            value = step.apply(chain.all[i], value, state(states, i));
        }
        return value;
    }

    @Override
    public ExecutionInput instrumentExecutionInput(ExecutionInput input, InstrumentationExecutionParameters parameters,
                                                   InstrumentationState state) {
        return through(executionInput, input, state, (it, value, own) -> it.instrumentExecutionInput(value, parameters, own));
    }

    @Override
    public DocumentAndVariables instrumentDocumentAndVariables(DocumentAndVariables document, InstrumentationExecutionParameters parameters,
                                                               InstrumentationState state) {
        return through(documentAndVariables, document, state, (it, value, own) -> it.instrumentDocumentAndVariables(value, parameters, own));
    }

    @Override
    public GraphQLSchema instrumentSchema(GraphQLSchema graphQlSchema, InstrumentationExecutionParameters parameters,
                                          InstrumentationState state) {
        return through(schema, graphQlSchema, state, (it, value, own) -> it.instrumentSchema(value, parameters, own));
    }

    @Override
    public ExecutionContext instrumentExecutionContext(ExecutionContext context, InstrumentationExecutionParameters parameters,
                                                       InstrumentationState state) {
        return through(executionContext, context, state, (it, value, own) -> it.instrumentExecutionContext(value, parameters, own));
    }

    @Override
    public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> fetcher, InstrumentationFieldFetchParameters parameters,
                                                InstrumentationState state) {
        return InstrumentationChain.<DataFetcher<?>>through(this, dataFetcher, fetcher, state,
                (it, value, own) -> it.instrumentDataFetcher(value, parameters, own));
    }

    @Override
    public CompletableFuture<ExecutionResult> instrumentExecutionResult(ExecutionResult result, InstrumentationExecutionParameters parameters,
                                                                        InstrumentationState state) {
        if (!(state instanceof States)) {
            return classic.instrumentExecutionResult(result, parameters, state);
        }
        CompletableFuture<ExecutionResult> chained = CompletableFuture.completedFuture(result);
        for (int i : executionResult) {
            Instrumentation it = all[i];
            InstrumentationState own = state(state, i);
            Function<ExecutionResult, CompletableFuture<ExecutionResult>> next = value -> it.instrumentExecutionResult(value, parameters, own);
            chained = chained.isDone() && !chained.isCompletedExceptionally() ? next.apply(chained.join()) : chained.thenCompose(next);
        }
        return chained;
    }
}
