package id.go.cilegon.juare.platform;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLTypeUtil;
import id.go.cilegon.juare.graphql.OperationDocuments;
import id.go.cilegon.juare.support.AccessScenario;
import id.go.cilegon.juare.support.AccessScenario.Who;
import id.go.cilegon.juare.support.IntegrationTest;
import id.go.cilegon.juare.support.NodeProject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.GraphQlSource;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Cache identity (docs/adr/0028): the app's main queries, run in sequence through a model of Apollo Client's
 * normalized InMemoryCache ({@link NormalizedCache}), read back exactly as the server answered them: no field
 * overwritten, no entity missing. The same sequence without the ids of Category, Opd, Kecamatan, Kelurahan and City
 * (the schema before) does not: that is what the ids are for. And every object type is either an entity with an id
 * or a value object listed here, embedded in one.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NormalizedCacheTest extends IntegrationTest {

    /** The types that had no id before: the same code as their new id. */
    static final Set<String> NEWLY_KEYED = Set.of("Category", "Opd", "Kecamatan", "Kelurahan", "City");

    /**
     * Object types without an id: values stored inside the entity or root field that holds them (Apollo keeps them
     * there, no type policy needed). Each is either always asked with the same fields where it appears, or lives
     * under a root field whose arguments identify it. Payloads (*Payload), connections (*Connection, *Edge) and the
     * root types are values by rule.
     */
    static final Set<String> VALUE_OBJECTS = Set.of(
            "GeoPoint", "Area", "UserError", "AuthSession", "KtpUpload", "PageInfo",
            "ComplaintReference", "Reporter", "FixVerification",
            "StatusCount", "GroupCount", "ComplaintCounts", "ComplaintMap", "MapCluster", "MapMarker",
            "CommandCentre", "ShiftWindow", "ShiftIntake",
            "Period", "ScorePart", "RankingDefinition", "OpdFigures", "OpdRankingRow", "OpdRanking", "OpdScorecard",
            "ScorecardDay", "ScorecardComplaint", "TemplateReplies", "TransferRequests",
            "DailyReportFigures", "DailyReportOverdueComplaint", "DailyReportOpd");

    /** Fields the server itself answers differently from one request to the next: the latest answer wins. */
    static final Set<String> VOLATILE = Set.of("replySecondsLeft", "fixSecondsLeft", "url", "thumbnailUrl",
            "ktpPhotoUrl", "ktpThumbnailUrl");

    /** The resident app's typical reads, beside the dashboard's documents (written as an app developer would). */
    static final String APP_CATEGORIES = """
            query AppCategories { categories { id code nameId nameEn fixHours active defaultOpd { id code name } } }""";
    static final String APP_COMPLAINT = """
            query AppComplaint($id: ID!) {
              complaint(id: $id) {
                id trackingNumber status title description addressText confidential createdAt updatedAt
                location { lat lng }
                category { id code nameEn fixHours replyHours }
                kecamatan { id code name }
                kelurahan { id code name centroid { lat lng } }
                opd { id code name kind }
                photos { id kind width height url }
                timeline { id type status at actor actorName message }
              }
            }""";
    static final String APP_AREAS = """
            query AppAreas { kecamatanList { id code name kelurahan { id code name centroid { lat lng } } } }""";
    static final String APP_KELURAHAN = """
            query AppKelurahan($kecamatanCode: String) {
              kelurahanList(kecamatanCode: $kecamatanCode) { id code name kecamatan { id code name } }
            }""";

    static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    GraphQlSource graphQlSource;

    AccessScenario scenario;

    @BeforeAll
    void scenario() {
        scenario = AccessScenario.create(api());
    }

    record Step(String name, String document, Map<String, Object> variables) {
    }

    private Map<Who, List<Step>> sequences() {
        String c1 = scenario.id("C1");
        String z = scenario.id("Z");
        Map<Who, List<Step>> sequences = new LinkedHashMap<>();
        sequences.put(Who.OWNER, List.of(
                doc("ReferenceData", Map.of()),
                new Step("AppCategories", APP_CATEGORIES, Map.of()),
                doc("MyComplaints", Map.of("first", 20)),
                doc("ComplaintDetail", Map.of("id", c1)),
                new Step("AppComplaint", APP_COMPLAINT, Map.of("id", c1)),
                new Step("AppComplaint", APP_COMPLAINT, Map.of("id", z)),
                new Step("AppAreas", APP_AREAS, Map.of()),
                new Step("AppKelurahan", APP_KELURAHAN, Map.of("kecamatanCode", "36.72.01")),
                doc("CityMap", Map.of()),
                doc("Me", Map.of())));
        sequences.put(Who.OPERATOR, List.of(
                doc("ReferenceData", Map.of()),
                doc("MyStaffAccount", Map.of()),
                doc("IntakeQueue", Map.of("first", 50)),
                doc("TransferQueue", Map.of("first", 50)),
                doc("StaffComplaintDetail", Map.of("id", c1)),
                doc("ComplaintList", Map.of("filter", Map.of("opdCodes", List.of("DPUPR")), "first", 50)),
                doc("OpdQueue", Map.of("opdCode", "DPUPR", "first", 50)),
                doc("VerificationQueue", Map.of("first", 20)),
                doc("CommandCentre", Map.of()),
                doc("KelurahanMap", Map.of()),
                doc("CityMap", Map.of())));
        sequences.put(Who.OPD, List.of(
                doc("ReferenceData", Map.of()),
                doc("OpdQueue", Map.of("first", 50)),
                doc("StaffComplaintDetail", Map.of("id", c1)),
                doc("StaffComplaintDetail", Map.of("id", z)),
                new Step("AppComplaint", APP_COMPLAINT, Map.of("id", z)),
                doc("MyStaffAccount", Map.of())));
        sequences.put(Who.MAYOR, List.of(
                doc("ReferenceData", Map.of()),
                doc("OpdRanking", Map.of("period", Map.of("kind", "LAST_7_DAYS"))),
                doc("OpdScorecard", Map.of("opdCode", "DPUPR", "period", Map.of("kind", "LAST_7_DAYS"))),
                doc("ComplaintList", Map.of("filter", Map.of("opdCodes", List.of("DPUPR")), "first", 50))));
        return sequences;
    }

    private static Step doc(String name, Map<String, Object> variables) {
        return new Step(name, OperationDocuments.load(name), variables);
    }

    @Test
    void theAppsQueriesReadBackFromANormalizedCacheAsTheServerAnsweredThem() {
        Map<String, List<String>> failures = roundTrip(type -> true);
        assertThat(failures).as("queries whose read-back from the cache differs from the server's answer").isEmpty();
    }

    @Test
    void withoutTheNewIdsTheSameQueriesWouldNotReadBack() {
        Map<String, List<String>> failures = roundTrip(type -> !NEWLY_KEYED.contains(type.getName()));
        System.out.println("Without the ids of " + NEWLY_KEYED + ", these read back wrong: " + failures);
        // the issue's case: a later query overwrote the category, kecamatan or kelurahan a complaint query had read
        assertThat(failures.keySet()).anyMatch(step -> step.startsWith("OWNER ComplaintDetail")
                || step.startsWith("OWNER MyComplaints"));
        // and the reference lists, replaced whole by the next query that asks the same root field differently
        assertThat(failures.keySet()).anyMatch(step -> step.startsWith("OPERATOR ReferenceData"));
    }

    /** Runs every caller's sequence through a cache of its own; the steps that do not read back, with why. */
    private Map<String, List<String>> roundTrip(Predicate<GraphQLObjectType> keyed) {
        GraphQLSchema schema = graphQlSource.schema();
        Map<String, List<String>> failures = new LinkedHashMap<>();
        Map<String, Integer> entities = new java.util.TreeMap<>();
        sequences().forEach((who, steps) -> {
            NormalizedCache cache = new NormalizedCache();
            List<Map<String, Object>> answers = new ArrayList<>();
            List<NormalizedCache.Prepared> prepared = new ArrayList<>();
            for (Step step : steps) {
                NormalizedCache.Prepared query = NormalizedCache.prepare(schema, step.document(), keyed);
                Map<String, Object> response = scenario.post(who, query.text(), step.variables());
                assertThat(response.get("errors")).as(who + " " + step.name()).isNull();
                @SuppressWarnings("unchecked")
                Map<String, Object> data = (Map<String, Object>) response.get("data");
                cache.write(query, step.variables(), data);
                answers.add(data);
                prepared.add(query);
            }
            for (int i = 0; i < steps.size(); i++) {
                List<String> problems = new ArrayList<>();
                Map<String, Object> read = cache.read(prepared.get(i), steps.get(i).variables(), problems);
                if (read != null) {
                    compare(answers.get(i), read, "", problems);
                }
                if (!problems.isEmpty()) {
                    failures.put(who + " " + steps.get(i).name() + " #" + i,
                            problems.subList(0, Math.min(5, problems.size())));
                }
            }
            cache.entityCounts().forEach((type, n) -> entities.merge(type, n, Integer::sum));
        });
        System.out.println("Normalized entities stored " + entities);
        return failures;
    }

    /** The read-back against the server's answer; a VOLATILE field only needs to be there, as a value or null alike. */
    @SuppressWarnings("unchecked")
    private static void compare(Object expected, Object actual, String path, List<String> problems) {
        if (expected instanceof Map<?, ?> map && actual instanceof Map<?, ?> read) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                String key = (String) entry.getKey();
                String here = path.isEmpty() ? key : path + "." + key;
                if (!read.containsKey(key)) {
                    problems.add(here + " missing");
                } else if (VOLATILE.contains(key)) {
                    if ((entry.getValue() == null) != (read.get(key) == null)) {
                        problems.add(here + " null in one only");
                    }
                } else {
                    compare(entry.getValue(), read.get(key), here, problems);
                }
            }
        } else if (expected instanceof List<?> list && actual instanceof List<?> read && list.size() == read.size()) {
            for (int i = 0; i < list.size(); i++) {
                compare(list.get(i), read.get(i), path + "[" + i + "]", problems);
            }
        } else if (!Objects.equals(expected, actual)) {
            problems.add(path + ": server " + expected + ", cache " + actual);
        }
    }

    /**
     * The same sequences through real Apollo Client 4 (@apollo/client 4.3.7 with graphql 16 on Node,
     * src/test/apollo-client, installed with npm ci into target/): with the ids every query reads back as the server
     * answered it, and without them Apollo fails on exactly the steps the model fails on, so the model is faithful.
     * Needs node and npm (scripts/setup.sh; the registry on the first run).
     */
    @Test
    void realApolloClient4ReadsTheSameQueriesBackAndFailsWhereTheModelFails() throws Exception {
        apollo = NodeProject.install("apollo-client", "@apollo/client");
        Predicate<GraphQLObjectType> all = type -> true;
        Predicate<GraphQLObjectType> withoutNewIds = type -> !NEWLY_KEYED.contains(type.getName());
        assertThat(apollo(all)).as("Apollo Client 4: queries whose readQuery differs from the server's answer")
                .isEmpty();
        Map<String, List<String>> apolloWithout = apollo(withoutNewIds);
        System.out.println("Apollo Client 4 without the ids of " + NEWLY_KEYED + ": " + apolloWithout);
        assertThat(apolloWithout.keySet()).isNotEmpty().isEqualTo(roundTrip(withoutNewIds).keySet());
    }

    private Map<String, List<String>> apollo(Predicate<GraphQLObjectType> keyed) throws Exception {
        GraphQLSchema schema = graphQlSource.schema();
        List<Map<String, Object>> callers = new ArrayList<>();
        sequences().forEach((who, steps) -> callers.add(Map.of(
                "name", who.name(),
                "token", scenario.tokens.get(who),
                "steps", steps.stream().map(step -> Map.of(
                        "name", step.name(),
                        // Apollo adds __typename itself (already there does no harm); the ids are the app's, as in the model
                        "query", NormalizedCache.prepare(schema, step.document(), keyed).text(),
                        "variables", step.variables())).toList())));
        byte[] input = JSON.writeValueAsBytes(Map.of("url", "http://localhost:" + port + "/graphql", "callers", callers));
        NodeProject.Result result = apollo.run(180, input, "node", "cache-round-trip.mjs");
        assertThat(result.exitCode()).as(result.output()).isZero();
        Map<String, Object> output = JSON.readValue(result.output(), new TypeReference<Map<String, Object>>() {
        });
        Map<String, List<String>> failures = new LinkedHashMap<>();
        Map<String, Integer> index = new LinkedHashMap<>();
        for (Object item : (List<?>) output.get("results")) {
            Map<?, ?> answer = (Map<?, ?>) item;
            String who = (String) answer.get("caller");
            int i = index.merge(who, 1, Integer::sum) - 1;
            assertThat(answer.get("errors")).as(who + " " + answer.get("name")).isNull();
            List<String> problems = new ArrayList<>();
            if (answer.get("cached") == null) {
                problems.add("readQuery answered null");
            } else {
                compare(answer.get("server"), answer.get("cached"), "", problems);
            }
            if (!problems.isEmpty()) {
                failures.put(who + " " + answer.get("name") + " #" + i, problems.subList(0, Math.min(5, problems.size())));
            }
        }
        return failures;
    }

    private NodeProject apollo;

    @Test
    void everyObjectTypeIsAnEntityWithAnIdOrAValueObject() {
        GraphQLSchema schema = graphQlSource.schema();
        Set<String> root = Set.of(schema.getQueryType().getName(), schema.getMutationType().getName(),
                schema.getSubscriptionType().getName());
        Set<String> entities = new TreeSet<>();
        Set<String> unclassified = new TreeSet<>();
        for (GraphQLNamedType type : schema.getAllTypesAsList()) {
            if (!(type instanceof GraphQLObjectType object) || type.getName().startsWith("__") || root.contains(type.getName())) {
                continue;
            }
            GraphQLFieldDefinition id = object.getFieldDefinition("id");
            if (id != null) {
                assertThat(GraphQLTypeUtil.simplePrint(id.getType())).as(type.getName() + ".id").isEqualTo("ID!");
                entities.add(type.getName());
            } else if (!VALUE_OBJECTS.contains(type.getName()) && !type.getName().matches(".*(Payload|Connection|Edge)")) {
                unclassified.add(type.getName());
            }
        }
        System.out.println("Cache keys (__typename:id): " + entities);
        assertThat(unclassified).as("object types with neither an id nor a place in VALUE_OBJECTS (decide: docs/adr/0028)")
                .isEmpty();
        assertThat(entities).containsAll(NEWLY_KEYED)
                .contains("Complaint", "Photo", "TimelineEntry", "ComplaintEvent", "Resident", "StaffAccount");
    }
}
