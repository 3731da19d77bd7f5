package id.go.cilegon.juare.platform.internal;

import graphql.ExecutionResult;
import graphql.ExecutionResultImpl;
import graphql.GraphQLContext;
import graphql.GraphqlErrorBuilder;
import graphql.execution.ExecutionContext;
import graphql.execution.ResultNodesInfo;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationCreateStateParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import id.go.cilegon.juare.platform.CallerLanguage;
import id.go.cilegon.juare.platform.Messages;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A cap on an answer's size, so that even an operation within its cost budget cannot build hundreds of megabytes
 * (docs/adr/0011). Every fetched value is counted as it arrives (about its JSON size: its text plus a little for the
 * key); past the cap, graphql-java's own result-node limit ({@link ResultNodesInfo#MAX_RESULT_NODES}) is lowered to
 * zero, so nothing more is fetched or built, and the whole answer becomes one {@value #RESPONSE_TOO_LARGE} error
 * with the limit. The number of result values is capped the same way. Subscriptions' events are not counted
 * (each is one small event).
 */
final class ResponseSizeLimit extends SimplePerformantInstrumentation {

    static final String RESPONSE_TOO_LARGE = "RESPONSE_TOO_LARGE";

    /**
     * GraphQL context key (set inside the server only, never from a request): a lower cap in bytes for one request;
     * graphql-java's {@link ResultNodesInfo#MAX_RESULT_NODES} there lowers the cap on values the same way.
     */
    static final String MAX_BYTES_KEY = "juare.maxResponseBytes";

    /** Per value, for its key, quotes and separators. */
    private static final int VALUE_OVERHEAD = 16;

    private final long maxBytes;
    private final int maxValues;
    private final Messages messages;

    ResponseSizeLimit(long maxBytes, int maxValues, Messages messages) {
        this.maxBytes = maxBytes;
        this.maxValues = maxValues;
        this.messages = messages;
    }

    private static final class Size implements InstrumentationState {
        final long maxBytes;
        final int maxValues;
        final AtomicLong bytes = new AtomicLong();
        final AtomicBoolean exceeded = new AtomicBoolean();

        Size(long maxBytes, int maxValues) {
            this.maxBytes = maxBytes;
            this.maxValues = maxValues;
        }
    }

    @Override
    public InstrumentationState createState(InstrumentationCreateStateParameters parameters) {
        GraphQLContext context = parameters.getExecutionInput().getGraphQLContext();
        Object lowerValues = context.get(ResultNodesInfo.MAX_RESULT_NODES);
        int values = lowerValues instanceof Number n ? Math.min(maxValues, n.intValue()) : maxValues;
        context.put(ResultNodesInfo.MAX_RESULT_NODES, values);
        Object lowerBytes = context.get(MAX_BYTES_KEY);
        return new Size(lowerBytes instanceof Number n ? Math.min(maxBytes, n.longValue()) : maxBytes, values);
    }

    @Override
    public InstrumentationContext<Object> beginFieldFetch(InstrumentationFieldFetchParameters parameters,
                                                         InstrumentationState state) {
        ExecutionContext context = parameters.getExecutionContext();
        if (context.isSubscriptionOperation()) {
            return SimpleInstrumentationContext.noOp();
        }
        Size size = (Size) state;
        return SimpleInstrumentationContext.whenCompleted((value, failure) -> {
            if (size.bytes.addAndGet(VALUE_OVERHEAD + bytes(value)) > size.maxBytes && size.exceeded.compareAndSet(false, true)) {
                // graphql-java fetches and builds nothing more once its result-node limit is passed
                context.getGraphQLContext().put(ResultNodesInfo.MAX_RESULT_NODES, 0);
            }
        });
    }

    private static long bytes(Object value) {
        if (value instanceof CharSequence text) {
            return text.length();
        }
        if (value instanceof Collection<?> items) {
            long total = 2;
            for (Object item : items) {
                total += item instanceof CharSequence text ? text.length() + 3 : 1;
            }
            return total;
        }
        return 0;
    }

    @Override
    public CompletableFuture<ExecutionResult> instrumentExecutionResult(ExecutionResult result,
                                                                        InstrumentationExecutionParameters parameters,
                                                                        InstrumentationState state) {
        Size size = (Size) state;
        GraphQLContext context = parameters.getGraphQLContext();
        ResultNodesInfo nodes = context.get(ResultNodesInfo.RESULT_NODES_INFO);
        boolean tooManyValues = nodes != null && nodes.isMaxResultNodesExceeded() && !size.exceeded.get();
        if (!size.exceeded.get() && !tooManyValues) {
            return CompletableFuture.completedFuture(result);
        }
        Map<String, Object> extensions = new LinkedHashMap<>();
        extensions.put("code", RESPONSE_TOO_LARGE);
        if (tooManyValues) {
            extensions.put("maxValues", size.maxValues);
        } else {
            extensions.put("maxBytes", size.maxBytes);
        }
        String language = CallerLanguage.of(context);
        String message = tooManyValues
                ? messages.text(language, "limit.response.values", size.maxValues)
                : messages.text(language, "limit.response.bytes", size.maxBytes);
        return CompletableFuture.completedFuture(new ExecutionResultImpl(List.of(GraphqlErrorBuilder.newError()
                .errorType(graphql.ErrorType.ExecutionAborted)
                .message(message)
                .extensions(extensions)
                .build())));
    }
}
