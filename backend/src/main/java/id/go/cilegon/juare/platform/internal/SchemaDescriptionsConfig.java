package id.go.cilegon.juare.platform.internal;

import graphql.schema.idl.SchemaGenerator;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Only {@code """strings"""} in the schema files are descriptions. graphql-java otherwise turns a {@code #} comment
 * before an element into its public description, so section rulers and file headers written for us would reach
 * every app developer's GraphiQL and generated code (docs/adr/0028).
 */
@Configuration(proxyBeanMethods = false)
class SchemaDescriptionsConfig {

    @Bean
    GraphQlSourceBuilderCustomizer commentsAreNotDescriptions() {
        SchemaGenerator.Options options = SchemaGenerator.Options.defaultOptions().useCommentsAsDescriptions(false);
        return builder -> builder.schemaFactory(
                (registry, wiring) -> new SchemaGenerator().makeExecutableSchema(options, registry, wiring));
    }
}
