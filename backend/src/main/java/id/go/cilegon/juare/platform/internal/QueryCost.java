package id.go.cilegon.juare.platform.internal;

import graphql.analysis.FieldComplexityCalculator;
import graphql.analysis.FieldComplexityEnvironment;
import graphql.analysis.QueryComplexityCalculator;
import graphql.execution.CoercedVariables;
import graphql.language.Document;
import graphql.schema.GraphQLAppliedDirective;
import graphql.schema.GraphQLAppliedDirectiveArgument;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import java.util.List;
import java.util.Map;

/**
 * The cost of an operation from the schema's {@code @cost} and {@code @listSize} directives (schema file
 * cost.graphqls; docs/adr/0011): a field costs its weight (default 1 for an object, 0 for a scalar or an enum) plus
 * what is selected under it, and a list field multiplies that by its size, so nested lists multiply. Computed by
 * graphql-java's {@link QueryComplexityCalculator} with this as its {@link FieldComplexityCalculator}.
 * Introspection ({@code __schema}, {@code __type}) costs nothing here: graphql-java's good-faith introspection
 * check limits it.
 */
final class QueryCost implements FieldComplexityCalculator {

    static final String COST = "cost";
    static final String LIST_SIZE = "listSize";

    /**
     * One field's cost is capped here, so that graphql-java's int sums cannot overflow: a document has at most
     * 15,000 tokens (graphql-java's parser limit), 15,000 × 100,000 stays below 2^31. Far above any budget.
     */
    static final int FIELD_COST_CAP = 100_000;

    /** A payload's {@code errors: [UserError!]!} needs no {@code @listSize}: it holds a few at most. */
    static final String USER_ERROR = "UserError";
    static final int PAYLOAD_ERRORS = 5;

    static final QueryCost INSTANCE = new QueryCost();

    private QueryCost() {
    }

    /** The cost of the operation (the only one, or the named one) with the variables given. */
    static int of(GraphQLSchema schema, Document document, String operationName, CoercedVariables variables) {
        return QueryComplexityCalculator.newCalculator()
                .fieldComplexityCalculator(INSTANCE)
                .schema(schema)
                .document(document)
                .operationName(operationName)
                .variables(variables)
                .build()
                .calculate();
    }

    @Override
    public int calculate(FieldComplexityEnvironment env, int childComplexity) {
        GraphQLFieldDefinition field = env.getFieldDefinition();
        if (isIntrospection(env)) {
            return 0;
        }
        long each = weight(field) + (long) childComplexity;
        long total = each * size(env);
        return (int) Math.min(FIELD_COST_CAP, Math.max(0, total));
    }

    private static boolean isIntrospection(FieldComplexityEnvironment env) {
        for (FieldComplexityEnvironment e = env; e != null; e = e.getParentEnvironment()) {
            String name = e.getFieldDefinition().getName();
            if (name.equals("__schema") || name.equals("__type") || e.getParentType().getName().startsWith("__")) {
                return true;
            }
        }
        return false;
    }

    /** The field's own weight: its {@code @cost}, else 1 for an object and 0 for a scalar or an enum. */
    static int weight(GraphQLFieldDefinition field) {
        GraphQLAppliedDirective cost = field.getAppliedDirective(COST);
        if (cost != null) {
            return cost.getArgument("weight").getValue();
        }
        GraphQLType type = GraphQLTypeUtil.unwrapAll(field.getType());
        return GraphQLTypeUtil.isLeaf(type) ? 0 : 1;
    }

    /** How many times what is under the field is resolved: 1 unless it is a list. */
    static long size(FieldComplexityEnvironment env) {
        GraphQLFieldDefinition field = env.getFieldDefinition();
        if (!GraphQLTypeUtil.isList(GraphQLTypeUtil.unwrapNonNull(field.getType()))) {
            return 1;
        }
        // a connection's edges: sized by the page argument of the field that returned the connection
        FieldComplexityEnvironment parent = env.getParentEnvironment();
        if (parent != null) {
            GraphQLAppliedDirective parentSize = parent.getFieldDefinition().getAppliedDirective(LIST_SIZE);
            if (parentSize != null && stringList(parentSize, "sizedFields").contains(field.getName())) {
                Long sliced = sliced(parentSize, parent.getArguments());
                if (sliced != null) {
                    return sliced;
                }
            }
        }
        GraphQLAppliedDirective listSize = field.getAppliedDirective(LIST_SIZE);
        if (listSize == null) {
            // a payload's errors are few by construction; every other list declares its size (QueryCostTest)
            return isPayloadErrors(field) ? PAYLOAD_ERRORS : 100;
        }
        if (stringList(listSize, "sizedFields").isEmpty()) {
            Long sliced = sliced(listSize, env.getArguments());
            if (sliced != null) {
                return sliced;
            }
        }
        Integer assumed = intArgument(listSize, "assumedSize");
        return assumed != null ? assumed : 100;
    }

    static boolean isPayloadErrors(GraphQLFieldDefinition field) {
        return GraphQLTypeUtil.unwrapAll(field.getType()).getName().equals(USER_ERROR);
    }

    /** The page size asked for: the largest slicing argument (its default when absent), at most maxSize. */
    private static Long sliced(GraphQLAppliedDirective listSize, Map<String, Object> arguments) {
        List<String> slicing = stringList(listSize, "slicingArguments");
        if (slicing.isEmpty()) {
            return null;
        }
        Integer max = intArgument(listSize, "maxSize");
        long size = -1;
        for (String name : slicing) {
            if (arguments.get(name) instanceof Number n) {
                size = Math.max(size, n.longValue());
            }
        }
        if (size < 0) {
            // absent or null: the field answers its largest page at most
            return max != null ? (long) max : null;
        }
        return max != null ? Math.min(size, max) : size;
    }

    private static Integer intArgument(GraphQLAppliedDirective directive, String name) {
        GraphQLAppliedDirectiveArgument argument = directive.getArgument(name);
        return argument == null ? null : argument.getValue();
    }

    private static List<String> stringList(GraphQLAppliedDirective directive, String name) {
        GraphQLAppliedDirectiveArgument argument = directive.getArgument(name);
        if (argument == null) {
            return List.of();
        }
        List<String> value = argument.getValue();
        return value == null ? List.of() : value;
    }
}
