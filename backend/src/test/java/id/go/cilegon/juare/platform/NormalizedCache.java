package id.go.cilegon.juare.platform;

import graphql.language.AstPrinter;
import graphql.language.Definition;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.language.Value;
import graphql.language.VariableReference;
import graphql.parser.Parser;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import graphql.language.ArrayValue;
import graphql.language.BooleanValue;
import graphql.language.EnumValue;
import graphql.language.FloatValue;
import graphql.language.IntValue;
import graphql.language.NullValue;
import graphql.language.ObjectValue;
import graphql.language.StringValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * A faithful model of Apollo Client's InMemoryCache with its defaults (no type policies): documents get
 * {@code __typename} on every selection set below the root (addTypename); an object with {@code __typename} and
 * {@code id} is stored once as the entity {@code Typename:id} and its fields merge with what is already stored (a
 * later query adds fields, overwrites the same field); any other object is stored inside the field that holds it and
 * a later write of that field replaces it whole (Apollo warns "cache data may be lost"); root and entity fields are
 * stored under the field name plus its arguments as JSON ({@code myComplaints({"first":20})}); reading a query back
 * walks the same selections from ROOT_QUERY and fails on any field that is not stored (readQuery answers null).
 */
final class NormalizedCache {

    static final String ROOT_QUERY = "ROOT_QUERY";

    /** A stored reference to an entity. */
    record Ref(String key) {
    }

    /** A document as the cache's client sends it: parsed, with __typename (and key fields) added. */
    record Prepared(Document document, String text) {
    }

    private final Map<String, Map<String, Object>> store = new LinkedHashMap<>();

    NormalizedCache() {
        store.put(ROOT_QUERY, new LinkedHashMap<>());
    }

    Map<String, Map<String, Object>> entities() {
        return store;
    }

    // ---------- the document ----------

    /**
     * The document with {@code __typename} on every object selection below the root, as Apollo's addTypename does,
     * and with the cache key field {@code id} selected on every type {@code keyed} accepts (as Apollo Kotlin adds
     * declared key fields, and as our guide asks app developers to do); {@code id} is removed where {@code keyed}
     * refuses the type, to model a schema without it.
     */
    static Prepared prepare(GraphQLSchema schema, String text, Predicate<GraphQLObjectType> keyed) {
        Document document = Parser.parse(text);
        List<Definition> definitions = new ArrayList<>();
        for (Definition<?> definition : document.getDefinitions()) {
            if (definition instanceof OperationDefinition operation) {
                GraphQLObjectType root = switch (operation.getOperation()) {
                    case QUERY -> schema.getQueryType();
                    case MUTATION -> schema.getMutationType();
                    case SUBSCRIPTION -> schema.getSubscriptionType();
                };
                definitions.add(operation.transform(b -> b.selectionSet(
                        prepare(schema, operation.getSelectionSet(), root, true, keyed))));
            } else if (definition instanceof FragmentDefinition fragment) {
                GraphQLObjectType on = (GraphQLObjectType) schema.getType(fragment.getTypeCondition().getName());
                definitions.add(fragment.transform(b -> b.selectionSet(
                        prepare(schema, fragment.getSelectionSet(), on, false, keyed))));
            } else {
                definitions.add(definition);
            }
        }
        Document prepared = document.transform(b -> b.definitions(definitions));
        return new Prepared(prepared, AstPrinter.printAst(prepared));
    }

    private static SelectionSet prepare(GraphQLSchema schema, SelectionSet set, GraphQLObjectType type, boolean root,
                                        Predicate<GraphQLObjectType> keyed) {
        List<Selection> selections = new ArrayList<>();
        boolean hasTypename = false;
        boolean hasId = false;
        boolean keyedType = type.getFieldDefinition("id") != null && keyed.test(type);
        for (Selection<?> selection : set.getSelections()) {
            if (selection instanceof Field field) {
                if (field.getName().equals("id") && field.getAlias() == null) {
                    if (!keyedType && type.getFieldDefinition("id") != null) {
                        continue; // the schema without ids for this type
                    }
                    hasId = true;
                }
                hasTypename |= field.getName().equals("__typename") && field.getAlias() == null;
                if (field.getSelectionSet() != null && !field.getName().startsWith("__")) {
                    GraphQLFieldDefinition definition = type.getFieldDefinition(field.getName());
                    GraphQLType fieldType = GraphQLTypeUtil.unwrapAll(definition.getType());
                    SelectionSet sub = prepare(schema, field.getSelectionSet(), (GraphQLObjectType) fieldType, false, keyed);
                    selections.add(field.transform(b -> b.selectionSet(sub)));
                } else {
                    selections.add(field);
                }
            } else if (selection instanceof InlineFragment inline) {
                GraphQLObjectType on = inline.getTypeCondition() == null ? type
                        : (GraphQLObjectType) schema.getType(inline.getTypeCondition().getName());
                selections.add(inline.transform(b -> b.selectionSet(prepare(schema, inline.getSelectionSet(), on, false, keyed))));
            } else {
                selections.add(selection);
            }
        }
        if (!root && !hasTypename) {
            selections.add(new Field("__typename"));
        }
        if (!root && keyedType && !hasId) {
            selections.add(new Field("id"));
        }
        return set.transform(b -> b.selections(selections));
    }

    // ---------- writing a response ----------

    /** Stores a query's data, as client.writeQuery (or a network answer) does. */
    void write(Prepared query, Map<String, Object> variables, Map<String, Object> data) {
        Context context = new Context(query.document(), variables);
        writeSelections(store.get(ROOT_QUERY), List.of(operation(query.document()).getSelectionSet()), data, context);
    }

    private void writeSelections(Map<String, Object> target, List<SelectionSet> sets, Map<String, Object> data,
                                 Context context) {
        Object typename = data.get("__typename");
        for (Map.Entry<String, List<Field>> entry : collect(sets, typename, context).entrySet()) {
            Field field = entry.getValue().getFirst();
            if (!data.containsKey(entry.getKey())) {
                throw new IllegalStateException("the response lacks " + entry.getKey());
            }
            target.put(storeFieldName(field, context), writeValue(data.get(entry.getKey()), subSelections(entry.getValue()), context));
        }
    }

    @SuppressWarnings("unchecked")
    private Object writeValue(Object value, List<SelectionSet> sub, Context context) {
        if (value == null || sub.isEmpty()) {
            return value;
        }
        if (value instanceof List<?> list) {
            List<Object> stored = new ArrayList<>();
            for (Object item : list) {
                stored.add(writeValue(item, sub, context));
            }
            return stored;
        }
        Map<String, Object> object = (Map<String, Object>) value;
        String key = dataId(object);
        if (key != null) {
            // an entity: its fields merge with what is stored
            writeSelections(store.computeIfAbsent(key, k -> new LinkedHashMap<>()), sub, object, context);
            return new Ref(key);
        }
        // not normalized: the field holding it is replaced whole
        Map<String, Object> embedded = new LinkedHashMap<>();
        writeSelections(embedded, sub, object, context);
        return embedded;
    }

    /** Apollo's default dataIdFromObject: __typename:id, or none. */
    static String dataId(Map<String, Object> object) {
        Object typename = object.get("__typename");
        Object id = object.get("id");
        return typename == null || id == null ? null : typename + ":" + id;
    }

    // ---------- reading a query back ----------

    /** What client.readQuery would answer: the data, or null with the paths it lacks in missing. */
    Map<String, Object> read(Prepared query, Map<String, Object> variables, List<String> missing) {
        Context context = new Context(query.document(), variables);
        Map<String, Object> data = readSelections(store.get(ROOT_QUERY), List.of(operation(query.document()).getSelectionSet()),
                context, "", missing);
        return missing.isEmpty() ? data : null;
    }

    private Map<String, Object> readSelections(Map<String, Object> source, List<SelectionSet> sets, Context context,
                                               String path, List<String> missing) {
        Map<String, Object> result = new LinkedHashMap<>();
        for (Map.Entry<String, List<Field>> entry : collect(sets, source.get("__typename"), context).entrySet()) {
            String name = storeFieldName(entry.getValue().getFirst(), context);
            String here = path.isEmpty() ? entry.getKey() : path + "." + entry.getKey();
            if (!source.containsKey(name)) {
                missing.add(here);
                continue;
            }
            result.put(entry.getKey(), readValue(source.get(name), subSelections(entry.getValue()), context, here, missing));
        }
        return result;
    }

    @SuppressWarnings("unchecked")
    private Object readValue(Object stored, List<SelectionSet> sub, Context context, String path, List<String> missing) {
        if (stored == null) {
            return null;
        }
        if (stored instanceof List<?> list) {
            List<Object> values = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                values.add(readValue(list.get(i), sub, context, path + "[" + i + "]", missing));
            }
            return values;
        }
        if (stored instanceof Ref ref) {
            Map<String, Object> entity = store.get(ref.key());
            if (entity == null) {
                missing.add(path + " (" + ref.key() + ")");
                return null;
            }
            return readSelections(entity, sub, context, path, missing);
        }
        if (stored instanceof Map<?, ?> embedded) {
            return readSelections((Map<String, Object>) embedded, sub, context, path, missing);
        }
        return stored;
    }

    // ---------- shared: fields, fragments, arguments ----------

    private record Context(Document document, Map<String, Object> variables) {
    }

    private static OperationDefinition operation(Document document) {
        return document.getDefinitionsOfType(OperationDefinition.class).getFirst();
    }

    /** The fields of selection sets by response key, through fragments whose type condition matches. */
    private static Map<String, List<Field>> collect(List<SelectionSet> sets, Object typename, Context context) {
        Map<String, List<Field>> fields = new LinkedHashMap<>();
        for (SelectionSet set : sets) {
            collect(set, typename, context, fields);
        }
        return fields;
    }

    private static void collect(SelectionSet set, Object typename, Context context, Map<String, List<Field>> fields) {
        for (Selection<?> selection : set.getSelections()) {
            if (selection instanceof Field field) {
                fields.computeIfAbsent(field.getResultKey(), k -> new ArrayList<>()).add(field);
            } else if (selection instanceof InlineFragment inline) {
                if (inline.getTypeCondition() == null || typename == null || inline.getTypeCondition().getName().equals(typename)) {
                    collect(inline.getSelectionSet(), typename, context, fields);
                }
            } else if (selection instanceof FragmentSpread spread) {
                FragmentDefinition fragment = context.document().getDefinitionsOfType(FragmentDefinition.class).stream()
                        .filter(f -> f.getName().equals(spread.getName())).findFirst().orElseThrow();
                if (typename == null || fragment.getTypeCondition().getName().equals(typename)) {
                    collect(fragment.getSelectionSet(), typename, context, fields);
                }
            }
        }
    }

    private static List<SelectionSet> subSelections(List<Field> fields) {
        return fields.stream().map(Field::getSelectionSet).filter(s -> s != null).toList();
    }

    /** Apollo's storeFieldName: the name, and the arguments given (sorted, variables resolved) as JSON. */
    static String storeFieldName(Field field, Context context) {
        if (field.getArguments().isEmpty()) {
            return field.getName();
        }
        Map<String, Object> arguments = new TreeMap<>();
        field.getArguments().forEach(argument -> {
            Object value = value(argument.getValue(), context.variables());
            if (!(argument.getValue() instanceof VariableReference reference) || context.variables().containsKey(reference.getName())) {
                arguments.put(argument.getName(), value);
            }
        });
        return arguments.isEmpty() ? field.getName() : field.getName() + "(" + json(arguments) + ")";
    }

    private static Object value(Value<?> value, Map<String, Object> variables) {
        return switch (value) {
            case VariableReference reference -> variables.get(reference.getName());
            case StringValue string -> string.getValue();
            case IntValue integer -> integer.getValue();
            case FloatValue decimal -> decimal.getValue();
            case BooleanValue bool -> bool.isValue();
            case EnumValue enumValue -> enumValue.getName();
            case NullValue ignored -> null;
            case ArrayValue array -> array.getValues().stream().map(v -> value(v, variables)).toList();
            case ObjectValue object -> {
                Map<String, Object> fields = new TreeMap<>();
                object.getObjectFields().forEach(f -> fields.put(f.getName(), value(f.getValue(), variables)));
                yield fields;
            }
            default -> value.toString();
        };
    }

    @SuppressWarnings("unchecked")
    private static String json(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof Map<?, ?> map) {
            return new TreeMap<>((Map<String, Object>) map).entrySet().stream()
                    .map(e -> "\"" + e.getKey() + "\":" + json(e.getValue()))
                    .collect(Collectors.joining(",", "{", "}"));
        }
        if (value instanceof List<?> list) {
            return list.stream().map(NormalizedCache::json).collect(Collectors.joining(",", "[", "]"));
        }
        if (value instanceof String string) {
            return "\"" + string.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
        }
        return value.toString();
    }

    /** Types whose entities are stored, for the figures. */
    Map<String, Integer> entityCounts() {
        Map<String, Integer> counts = new TreeMap<>();
        for (String key : store.keySet()) {
            if (!key.equals(ROOT_QUERY)) {
                counts.merge(key.substring(0, key.indexOf(':')), 1, Integer::sum);
            }
        }
        return counts;
    }
}
