package id.go.cilegon.juare.platform.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.analysis.QueryTraverser;
import graphql.analysis.QueryVisitorFieldEnvironment;
import graphql.analysis.QueryVisitorStub;
import graphql.execution.AbortExecutionException;
import graphql.execution.ExecutionContext;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.language.Document;
import graphql.language.OperationDefinition;
import id.go.cilegon.juare.platform.CallerLanguage;
import id.go.cilegon.juare.platform.ErrorCode;
import id.go.cilegon.juare.platform.Messages;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What an operation may ask for, checked before anything of it runs (docs/adr/0011):
 * <ul>
 * <li>one sign-in mutation ({@code login}, {@code requestOtp}, {@code verifyOtp}) per document, so aliases cannot
 * turn one request into a hundred password hashes or code messages ({@value #ONE_SIGN_IN_PER_REQUEST});</li>
 * <li>a depth and a number of fields (each counted once, lists not multiplied);</li>
 * <li>a cost within the caller's budget ({@link QueryCost}: lists multiply), lower without a token; a caller
 * without a token whose operation a token would allow is told UNAUTHENTICATED (sign in), beyond that
 * QUERY_TOO_COMPLEX.</li>
 * </ul>
 * Introspection ({@code __schema}, {@code __type}) is left to graphql-java's good-faith introspection rule (one
 * {@code __schema}, no cycles through {@code __Type.fields}, at most 500 fields and depth 20), so that the standard
 * introspection queries of GraphiQL, Apollo and graphql-codegen (depth about 13 with their {@code ofType} nesting)
 * keep working. Every refusal carries its code ({@value #QUERY_TOO_COMPLEX}, {@value #ONE_SIGN_IN_PER_REQUEST} or
 * UNAUTHENTICATED) and its figures in extensions; nothing of the operation has run.
 */
final class QueryLimits extends SimplePerformantInstrumentation {

    static final String QUERY_TOO_COMPLEX = "QUERY_TOO_COMPLEX";
    static final String ONE_SIGN_IN_PER_REQUEST = "ONE_SIGN_IN_PER_REQUEST";

    /** GraphQL context key: true when the request came with a valid token (set by {@link GraphQlErrors}). */
    static final String SIGNED_IN = "juare.signedIn";

    /** Mutations that hash a password or send a code: one per document. */
    static final Set<String> SIGN_IN_FIELDS = Set.of("login", "requestOtp", "verifyOtp");

    record Settings(int maxDepth, int maxFields, int anonymousBudget, int signedInBudget) {
    }

    private final Settings settings;
    private final Messages messages;

    QueryLimits(Settings settings, Messages messages) {
        this.settings = settings;
        this.messages = messages;
    }

    /** Depth, fields and sign-in mutations of an operation, introspection apart. */
    record Shape(int depth, int fields, int signIns) {
    }

    @Override
    public InstrumentationContext<graphql.ExecutionResult> beginExecuteOperation(
            InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
        ExecutionContext context = parameters.getExecutionContext();
        Figures figures = figures(context);
        Shape shape = figures.shape();
        String language = CallerLanguage.of(context.getGraphQLContext());
        if (shape.signIns() > 1) {
            throw refusal(ONE_SIGN_IN_PER_REQUEST, messages.text(language, "limit.one-sign-in"),
                    Map.of("signIns", shape.signIns(), "allowed", 1));
        }
        if (shape.depth() > settings.maxDepth()) {
            throw refusal(QUERY_TOO_COMPLEX, messages.text(language, "limit.depth", shape.depth(), settings.maxDepth()),
                    Map.of("depth", shape.depth(), "maxDepth", settings.maxDepth()));
        }
        if (shape.fields() > settings.maxFields()) {
            throw refusal(QUERY_TOO_COMPLEX, messages.text(language, "limit.fields", shape.fields(), settings.maxFields()),
                    Map.of("fields", shape.fields(), "maxFields", settings.maxFields()));
        }
        boolean signedIn = context.getGraphQLContext().getBoolean(SIGNED_IN, false);
        int budget = signedIn ? settings.signedInBudget() : settings.anonymousBudget();
        int cost = figures.cost();
        if (cost > budget && !signedIn && cost <= settings.signedInBudget()) {
            // what a token would allow: say so (and the operations that need one answer as they would anyway)
            throw refusal(ErrorCode.UNAUTHENTICATED.name(), messages.text(language, "limit.cost.sign-in", cost, budget),
                    Map.of("cost", cost, "budget", budget, "signedInBudget", settings.signedInBudget()));
        }
        if (cost > budget) {
            throw refusal(QUERY_TOO_COMPLEX, messages.text(language, "limit.cost", cost, budget),
                    Map.of("cost", cost, "budget", budget));
        }
        return SimpleInstrumentationContext.noOp();
    }

    /** An operation's shape and cost: what the limits are checked against. */
    record Figures(Shape shape, int cost) {
    }

    /**
     * The figures of a document (the parsed-document cache hands out one instance per text: ADR 0029), operation
     * and the variables that can change them, once: walking the document twice per request was 2–6 % of a read's CPU
     * (docs/benchmarks/reads.md). Only numbers (list sizes) and booleans (@skip, @include) change the figures; ids,
     * strings and input objects do not, so {@code complaint(id: $id)} has one entry whatever the id.
     */
    private final Cache<FiguresKey, Figures> cache = Caffeine.newBuilder().maximumSize(2_000).build();

    /** Switched off by benchmarks to compare with figures computed for every request. */
    volatile boolean cacheFigures = true;

    private record FiguresKey(Document document, String operationName, Map<String, Object> variables) {
    }

    Figures figures(ExecutionContext context) {
        if (!cacheFigures) {
            return compute(context);
        }
        Map<String, Object> relevant = new HashMap<>();
        context.getCoercedVariables().toMap().forEach((name, value) -> {
            if (value instanceof Number || value instanceof Boolean) {
                relevant.put(name, value);
            }
        });
        FiguresKey key = new FiguresKey(context.getDocument(), context.getExecutionInput().getOperationName(), relevant);
        Figures known = cache.getIfPresent(key);
        if (known == null) {
            known = compute(context);
            cache.put(key, known);
        }
        return known;
    }

    private static Figures compute(ExecutionContext context) {
        return new Figures(shape(context), QueryCost.of(context.getGraphQLSchema(), context.getDocument(),
                context.getExecutionInput().getOperationName(), context.getCoercedVariables()));
    }

    static Shape shape(ExecutionContext context) {
        OperationDefinition operation = context.getOperationDefinition();
        boolean mutation = operation.getOperation() == OperationDefinition.Operation.MUTATION;
        int[] depth = {0};
        int[] fields = {0};
        int[] signIns = {0};
        QueryTraverser.newQueryTraverser()
                .schema(context.getGraphQLSchema())
                .document(context.getDocument())
                .operationName(context.getExecutionInput().getOperationName())
                .coercedVariables(context.getCoercedVariables())
                .build()
                .visitPreOrder(new QueryVisitorStub() {
                    @Override
                    public void visitField(QueryVisitorFieldEnvironment env) {
                        if (env.isTypeNameIntrospectionField()) {
                            return;
                        }
                        int level = 0;
                        for (QueryVisitorFieldEnvironment e = env; e != null; e = e.getParentEnvironment()) {
                            String name = e.getFieldDefinition().getName();
                            if (name.startsWith("__")) {
                                return; // introspection: graphql-java's good-faith rule
                            }
                            level++;
                        }
                        depth[0] = Math.max(depth[0], level);
                        fields[0]++;
                        if (mutation && env.getParentEnvironment() == null
                                && SIGN_IN_FIELDS.contains(env.getFieldDefinition().getName())) {
                            signIns[0]++;
                        }
                    }
                });
        return new Shape(depth[0], fields[0], signIns[0]);
    }

    private static AbortExecutionException refusal(String code, String message, Map<String, Object> figures) {
        Map<String, Object> extensions = new LinkedHashMap<>();
        extensions.put("code", code);
        extensions.putAll(figures);
        GraphQLError error = GraphqlErrorBuilder.newError()
                .errorType(code.equals(ErrorCode.UNAUTHENTICATED.name())
                        ? org.springframework.graphql.execution.ErrorType.UNAUTHORIZED : graphql.ErrorType.ExecutionAborted)
                .message(message)
                .extensions(extensions)
                .build();
        return new AbortExecutionException(List.of(error));
    }
}
