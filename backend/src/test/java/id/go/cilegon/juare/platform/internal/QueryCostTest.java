package id.go.cilegon.juare.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.execution.CoercedVariables;
import graphql.language.Document;
import graphql.parser.Parser;
import graphql.language.OperationDefinition;
import graphql.language.VariableDefinition;
import graphql.schema.GraphQLAppliedDirective;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLInputObjectField;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import graphql.execution.TypeFromAST;
import id.go.cilegon.juare.graphql.OperationDocuments;
import id.go.cilegon.juare.support.IntegrationTest;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.graphql.execution.GraphQlSource;

/** The cost model of the schema (cost.graphqls, docs/adr/0011): every list is sized, our own operations fit. */
class QueryCostTest extends IntegrationTest {

    /** The operations our clients send without a token; every other one is sent signed in. */
    private static final Set<String> ANONYMOUS = Set.of(
            "ReferenceData", "CityMap", "Locate", "RequestOtp", "VerifyOtp", "RefreshSession", "Login");

    @Autowired
    GraphQlSource graphQlSource;

    @Value("${juare.graphql.cost.anonymous-budget:1000}")
    int anonymousBudget;

    @Value("${juare.graphql.cost.signed-in-budget:10000}")
    int signedInBudget;

    private GraphQLSchema schema() {
        return graphQlSource.schema();
    }

    private int cost(String document, Map<String, Object> variables) {
        return QueryCost.of(schema(), Parser.parse(document), null, CoercedVariables.of(variables));
    }

    /** Values for an operation's variables: the largest page for first, something valid for the others. */
    private Map<String, Object> variables(Document document) {
        Map<String, Object> values = new java.util.HashMap<>();
        OperationDefinition operation = document.getDefinitionsOfType(OperationDefinition.class).getFirst();
        for (VariableDefinition variable : operation.getVariableDefinitions()) {
            GraphQLType type = TypeFromAST.getTypeFromAST(schema(), variable.getType());
            values.put(variable.getName(), variable.getName().equals("first") ? Integer.MAX_VALUE : sample(type));
        }
        return values;
    }

    private static Object sample(GraphQLType type) {
        GraphQLType bare = GraphQLTypeUtil.unwrapNonNull(type);
        if (GraphQLTypeUtil.isList(bare)) {
            return List.of();
        }
        if (bare instanceof GraphQLInputObjectType input) {
            Map<String, Object> fields = new java.util.HashMap<>();
            for (GraphQLInputObjectField field : input.getFieldDefinitions()) {
                if (GraphQLTypeUtil.isNonNull(field.getType())) {
                    fields.put(field.getName(), sample(field.getType()));
                }
            }
            return fields;
        }
        if (bare instanceof GraphQLEnumType enumType) {
            return enumType.getValues().getFirst().getName();
        }
        return switch (((GraphQLNamedType) bare).getName()) {
            case "Int" -> 1;
            case "Float" -> 1.0;
            case "Boolean" -> true;
            default -> "x";
        };
    }

    @Test
    void everyListFieldOfTheSchemaHasASize() {
        List<String> unsized = new ArrayList<>();
        for (GraphQLType type : schema().getAllTypesAsList()) {
            if (!(type instanceof GraphQLObjectType object) || object.getName().startsWith("__")) {
                continue;
            }
            for (GraphQLFieldDefinition field : object.getFieldDefinitions()) {
                String coordinates = object.getName() + "." + field.getName();
                GraphQLAppliedDirective listSize = field.getAppliedDirective(QueryCost.LIST_SIZE);
                if (listSize != null && listSize.getArgument("sizedFields").getValue() != null) {
                    // the sized lists exist in the returned type
                    GraphQLObjectType returned = (GraphQLObjectType) GraphQLTypeUtil.unwrapAll(field.getType());
                    List<String> sized = listSize.getArgument("sizedFields").getValue();
                    for (String name : sized) {
                        GraphQLFieldDefinition inner = returned.getFieldDefinition(name);
                        if (inner == null || !GraphQLTypeUtil.isList(GraphQLTypeUtil.unwrapNonNull(inner.getType()))) {
                            unsized.add(coordinates + " sizes " + name + ", which is not a list of " + returned.getName());
                        }
                    }
                }
                if (!GraphQLTypeUtil.isList(GraphQLTypeUtil.unwrapNonNull(field.getType()))) {
                    continue;
                }
                if (listSize == null && QueryCost.isPayloadErrors(field)) {
                    continue;
                }
                if (listSize == null) {
                    unsized.add(coordinates + " has no @listSize");
                    continue;
                }
                boolean assumed = listSize.getArgument("assumedSize").getValue() != null;
                boolean sliced = listSize.getArgument("slicingArguments").getValue() != null
                        && listSize.getArgument("maxSize").getValue() != null;
                if (!assumed && !sliced) {
                    unsized.add(coordinates + " has neither assumedSize nor slicingArguments with maxSize");
                }
            }
        }
        assertThat(unsized).as("list fields without a size for the query cost").isEmpty();
    }

    @Test
    void paginatedListsMultiplyByTheirPageCappedByTheirMaximum() {
        String page = "query($first: Int) { intakeQueue(first: $first) { edges { node { id category { code } } } } }";
        // edges × (edge 1 + node 1 + category 1)
        assertThat(cost(page, Map.of("first", 10))).isEqualTo(1 + 10 * 3);
        assertThat(cost(page, Map.of("first", 100_000))).isEqualTo(1 + 100 * 3);
        assertThat(cost("{ intakeQueue { edges { node { id } } } }", Map.of())).as("the default page, 50")
                .isEqualTo(1 + 50 * 2);
        String list = "query($first: Int) { complaints(first: $first, filter: {overdue: ANY}) { edges { node { id category { code } } } } }";
        assertThat(cost(list, Map.of("first", 100_000))).as("the list behind a number").isEqualTo(1 + 100 * 3);
    }

    @Test
    void cyclesInThePublicGraphMultiply() {
        String oneLevel = "{ kecamatanList { kelurahan { kecamatan { kelurahan { boundaryGeoJson } } } } }";
        String bomb = "{ a0: kecamatanList { kelurahan { kecamatan { kelurahan { kecamatan { kelurahan { kecamatan "
                + "{ kelurahan { kecamatan { boundaryGeoJson } } } } } } } } } }";
        System.out.println("HOSTILE cost one cycle " + cost(oneLevel, Map.of()) + ", list-bomb " + cost(bomb, Map.of())
                + ", anonymous budget " + anonymousBudget + ", signed-in budget " + signedInBudget);
        assertThat(cost(oneLevel, Map.of())).isGreaterThan(anonymousBudget);
        assertThat(cost(bomb, Map.of())).isGreaterThan(signedInBudget);
    }

    @Test
    void everyOperationOfOurClientsFitsTheBudgetOfItsCaller() throws IOException {
        // from the classpath, whether the graphql module is a folder (a module's tests) or a jar (verify)
        List<String> names = Stream.of(new PathMatchingResourcePatternResolver()
                        .getResources("classpath*:" + OperationDocuments.LOCATION + "*.graphql"))
                .map(resource -> Objects.requireNonNull(resource.getFilename()))
                .map(n -> n.substring(0, n.length() - ".graphql".length()))
                .sorted().toList();
        assertThat(names).contains("IntakeQueue", "ReferenceData", "CityMap");
        List<String> over = new ArrayList<>();
        StringBuilder table = new StringBuilder();
        for (String name : names) {
            Document document = Parser.parse(OperationDocuments.load(name));
            int cost = QueryCost.of(schema(), document, null, CoercedVariables.of(variables(document)));
            int budget = ANONYMOUS.contains(name) ? anonymousBudget : signedInBudget;
            table.append(' ').append(name).append('=').append(cost);
            if (cost > budget) {
                over.add(name + " costs " + cost + " > " + budget);
            }
        }
        System.out.println("HOSTILE cost of our operations (largest pages):" + table);
        assertThat(over).isEmpty();
    }
}
