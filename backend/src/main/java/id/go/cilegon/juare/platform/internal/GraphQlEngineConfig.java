package id.go.cilegon.juare.platform.internal;

import id.go.cilegon.juare.platform.Messages;
import java.util.List;
import java.util.Locale;
import graphql.execution.instrumentation.Instrumentation;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;
import org.springframework.util.unit.DataSize;

/** Limits and caches of the GraphQL engine. */
@Configuration(proxyBeanMethods = false)
class GraphQlEngineConfig {

    /** In place of Spring Boot's: the request's observation, not one per field (RequestObservationsOnly). */
    @Bean
    org.springframework.graphql.observation.GraphQlObservationInstrumentation graphQlObservationInstrumentation(
            io.micrometer.observation.ObservationRegistry registry, @Value("${juare.graphql.observe-fields:false}") boolean observeFields) {
        return new RequestObservationsOnly(registry, observeFields);
    }

    /**
     * The instrumentations asked only at the hooks they implement (InstrumentationChain, ADR 0047), in place of the
     * chain Spring GraphQL makes of the same list; {@code juare.graphql.lean-instrumentation=false} serves every request
     * through graphql-java's chain, as before.
     */
    @Bean
    GraphQlSourceBuilderCustomizer instrumentationChain(ObjectProvider<Instrumentation> instrumentations,
                                                        @Value("${juare.graphql.lean-instrumentation:true}") boolean lean) {
        return builder -> builder.configureGraphQl(graphQl -> {
            // the list Spring Boot gives Spring GraphQL, in the same order
            List<Instrumentation> all = instrumentations.orderedStream().toList();
            if (!all.isEmpty()) {
                InstrumentationChain chain = new InstrumentationChain(all);
                chain.lean = lean;
                graphQl.instrumentation(chain);
            }
        });
    }

    @Bean
    RuntimeWiringConfigurer dateTimeScalar() {
        return wiring -> wiring.scalar(DateTimeScalar.INSTANCE);
    }

    /** Depth, fields, sign-ins per document and the cost budget, before anything runs (docs/adr/0011). */
    @Bean
    QueryLimits queryLimits(@Value("${juare.graphql.max-depth:12}") int maxDepth,
                            @Value("${juare.graphql.max-fields:${juare.graphql.max-complexity:400}}") int maxFields,
                            @Value("${juare.graphql.cost.anonymous-budget:1000}") int anonymousBudget,
                            @Value("${juare.graphql.cost.signed-in-budget:10000}") int signedInBudget,
                            Messages messages) {
        return new QueryLimits(new QueryLimits.Settings(maxDepth, maxFields, anonymousBudget, signedInBudget), messages);
    }

    /** Even within its budget, an answer stops growing at this size. */
    @Bean
    ResponseSizeLimit responseSizeLimit(@Value("${juare.graphql.max-response-size:8MB}") DataSize maxSize,
                                        @Value("${juare.graphql.max-response-values:200000}") int maxValues,
                                        Messages messages) {
        return new ResponseSizeLimit(maxSize.toBytes(), maxValues, messages);
    }

    /**
     * Persisted documents (APQ, documentId, trusted mode: docs/adr/0029) and the parsed-document cache, as the
     * engine's one document provider: parsing and validating a document costs more than running most of ours.
     */
    @Bean
    PersistedDocuments persistedDocuments(
            @Value("${juare.graphql.documents.mode:any}") String mode,
            @Value("${juare.graphql.documents.manifests:}") List<String> manifests,
            @Value("${juare.graphql.documents.apq-store-size:4MB}") DataSize apqStoreSize,
            @Value("${juare.graphql.documents.trusted-introspection:false}") boolean trustedIntrospection,
            @Value("${juare.graphql.document-cache-size:500}") int parsedCacheSize,
            Messages messages) {
        PersistedDocuments.Mode documentsMode;
        try {
            documentsMode = PersistedDocuments.Mode.valueOf(mode.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("juare.graphql.documents.mode must be any or trusted, not " + mode);
        }
        return PersistedDocuments.create(new PersistedDocuments.Settings(documentsMode,
                manifests.stream().map(String::trim).filter(m -> !m.isEmpty()).toList(),
                apqStoreSize.toBytes(), trustedIntrospection, parsedCacheSize), messages);
    }

    @Bean
    GraphQlSourceBuilderCustomizer documentProvider(PersistedDocuments documents) {
        return builder -> builder.configureGraphQl(graphQl -> graphQl.preparsedDocumentProvider(documents));
    }
}
