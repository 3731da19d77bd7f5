package id.go.cilegon.juare.platform;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.GraphQLError;
import graphql.analysis.MaxQueryComplexityInstrumentation;
import graphql.analysis.MaxQueryDepthInstrumentation;
import graphql.execution.instrumentation.Instrumentation;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.UnExecutableSchemaGenerator;
import id.go.cilegon.juare.support.IntegrationTest;
import id.go.cilegon.juare.support.RawGraphQlWs;
import id.go.cilegon.juare.support.Staff;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.http.HttpHeaders;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 14, item 1: the introspection documents standard tools send, byte for byte (test resources
 * {@code introspection/*.graphql}: printed by graphql-js 16.15's {@code getIntrospectionQuery} with each tool's options,
 * and the one GraphiQL 3.2 sent from the browser),
 * succeed over HTTP and graphql-ws, with and without a token; the SDL is downloadable (item 2).
 */
class IntrospectionTest extends IntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** graphql-js 16's getIntrospectionQuery with the options each tool passes (depth 15 with its TypeRef nesting). */
    static final List<String> DOCUMENTS = List.of(
            "graphql-js-default",      // getIntrospectionQuery(): Apollo Client devtools, graphql-request users, Altair
            "graphiql-3.2-as-sent",    // what GraphiQL 3.2 at /graphiql sent (recorded by GraphiQlBrowserTest)
            "graphiql-3",              // GraphiQL 3 with inputValueDeprecation
            "graphiql-4-5",            // GraphiQL 4/5: inputValueDeprecation, schemaDescription
            "graphql-codegen",         // @graphql-tools/url-loader: descriptions, specifiedByUrl, directiveIsRepeatable, ...
            "graphql-js-all-options"); // every option graphql-js 16 knows, oneOf included

    static String document(String name) {
        try (InputStream in = IntrospectionTest.class.getResourceAsStream("/introspection/" + name + ".graphql")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("introspection/" + name + ".graphql", e);
        }
    }

    private Map<?, ?> post(String query, String token) {
        var request = api().http().post().uri("/graphql").header("Content-Type", "application/json");
        if (token != null) {
            request = request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
        }
        // the body GraphiQL sends: query and operationName
        return request.bodyValue(Map.of("query", query, "operationName", "IntrospectionQuery"))
                .exchange()
                .expectStatus().isOk()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
    }

    private static void assertSchema(String what, Map<?, ?> response) {
        assertThat(response.get("errors")).as(what + ": " + abbreviated(response)).isNull();
        Map<?, ?> schema = (Map<?, ?>) ((Map<?, ?>) response.get("data")).get("__schema");
        List<String> types = ((List<?>) schema.get("types")).stream()
                .map(type -> (String) ((Map<?, ?>) type).get("name")).toList();
        assertThat(types).as(what).contains("Query", "Mutation", "Subscription", "Complaint", "ErrorCode", "__Type");
        assertThat(((Map<?, ?>) schema.get("queryType")).get("name")).isEqualTo("Query");
    }

    private static String abbreviated(Object response) {
        String text = String.valueOf(response);
        return text.length() > 600 ? text.substring(0, 600) + "…" : text;
    }

    @Test
    void theToolsIntrospectionQueriesSucceedOverHttp() {
        String resident = api().newResident().token();
        String operator = new Staff(api()).create("OPERATOR", null).token();
        for (String name : DOCUMENTS) {
            String query = document(name);
            assertSchema(name + " without a token", post(query, null));
            assertSchema(name + " as a resident", post(query, resident));
            assertSchema(name + " as an operator", post(query, operator));
        }
    }

    @Test
    void theToolsIntrospectionQueriesSucceedOverWebSocket() throws Exception {
        String resident = api().newResident().token();
        for (String token : new String[] {null, resident}) {
            try (RawGraphQlWs ws = new RawGraphQlWs(port).acknowledged(token)) {
                for (String name : DOCUMENTS) {
                    ws.send(Map.of("id", name, "type", "subscribe", "payload",
                            Map.of("query", document(name), "operationName", "IntrospectionQuery", "variables", Map.of())));
                    Map<String, Object> next = ws.next(Duration.ofSeconds(20));
                    String what = name + " over graphql-ws " + (token == null ? "without" : "with") + " a token";
                    assertThat(next.get("type")).as(what + ": " + abbreviated(next)).isEqualTo("next");
                    assertThat(next.get("id")).isEqualTo(name);
                    assertSchema(what, (Map<?, ?>) next.get("payload"));
                    Map<String, Object> complete = ws.next(Duration.ofSeconds(20));
                    assertThat(complete).containsEntry("type", "complete").containsEntry("id", name);
                }
            }
        }
    }

    @Autowired
    GraphQlSource graphQlSource;

    @Autowired
    List<Instrumentation> instrumentations;

    /**
     * The cause of "maximum query depth exceeded 15 > 12": graphql-java's MaxQueryDepthInstrumentation(12), the
     * engine's depth limit until the cost budget replaced it (commit 4aa1e68, docs/adr/0011), counts introspection
     * fields like any others, and graphql-js 16 nests TypeRef's ofType eight levels deep. It must not come back.
     */
    @Test
    void theOldDepthLimitWasTheCauseAndIsGone() {
        GraphQL old = GraphQL.newGraphQL(graphQlSource.schema())
                .instrumentation(new MaxQueryDepthInstrumentation(12)).build();
        for (String name : DOCUMENTS) {
            ExecutionResult result = old.execute(ExecutionInput.newExecutionInput(document(name))
                    .operationName("IntrospectionQuery").build());
            assertThat(result.getErrors()).as(name).singleElement()
                    .extracting(GraphQLError::getMessage).isEqualTo("maximum query depth exceeded 15 > 12");
        }
        assertThat(instrumentations).as("no graphql-java limit that counts introspection fields")
                .noneMatch(i -> i instanceof MaxQueryDepthInstrumentation || i instanceof MaxQueryComplexityInstrumentation);
    }

    @Test
    void badFaithIntrospectionIsStillRefusedWithACode() {
        // graphql-java's good-faith rule: one __schema, no cycle through __Type.fields, at most 500 fields, depth 20
        List<String> attacks = List.of(
                "query IntrospectionQuery { __schema { types { fields { type { fields { type { fields { name } } } } } } } }",
                "query IntrospectionQuery { a: __schema { queryType { name } } b: __schema { queryType { name } } }",
                "query IntrospectionQuery { __type(name: \"Query\") { " + "ofType { ".repeat(25) + "name"
                        + " }".repeat(25) + " } }");
        for (String attack : attacks) {
            Map<?, ?> response = post(attack, null);
            List<?> errors = (List<?>) response.get("errors");
            assertThat(errors).as(abbreviated(response)).isNotEmpty();
            assertThat(((Map<?, ?>) ((Map<?, ?>) errors.getFirst()).get("extensions")).get("code"))
                    .as(abbreviated(response)).isEqualTo("QUERY_TOO_COMPLEX");
        }
    }

    /**
     * Apollo Kotlin's downloadApolloSchema first probes the server's introspection features with one request of several
     * aliased {@code __type} lookups (this shape). graphql-java's good-faith rule allows one {@code __type} per request,
     * so the probe is refused; Apollo Kotlin then falls back by itself to its plain introspection query (a TypeRef
     * nesting like graphql-js's, depth at most 15, as above), which answers the whole schema: it loses only the
     * features the probe detects (specifiedByURL, isOneOf, deprecated arguments), none of which this schema uses.
     */
    @Test
    void apolloKotlinsFeatureProbeIsRefusedWithACodeSoItFallsBack() {
        StringBuilder probe = new StringBuilder("query PreIntrospectionQuery {");
        for (String type : List.of("__Schema", "__Type", "__Directive", "__Field", "__InputValue")) {
            probe.append(" t").append(type).append(": __type(name: \"").append(type).append("\") { fields { name args { name } } }");
        }
        Map<?, ?> response = api().http().post().uri("/graphql").header("Content-Type", "application/json")
                .bodyValue(Map.of("query", probe.append(" }").toString(), "operationName", "PreIntrospectionQuery"))
                .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        assertThat(response.get("data")).isNull();
        List<?> errors = (List<?>) response.get("errors");
        assertThat(((Map<?, ?>) ((Map<?, ?>) errors.getFirst()).get("extensions")).get("code")).isEqualTo("QUERY_TOO_COMPLEX");
    }

    @Test
    void theSchemaIsDownloadableAsSdl() {
        String sdl = api().http().get().uri("/graphql/schema").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(sdl).contains("type Query", "type Complaint", "enum ErrorCode", "scalar DateTime",
                "directive @cost", "submitComplaint");
        assertThat(sdl).doesNotContain("__Type");
        // what a code generator reads is a complete schema (its scalars and directives defined), the one that runs
        GraphQLSchema printed = UnExecutableSchemaGenerator.makeUnExecutableSchema(new SchemaParser().parse(sdl));
        List<String> live = graphQlSource.schema().getAllTypesAsList().stream().map(GraphQLNamedType::getName).sorted().toList();
        assertThat(printed.getAllTypesAsList().stream().map(GraphQLNamedType::getName).sorted().toList()).isEqualTo(live);
        assertThat(printed.getDirective("listSize")).isNotNull();
        System.out.println("SDL /graphql/schema: " + sdl.length() + " characters, " + live.size() + " types");
    }

    @Test
    void disabledIntrospectionAnswersItsOwnCode() {
        // spring.graphql.schema.introspection.enabled=false switches graphql-java's introspection off JVM-wide: the
        // same switch here, for one request (test classes run one at a time)
        boolean before = graphql.introspection.Introspection.enabledJvmWide(false);
        try {
            Map<?, ?> response = post(document("graphql-js-default"), null);
            List<?> errors = (List<?>) response.get("errors");
            assertThat(errors).as(abbreviated(response)).hasSize(1);
            Map<?, ?> error = (Map<?, ?>) errors.getFirst();
            assertThat(((Map<?, ?>) error.get("extensions")).get("code")).isEqualTo("INTROSPECTION_DISABLED");
            assertThat((String) error.get("message")).containsAnyOf("Introspection is disabled", "Introspeksi dimatikan");
            // ordinary queries are untouched
            assertThat(post("query IntrospectionQuery { categories { code } }", null).get("errors")).isNull();
        } finally {
            graphql.introspection.Introspection.enabledJvmWide(before);
        }
    }

    @Test
    void graphiQlIsOffByDefault() {
        api().http().get().uri("/graphiql").exchange().expectStatus().isNotFound();
        api().http().get().uri("/graphiql/graphiql.min.js").exchange().expectStatus().isNotFound();
    }
}
