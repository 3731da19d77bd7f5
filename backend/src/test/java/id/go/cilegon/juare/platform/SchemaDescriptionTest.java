package id.go.cilegon.juare.platform;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.Directives;
import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLDirective;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLEnumValueDefinition;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLInputObjectField;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.ScalarInfo;
import id.go.cilegon.juare.support.IntegrationTest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.GraphQlSource;

/**
 * Every element of the schema the app serves (types, fields, arguments, input fields, enum values, scalars and our
 * own directives) has a description written for app developers, and none of them is a section comment, a file
 * header or a note to ourselves (docs/adr/0028). graphql-java's built-ins and introspection types are theirs.
 */
class SchemaDescriptionTest extends IntegrationTest {

    /** What a description must not look like: section rulers and references to our own paperwork. */
    static final Pattern NOT_FOR_APP_DEVELOPERS = Pattern.compile(
            "-{3,}|={3,}|\\bissue\\s*\\d|\\bADR\\b|docs/adr|README|TODO|FIXME", Pattern.CASE_INSENSITIVE);

    /** The directives graphql-java adds to every schema. */
    static final Set<String> GRAPHQL_JAVA_DIRECTIVES = Stream.of(Directives.DeferDirective, Directives.IncludeDirective,
                    Directives.SkipDirective, Directives.DeprecatedDirective, Directives.SpecifiedByDirective,
                    Directives.OneOfDirective, Directives.ExperimentalDisableErrorPropagationDirective)
            .map(GraphQLDirective::getName)
            .collect(Collectors.toSet());

    @Autowired
    GraphQlSource graphQlSource;

    /** Element kind → [described, total]. */
    private final Map<String, int[]> coverage = new LinkedHashMap<>();
    private final List<String> missing = new ArrayList<>();
    private final List<String> misplaced = new ArrayList<>();

    @Test
    void everyElementIsDescribedForAppDevelopers() {
        GraphQLSchema schema = graphQlSource.schema();
        for (GraphQLNamedType type : schema.getAllTypesAsList()) {
            if (type.getName().startsWith("__")
                    || type instanceof GraphQLScalarType scalar && ScalarInfo.isGraphqlSpecifiedScalar(scalar)) {
                continue;
            }
            check("types", type.getName(), type.getDescription());
            if (type instanceof GraphQLFieldsContainer container) {
                for (GraphQLFieldDefinition field : container.getFieldDefinitions()) {
                    String where = type.getName() + "." + field.getName();
                    check("fields", where, field.getDescription());
                    for (GraphQLArgument argument : field.getArguments()) {
                        check("arguments", where + "(" + argument.getName() + ")", argument.getDescription());
                    }
                }
            }
            if (type instanceof GraphQLInputObjectType input) {
                for (GraphQLInputObjectField field : input.getFieldDefinitions()) {
                    check("input fields", type.getName() + "." + field.getName(), field.getDescription());
                }
            }
            if (type instanceof GraphQLEnumType enumType) {
                for (GraphQLEnumValueDefinition value : enumType.getValues()) {
                    check("enum values", type.getName() + "." + value.getName(), value.getDescription());
                }
            }
        }
        for (GraphQLDirective directive : schema.getDirectives()) {
            if (GRAPHQL_JAVA_DIRECTIVES.contains(directive.getName())) {
                continue; // graphql-java's own, described by it
            }
            check("directives", "@" + directive.getName(), directive.getDescription());
            for (GraphQLArgument argument : directive.getArguments()) {
                check("arguments", "@" + directive.getName() + "(" + argument.getName() + ")", argument.getDescription());
            }
        }
        StringBuilder figures = new StringBuilder("Schema descriptions:");
        coverage.forEach((kind, n) -> figures.append(' ').append(kind).append(' ').append(n[0]).append('/').append(n[1]).append(';'));
        System.out.println(figures);

        assertThat(missing).as("schema elements without a description (write one for app developers)").isEmpty();
        assertThat(misplaced).as("descriptions that read like section comments or notes to ourselves (use # comments)")
                .isEmpty();
    }

    /** What GraphiQL and code generators see: the descriptions over HTTP, to anyone, by introspection. */
    @Test
    void introspectionServesTheDescriptionsAndTheNewIds() {
        api().anonymous().document("""
                        { __type(name: "Opd") { description fields { name description } } }""")
                .execute()
                .path("__type.description").entity(String.class).satisfies(d -> assertThat(d).contains("OPD"))
                .path("__type.fields[?(@.name == 'id')].description").entityList(String.class)
                .satisfies(d -> assertThat(d).singleElement().asString().contains("Cache key"));
    }

    private void check(String kind, String where, String description) {
        int[] n = coverage.computeIfAbsent(kind, k -> new int[2]);
        n[1]++;
        if (description == null || description.isBlank()) {
            missing.add(where);
            return;
        }
        n[0]++;
        if (NOT_FOR_APP_DEVELOPERS.matcher(description).find()) {
            misplaced.add(where + ": " + description.lines().findFirst().orElse(""));
        }
    }
}
