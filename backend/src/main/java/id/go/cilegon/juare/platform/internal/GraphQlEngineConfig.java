package id.go.cilegon.juare.platform.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import graphql.ExecutionInput;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.PreparsedDocumentProvider;
import id.go.cilegon.juare.platform.Messages;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;
import org.springframework.util.unit.DataSize;

/** Limits and caches of the GraphQL engine. */
@Configuration(proxyBeanMethods = false)
class GraphQlEngineConfig {

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

    /** Parsing and validating a document costs more than running most of ours: keep the valid ones. */
    @Bean
    GraphQlSourceBuilderCustomizer parsedDocumentCache(@Value("${juare.graphql.document-cache-size:500}") int size) {
        PreparsedDocumentProvider provider = new CachingDocumentProvider(size);
        return builder -> builder.configureGraphQl(graphQl -> graphQl.preparsedDocumentProvider(provider));
    }

    static final class CachingDocumentProvider implements PreparsedDocumentProvider {

        private final Cache<String, PreparsedDocumentEntry> cache;

        CachingDocumentProvider(int size) {
            this.cache = Caffeine.newBuilder().maximumSize(size).build();
        }

        @Override
        public CompletableFuture<PreparsedDocumentEntry> getDocumentAsync(
                ExecutionInput input, Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
            PreparsedDocumentEntry cached = cache.getIfPresent(input.getQuery());
            if (cached != null) {
                return CompletableFuture.completedFuture(cached);
            }
            PreparsedDocumentEntry entry = parseAndValidate.apply(input);
            if (!entry.hasErrors()) {
                cache.put(input.getQuery(), entry);
            }
            return CompletableFuture.completedFuture(entry);
        }
    }
}
