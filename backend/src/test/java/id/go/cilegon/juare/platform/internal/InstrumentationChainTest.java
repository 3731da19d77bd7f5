package id.go.cilegon.juare.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.ExecutionResultImpl;
import graphql.GraphQL;
import graphql.execution.instrumentation.ChainedInstrumentation;
import graphql.execution.instrumentation.ExecutionStrategyInstrumentationContext;
import graphql.execution.instrumentation.FieldFetchingInstrumentationContext;
import graphql.execution.instrumentation.Instrumentation;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationCreateStateParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionStrategyParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.schema.DataFetcher;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The instrumentations asked only where they implement a hook (ADR 0047): on a real graphql-java execution every
 * instrumentation sees what graphql-java's own chain shows it — the same calls, in the same order, with its own state —
 * and the answer is the same; a hook none implements costs no context, one that a single instrumentation implements is
 * that instrumentation's own context.
 */
class InstrumentationChainTest {

    private static final GraphQLSchema SCHEMA = new SchemaGenerator().makeExecutableSchema(new SchemaParser().parse("""
            type Query { greeting: String, items: [Item] }
            type Item { name: String, size: Int }
            """), RuntimeWiring.newRuntimeWiring()
            .type("Query", type -> type
                    .dataFetcher("greeting", env -> "halo")
                    .dataFetcher("items", env -> CompletableFuture.supplyAsync(
                            () -> List.of(Map.of("name", "a", "size", 1), Map.of("name", "b", "size", 2)),
                            CompletableFuture.delayedExecutor(5, TimeUnit.MILLISECONDS))))
            .build());

    private static final String QUERY = "{ greeting items { name size } }";

    /** Records what it is shown; named, with a state of its own, so that each one's calls can be told apart. */
    private abstract static class Recording extends SimplePerformantInstrumentation {
        final String name;
        final List<String> seen = Collections.synchronizedList(new ArrayList<>());

        Recording(String name) {
            this.name = name;
        }

        @Override
        public InstrumentationState createState(InstrumentationCreateStateParameters parameters) {
            return new Own(name);
        }
    }

    /** Per field: what is fetched. */
    private static final class Fetches extends Recording {
        Fetches(String name) {
            super(name);
        }

        @Override
        public InstrumentationContext<Object> beginFieldFetch(InstrumentationFieldFetchParameters parameters, InstrumentationState state) {
            String field = parameters.getExecutionStepInfo().getPath().toString();
            seen.add("fetch " + field + " " + state);
            return SimpleInstrumentationContext.whenCompleted((value, failure) -> seen.add("fetched " + field + " " + value));
        }
    }

    /** Per request only, and passes the result on with a mark of its own. */
    private static final class Marks extends Recording {
        Marks(String name) {
            super(name);
        }

        @Override
        public InstrumentationContext<ExecutionResult> beginExecution(InstrumentationExecutionParameters parameters,
                                                                      InstrumentationState state) {
            seen.add("begin " + state);
            return SimpleInstrumentationContext.whenCompleted((result, failure) -> seen.add("end " + state + " " + result.getErrors().size()));
        }

        @Override
        public ExecutionStrategyInstrumentationContext beginExecutionStrategy(InstrumentationExecutionStrategyParameters parameters,
                                                                              InstrumentationState state) {
            seen.add("strategy " + state);
            return ExecutionStrategyInstrumentationContext.NOOP;
        }

        @Override
        public CompletableFuture<ExecutionResult> instrumentExecutionResult(ExecutionResult result, InstrumentationExecutionParameters parameters,
                                                                            InstrumentationState state) {
            seen.add("result " + state + " " + result.getExtensions());
            Map<Object, Object> extensions = new java.util.LinkedHashMap<>(result.getExtensions() == null ? Map.of() : result.getExtensions());
            extensions.put(name, extensions.size());
            // one of them answers later, on another thread: the next must still get its result, in order
            return CompletableFuture.supplyAsync(() -> ExecutionResultImpl.newExecutionResult().from(result).extensions(extensions).build(),
                    CompletableFuture.delayedExecutor(name.equals("m1") ? 10 : 0, TimeUnit.MILLISECONDS));
        }
    }

    private record Own(String name) implements InstrumentationState {
        @Override
        public String toString() {
            return "state-of-" + name;
        }
    }

    private record Run(ExecutionResult result, List<List<String>> seen) {
    }

    private static Run run(java.util.function.Function<List<Instrumentation>, Instrumentation> chain) {
        Fetches f1 = new Fetches("f1");
        Marks m1 = new Marks("m1");
        Fetches f2 = new Fetches("f2");
        Marks m2 = new Marks("m2");
        List<Instrumentation> all = List.of(f1, m1, new SimplePerformantInstrumentation(), f2, m2);
        GraphQL graphQl = GraphQL.newGraphQL(SCHEMA).instrumentation(chain.apply(all)).build();
        ExecutionResult result = graphQl.execute(ExecutionInput.newExecutionInput(QUERY).build());
        return new Run(result, List.of(sorted(f1.seen), m1.seen, sorted(f2.seen), m2.seen));
    }

    /** Fields are fetched concurrently (the list's items after a delay): their order is graphql-java's, not ours. */
    private static List<String> sorted(List<String> seen) {
        List<String> copy = new ArrayList<>(seen);
        Collections.sort(copy);
        return copy;
    }

    @Test
    void eachInstrumentationSeesWhatGraphqlJavasChainShowsItAndTheAnswerIsTheSame() {
        Run theirs = run(ChainedInstrumentation::new);
        Run ours = run(InstrumentationChain::new);

        Run switchedBack = run(all -> {
            InstrumentationChain chain = new InstrumentationChain(all);
            chain.lean = false;
            return chain;
        });

        assertThat(switchedBack.seen()).isEqualTo(theirs.seen());
        assertThat(ours.result().toSpecification()).isEqualTo(theirs.result().toSpecification());
        assertThat(ours.result().getErrors()).isEmpty();
        assertThat(ours.result().getExtensions()).isEqualTo(Map.of("m1", 0, "m2", 1));
        assertThat(ours.seen()).isEqualTo(theirs.seen());
        // and what they saw is what was asked: six fetches each, every one with its own state, and the results in order
        assertThat(ours.seen().get(0)).hasSize(12).allMatch(line -> !line.startsWith("fetch ") || line.endsWith("state-of-f1"));
        assertThat(ours.seen().get(2)).hasSize(12).allMatch(line -> !line.startsWith("fetch ") || line.endsWith("state-of-f2"));
        assertThat(ours.seen().get(1)).containsExactly("begin state-of-m1", "strategy state-of-m1", "end state-of-m1 0",
                "result state-of-m1 null");
        assertThat(ours.seen().get(3)).containsExactly("begin state-of-m2", "strategy state-of-m2", "end state-of-m2 0",
                "result state-of-m2 {m1=0}");
    }

    @Test
    void aHookNoneImplementsCostsNothingAndOneImplementedOnceIsThatInstrumentationsOwn() {
        InstrumentationContext<Object> own = SimpleInstrumentationContext.whenCompleted((value, failure) -> { });
        Instrumentation fetches = new SimplePerformantInstrumentation() {
            @Override
            public InstrumentationContext<Object> beginFieldFetch(InstrumentationFieldFetchParameters parameters, InstrumentationState state) {
                return own;
            }
        };
        InstrumentationChain chain = new InstrumentationChain(List.of(new SimplePerformantInstrumentation(), fetches,
                new Marks("m"), new SimplePerformantInstrumentation()));
        InstrumentationState state = chain.createStateAsync(null).join();

        assertThat(chain.beginFieldExecution(null, state)).isSameAs(SimpleInstrumentationContext.noOp());
        assertThat(chain.beginFieldCompletion(null, state)).isSameAs(SimpleInstrumentationContext.noOp());
        assertThat(chain.beginExecuteObject(null, state)).isSameAs(graphql.execution.instrumentation.ExecuteObjectInstrumentationContext.NOOP);
        DataFetcher<?> fetcher = env -> null;
        assertThat(chain.instrumentDataFetcher(fetcher, null, state)).isSameAs(fetcher);
        // graphql-java asks beginFieldFetching, whose default adapts beginFieldFetch: the adapter of this one's own context
        FieldFetchingInstrumentationContext fetching = chain.beginFieldFetching(null, state);
        assertThat(fetching).isNotSameAs(FieldFetchingInstrumentationContext.NOOP);
        assertThat(chain.beginFieldFetch(null, state)).isSameAs(own);
    }
}
