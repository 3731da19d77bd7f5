package id.go.cilegon.juare.auth;

import static id.go.cilegon.juare.support.Api.operation;
import static org.assertj.core.api.Assertions.assertThat;

import graphql.language.Field;
import graphql.language.OperationDefinition;
import graphql.parser.Parser;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import id.go.cilegon.juare.graphql.OperationDocuments;
import id.go.cilegon.juare.support.Api;
import id.go.cilegon.juare.support.IntegrationTest;
import id.go.cilegon.juare.support.Live;
import id.go.cilegon.juare.support.Staff;
import id.go.cilegon.juare.support.TestData;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.WebSocketGraphQlTester;

/**
 * Every role, plus a resident and an anonymous caller, against every operation: allowed, or refused with
 * FORBIDDEN (UNAUTHENTICATED for the anonymous caller). "Allowed" means the request got past authorization: it
 * may still fail with a payload error (a wrong state, bad input), which is not an authorization answer.
 * {@link #everyRootOperationOfTheSchemaHasACase} fails when the schema has a root operation no case sends; fields
 * below the root that return complaints or people's data are in {@link FieldAccessMatrixTest}.
 */
class AuthorizationMatrixTest extends IntegrationTest {

    enum Who { ANONYMOUS, RESIDENT, OPERATOR, OPD_RESPONDER, OPD_HEAD, MAYOR, ADMIN }

    private static final Set<Who> EVERYONE = Set.of(Who.values());
    private static final Set<Who> STAFF = Set.of(Who.OPERATOR, Who.OPD_RESPONDER, Who.OPD_HEAD, Who.MAYOR, Who.ADMIN);
    private static final Set<Who> COMMAND = Set.of(Who.OPERATOR, Who.MAYOR, Who.ADMIN);
    private static final Set<Who> OPD = Set.of(Who.OPD_RESPONDER, Who.OPD_HEAD);

    @Autowired
    GraphQlSource graphQlSource;

    private final Map<Who, String> tokens = new LinkedHashMap<>();
    private Api.Resident resident;
    private Staff.Member operator;

    @BeforeEach
    void signEveryoneIn() {
        Staff staff = new Staff(api());
        resident = api().newResident();
        operator = staff.operator();
        tokens.put(Who.RESIDENT, resident.token());
        tokens.put(Who.OPERATOR, operator.token());
        tokens.put(Who.OPD_RESPONDER, staff.responder("DPUPR").token());
        tokens.put(Who.OPD_HEAD, staff.create("OPD_HEAD", "DPUPR").token());
        tokens.put(Who.MAYOR, staff.create("MAYOR", null).token());
        tokens.put(Who.ADMIN, staff.adminToken());
    }

    /** A complaint of the resident's, dispatched to DPUPR: every role has a reason to look at it. */
    private String complaintAtDpupr() {
        String id = Live.submitComplaint(api(), resident.token());
        operation(api().as(operator.token()), "Dispatch").variable("input", Map.of("complaintId", id, "opdCode", "DPUPR")).execute()
                .path("dispatch.errors").entityList(Object.class).hasSize(0);
        return id;
    }

    /**
     * One operation: a document of our clients (by name, from graphql-documents/) or one written here, its
     * variables, and who may send it.
     */
    private record Case(String operation, String document, Map<String, Object> variables, Set<Who> allowed) {

        Case(String operation, Map<String, Object> variables, Set<Who> allowed) {
            this(operation, OperationDocuments.load(operation), variables, allowed);
        }
    }

    private List<Case> cases() {
        String complaint = complaintAtDpupr();
        String trackingNumber = operation(api().as(operator.token()), "StaffComplaintDetail").variable("id", complaint).execute()
                .path("complaint.trackingNumber").entity(String.class).get();
        Map<String, Object> today = Map.of("kind", "TODAY");
        String other = complaintAtDpupr();
        Map<String, Object> box = Map.of("south", -6.08, "west", 105.92, "north", -5.87, "east", 106.09);
        List<Case> cases = new ArrayList<>();
        // reference data and sign-in are public
        cases.add(new Case("ReferenceData", Map.of(), EVERYONE));
        cases.add(new Case("CityMap", Map.of(), EVERYONE));
        cases.add(new Case("Locate", Map.of("location", Map.of("lat", TestData.CILEGON_LAT, "lng", TestData.CILEGON_LNG)), EVERYONE));
        cases.add(new Case("kelurahanList", "query { kelurahanList { code name } }", Map.of(), EVERYONE));
        cases.add(new Case("RequestOtp", Map.of("input", Map.of("nik", "1", "phone", "1")), EVERYONE));
        cases.add(new Case("VerifyOtp", Map.of("input", Map.of("challengeId", UUID.randomUUID().toString(), "code", "000000")), EVERYONE));
        cases.add(new Case("RefreshSession", Map.of("input", Map.of("refreshToken", "bogus")), EVERYONE));
        cases.add(new Case("Login", Map.of("input", Map.of("username", "nobody-here", "password", "wrong-password")), EVERYONE));
        // a phone change is proven by codes, not by a session; the KTP check is the operators'
        cases.add(new Case("RequestPhoneChange", Map.of("input", Map.of("nik", "1", "newPhone", "1")), EVERYONE));
        cases.add(new Case("ConfirmPhoneChange", Map.of("input", Map.of("challengeId", UUID.randomUUID().toString(), "newCode", "000000")),
                EVERYONE));
        cases.add(new Case("PhoneChangeQueue", Map.of("first", 5), Set.of(Who.OPERATOR)));
        cases.add(new Case("ApprovePhoneChange", Map.of("input", Map.of("requestId", UUID.randomUUID().toString())), Set.of(Who.OPERATOR)));
        cases.add(new Case("RejectPhoneChange", Map.of("input", Map.of("requestId", UUID.randomUUID().toString(), "reason", "tidak jelas")),
                Set.of(Who.OPERATOR)));
        // the resident's own
        cases.add(new Case("Me", Map.of(), Set.of(Who.RESIDENT)));
        cases.add(new Case("MyComplaints", Map.of("first", 5), Set.of(Who.RESIDENT)));
        cases.add(new Case("SubmitComplaint", Map.of("input", Map.of("clientRequestId", "m-" + UUID.randomUUID(), "categoryCode", "JALAN",
                "description", "pendek", "location", Map.of("lat", TestData.CILEGON_LAT, "lng", TestData.CILEGON_LNG))), Set.of(Who.RESIDENT)));
        cases.add(new Case("ConfirmResolution", Map.of("input", Map.of("complaintId", complaint, "rating", 0)), Set.of(Who.RESIDENT)));
        cases.add(new Case("DisputeResolution", Map.of("input", Map.of("complaintId", complaint, "reason", "x")), Set.of(Who.RESIDENT)));
        // one complaint: its resident, the command centre, and its OPD
        Set<Who> seesComplaint = Set.of(Who.RESIDENT, Who.OPERATOR, Who.OPD_RESPONDER, Who.OPD_HEAD, Who.MAYOR, Who.ADMIN);
        cases.add(new Case("ComplaintDetail", Map.of("id", complaint), seesComplaint));
        cases.add(new Case("StaffComplaintDetail", Map.of("id", complaint), seesComplaint));
        cases.add(new Case("ComplaintByTrackingNumber", Map.of("trackingNumber", trackingNumber),
                Set.of(Who.OPERATOR, Who.OPD_RESPONDER, Who.OPD_HEAD, Who.MAYOR, Who.ADMIN)));
        // staff
        cases.add(new Case("MyStaffAccount", Map.of(), STAFF));
        cases.add(new Case("StaffAccounts", Map.of(), Set.of(Who.ADMIN)));
        cases.add(new Case("IntakeQueue", Map.of("first", 5), COMMAND));
        cases.add(new Case("TransferQueue", Map.of("first", 5), COMMAND));
        cases.add(new Case("OpdQueue", Map.of("opdCode", "DPUPR", "first", 5), union(COMMAND, OPD)));
        cases.add(new Case("ComplaintCounts", Map.of(), STAFF));
        cases.add(new Case("ComplaintList", Map.of("filter", Map.of("overdue", "ANY"), "first", 5), STAFF));
        cases.add(new Case("ComplaintMap", Map.of("box", box, "zoom", 12), STAFF));
        cases.add(new Case("CommandCentre", Map.of(), COMMAND));
        cases.add(new Case("LatestComplaintEventId", Map.of(), STAFF));
        // the ranking: every OPD's for the command centre; an OPD its own scorecard
        cases.add(new Case("OpdRanking", Map.of("period", today), COMMAND));
        cases.add(new Case("OpdScorecard", Map.of("opdCode", "DPUPR", "period", today), union(COMMAND, OPD)));
        cases.add(new Case("OpdScorecardComplaints", Map.of("opdCode", "DPUPR", "period", today, "metric", "RECEIVED", "first", 5),
                union(COMMAND, OPD)));
        // the daily report: read by the command centre; made again by admins (a future day: refused in the payload)
        cases.add(new Case("DailyReports", Map.of("first", 5), COMMAND));
        cases.add(new Case("DailyReport", Map.of("day", "2001-01-01"), COMMAND));
        cases.add(new Case("RegenerateDailyReport", Map.of("input", Map.of("day", "2999-01-01")), Set.of(Who.ADMIN)));
        // administration
        cases.add(new Case("CreateStaffAccount", Map.of("input", Map.of("username", "x", "displayName", "X", "password", "x", "role", "OPERATOR")),
                Set.of(Who.ADMIN)));
        cases.add(new Case("UpdateStaffAccount", Map.of("input", Map.of("id", UUID.randomUUID().toString())), Set.of(Who.ADMIN)));
        cases.add(new Case("UpdateOpd", Map.of("input", Map.of("code", "NOPE")), Set.of(Who.ADMIN)));
        cases.add(new Case("UpdateCategory", Map.of("input", Map.of("code", "NOPE")), Set.of(Who.ADMIN)));
        // the lifecycle: refused inputs or states keep the complaint as it is
        cases.add(new Case("Dispatch", Map.of("input", Map.of("complaintId", complaint, "opdCode", "DPUPR")), Set.of(Who.OPERATOR)));
        cases.add(new Case("Reject", Map.of("input", Map.of("complaintId", complaint, "reason", "SPAM")), Set.of(Who.OPERATOR)));
        cases.add(new Case("MarkDuplicate", Map.of("input", Map.of("complaintId", complaint, "duplicateOfId", complaint)), Set.of(Who.OPERATOR)));
        cases.add(new Case("Reroute", Map.of("input", Map.of("complaintId", complaint, "opdCode", "DPUPR", "misrouted", true, "note", "Kewenangan DPUPR, bukan OPD ini.")), Set.of(Who.OPERATOR)));
        cases.add(new Case("DeclineTransfer", Map.of("input", Map.of("complaintId", other, "note", "tetap")), Set.of(Who.OPERATOR)));
        cases.add(new Case("Reply", Map.of("input", Map.of("complaintId", complaint, "message", "ok")), OPD));
        cases.add(new Case("RequestTransfer", Map.of("input", Map.of("complaintId", complaint, "reason", "x")), OPD));
        cases.add(new Case("Resolve", Map.of("input", Map.of("complaintId", complaint, "note", "x", "afterPhotoIds", List.of())), OPD));
        cases.add(new Case("AddInternalNote", Map.of("input", Map.of("complaintId", complaint, "note", "")),
                Set.of(Who.OPERATOR, Who.OPD_RESPONDER, Who.OPD_HEAD, Who.ADMIN)));
        // verified fixes (ADR 0021): the command centre reads the queue, operators act; never an OPD or a resident
        cases.add(new Case("VerificationQueue", Map.of("first", 5), COMMAND));
        cases.add(new Case("VerifyFix", Map.of("input", Map.of("complaintId", complaint)), Set.of(Who.OPERATOR)));
        cases.add(new Case("RejectFix", Map.of("input", Map.of("complaintId", complaint, "reason", "x")), Set.of(Who.OPERATOR)));
        return cases;
    }

    private static Set<Who> union(Set<Who> a, Set<Who> b) {
        java.util.HashSet<Who> all = new java.util.HashSet<>(a);
        all.addAll(b);
        return all;
    }

    /** "ALLOWED", or the code of the authorization error. */
    private String outcome(Who who, Case c) {
        GraphQlTester tester = who == Who.ANONYMOUS ? api().anonymous() : api().as(tokens.get(who));
        GraphQlTester.Request<?> request = tester.document(c.document());
        for (var variable : c.variables().entrySet()) {
            request = request.variable(variable.getKey(), variable.getValue());
        }
        List<String> codes = new ArrayList<>();
        request.execute().errors().satisfy(errors -> errors.stream().map(AuthorizationMatrixTest::code).forEach(codes::add));
        return codes.stream().filter(code -> code.equals("FORBIDDEN") || code.equals("UNAUTHENTICATED")).findFirst().orElse("ALLOWED");
    }

    private static String code(ResponseError error) {
        return String.valueOf(error.getExtensions().get("code"));
    }

    private static String expected(Who who, Set<Who> allowed) {
        if (allowed.contains(who)) {
            return "ALLOWED";
        }
        return who == Who.ANONYMOUS ? "UNAUTHENTICATED" : "FORBIDDEN";
    }

    @Test
    void everyRoleAgainstEveryQueryAndMutation() {
        Map<String, String> actual = new LinkedHashMap<>();
        Map<String, String> wanted = new LinkedHashMap<>();
        for (Case c : cases()) {
            for (Who who : Who.values()) {
                actual.put(c.operation() + " as " + who, outcome(who, c));
                wanted.put(c.operation() + " as " + who, expected(who, c.allowed()));
            }
        }
        assertThat(actual).containsExactlyEntriesOf(wanted);
    }

    /** A subscription: a document of our clients, its variables, who may subscribe. */
    private record SubscriptionCase(String operation, Map<String, Object> variables, Set<Who> allowed) {
    }

    private static List<SubscriptionCase> subscriptionCases() {
        return List.of(
                new SubscriptionCase("MyComplaintEvents", Map.of("after", "0"), Set.of(Who.RESIDENT)),
                new SubscriptionCase("ComplaintEvents", Map.of("after", "0"), STAFF),
                new SubscriptionCase("OpdRankingChanged", Map.of("period", Map.of("kind", "TODAY")), COMMAND));
    }

    /** Subscriptions: allowed ones answer (replay the caller's visible history, or the ranking now); refused ones end in an error. */
    @Test
    void everyRoleAgainstEverySubscription() {
        complaintAtDpupr();
        Map<String, String> actual = new LinkedHashMap<>();
        Map<String, String> wanted = new LinkedHashMap<>();
        Map<Who, WebSocketGraphQlTester> sockets = new LinkedHashMap<>();
        for (Who who : Who.values()) {
            WebSocketGraphQlTester ws = api().webSocket(tokens.get(who));
            sockets.put(who, ws);
        }
        for (SubscriptionCase subscription : subscriptionCases()) {
            String field = rootFields(OperationDocuments.load(subscription.operation())).iterator().next().substring("Subscription.".length());
            for (Who who : Who.values()) {
                WebSocketGraphQlTester ws = sockets.get(who);
                GraphQlTester.Request<?> request = operation(ws, subscription.operation());
                for (var variable : subscription.variables().entrySet()) {
                    request = request.variable(variable.getKey(), variable.getValue());
                }
                String result = request.executeSubscription().toFlux(field, Map.class)
                        .take(1)
                        .map(event -> "ALLOWED")
                        .onErrorResume(e -> reactor.core.publisher.Mono.just(e.toString().contains("UNAUTHENTICATED") ? "UNAUTHENTICATED"
                                : e.toString().contains("FORBIDDEN") ? "FORBIDDEN" : e.toString()))
                        .timeout(Duration.ofSeconds(10), reactor.core.publisher.Mono.just("NO ANSWER"))
                        .blockFirst();
                actual.put(subscription.operation() + " as " + who, result);
                wanted.put(subscription.operation() + " as " + who, expected(who, subscription.allowed()));
            }
        }
        sockets.values().forEach(ws -> ws.stop().block(Duration.ofSeconds(10)));
        assertThat(actual).containsExactlyEntriesOf(wanted);
    }

    /** "Query.x", "Mutation.y", "Subscription.z": the root fields a document selects. */
    static Set<String> rootFields(String document) {
        Set<String> fields = new java.util.TreeSet<>();
        for (OperationDefinition operation : new Parser().parseDocument(document).getDefinitionsOfType(OperationDefinition.class)) {
            String root = switch (operation.getOperation()) {
                case QUERY -> "Query";
                case MUTATION -> "Mutation";
                case SUBSCRIPTION -> "Subscription";
            };
            operation.getSelectionSet().getSelectionsOfType(Field.class).forEach(field -> fields.add(root + "." + field.getName()));
        }
        return fields;
    }

    /**
     * Fails when the schema has a query, mutation or subscription that no case above sends: add a case (to
     * {@link #cases} or {@link #subscriptionCases}) saying who may call it.
     */
    @Test
    void everyRootOperationOfTheSchemaHasACase() {
        Set<String> covered = new java.util.TreeSet<>();
        cases().forEach(c -> covered.addAll(rootFields(c.document())));
        subscriptionCases().forEach(c -> covered.addAll(rootFields(OperationDocuments.load(c.operation()))));
        GraphQLSchema schema = graphQlSource.schema();
        Set<String> inSchema = new java.util.TreeSet<>();
        for (GraphQLObjectType root : java.util.Arrays.asList(schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType())) {
            if (root != null) {
                root.getFieldDefinitions().forEach(field -> inSchema.add(root.getName() + "." + field.getName()));
            }
        }
        assertThat(covered)
                .as("every root operation of the schema needs a case in AuthorizationMatrixTest saying who may call it")
                .containsAll(inSchema);
    }
}
