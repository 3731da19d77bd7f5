package id.go.cilegon.juare.platform.internal;

import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.execution.ExecutionContext;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationCreateStateParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import graphql.language.Field;
import graphql.language.OperationDefinition;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * GraphQL requests as a Prometheus timer {@code juare.graphql.requests} with latency histograms, tagged by
 * operation, type and outcome. The operation tag is the root field (or "multiple"), never the client's operation
 * name: a name is whatever a client sends, and every new one would be a new series. The outcome is "ok" or the
 * first error's code, from our own closed set.
 */
@Component
class GraphQlMetrics extends SimplePerformantInstrumentation {

    private final MeterRegistry meters;

    GraphQlMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    private static final class Request implements InstrumentationState {
        final long started = System.nanoTime();
        volatile String operation = "invalid";
        volatile String type = "unknown";
    }

    @Override
    public InstrumentationState createState(InstrumentationCreateStateParameters parameters) {
        return new Request();
    }

    @Override
    public ExecutionContext instrumentExecutionContext(ExecutionContext context, InstrumentationExecutionParameters parameters,
                                                       InstrumentationState state) {
        if (state instanceof Request request) {
            OperationDefinition operation = context.getOperationDefinition();
            request.type = operation.getOperation().name().toLowerCase();
            List<Field> roots = operation.getSelectionSet().getSelectionsOfType(Field.class);
            request.operation = roots.size() == 1 ? roots.getFirst().getName() : "multiple";
        }
        return context;
    }

    @Override
    public InstrumentationContext<ExecutionResult> beginExecution(InstrumentationExecutionParameters parameters,
                                                                  InstrumentationState state) {
        if (!(state instanceof Request request)) {
            return SimpleInstrumentationContext.noOp();
        }
        return SimpleInstrumentationContext.whenCompleted((result, failure) -> Timer.builder("juare.graphql.requests")
                .description("GraphQL requests by root field, type and outcome")
                .tag("operation", request.operation)
                .tag("type", request.type)
                .tag("outcome", outcome(result, failure))
                .publishPercentileHistogram()
                .register(meters)
                .record(System.nanoTime() - request.started, java.util.concurrent.TimeUnit.NANOSECONDS));
    }

    private static String outcome(ExecutionResult result, Throwable failure) {
        if (failure != null || result == null) {
            return "INTERNAL_ERROR";
        }
        if (result.getErrors().isEmpty()) {
            return "ok";
        }
        GraphQLError first = result.getErrors().getFirst();
        Map<String, Object> extensions = first.getExtensions();
        Object code = extensions == null ? null : extensions.get("code");
        return code instanceof String text && text.matches("[A-Z_]{1,40}") ? text : first.getErrorType().toString();
    }
}
