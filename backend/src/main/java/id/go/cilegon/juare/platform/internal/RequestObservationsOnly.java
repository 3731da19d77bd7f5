package id.go.cilegon.juare.platform.internal;

import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.schema.DataFetcher;
import io.micrometer.observation.ObservationRegistry;
import org.springframework.graphql.observation.GraphQlObservationInstrumentation;

/**
 * Spring GraphQL's observations of a request ("graphql.request") and of its DataLoader batches, without the one per
 * resolved field ("graphql.datafetcher", a timer per field and request): on a resident's list of 20 complaints those
 * were ~200 observations a request and about a tenth of its CPU (docs/benchmarks/reads.md). Nothing read them; the
 * requests' own timer is GraphQlMetrics'. {@code juare.graphql.observe-fields=true} brings them back, to look at a
 * slow field.
 */
class RequestObservationsOnly extends GraphQlObservationInstrumentation {

    /** Switched by benchmarks to compare (ReadPathBenchmark). */
    volatile boolean observeFields;

    RequestObservationsOnly(ObservationRegistry registry, boolean observeFields) {
        super(registry);
        this.observeFields = observeFields;
    }

    @Override
    public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> dataFetcher, InstrumentationFieldFetchParameters parameters,
                                                InstrumentationState state) {
        return observeFields ? super.instrumentDataFetcher(dataFetcher, parameters, state) : dataFetcher;
    }
}
