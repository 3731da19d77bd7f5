package id.go.cilegon.juare.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.cilegon.juare.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.GraphQlSource;

/** The engine the application serves with asks its instrumentations through InstrumentationChain (ADR 0047). */
class InstrumentationChainWiringTest extends IntegrationTest {

    @Autowired
    GraphQlSource graphQlSource;

    @Test
    void theEngineAsksTheApplicationsInstrumentationsThroughTheChain() {
        assertThat(graphQlSource.graphQl().getInstrumentation()).isInstanceOf(InstrumentationChain.class);
        assertThat(((InstrumentationChain) graphQlSource.graphQl().getInstrumentation()).instrumentations())
                .extracting(Object::getClass)
                .contains(QueryLimits.class, ResponseSizeLimit.class, GraphQlMetrics.class, RequestObservationsOnly.class);
    }
}
