package id.go.cilegon.juare.auth;

import static id.go.cilegon.juare.support.AccessScenario.at;
import static id.go.cilegon.juare.support.AccessScenario.refusal;
import static org.assertj.core.api.Assertions.assertThat;

import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import id.go.cilegon.juare.support.AccessScenario;
import id.go.cilegon.juare.support.AccessScenario.Who;
import id.go.cilegon.juare.support.Api;
import id.go.cilegon.juare.support.Images;
import id.go.cilegon.juare.support.IntegrationTest;
import id.go.cilegon.juare.support.Live;
import id.go.cilegon.juare.support.Staff;
import id.go.cilegon.juare.support.TestData;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.GraphQlSource;

/**
 * Field-level access: every field below the root that returns a complaint (or a list or connection of them) or a
 * person's data, against every kind of caller, on complaints each may or may not see (see {@link AccessScenario}).
 * Root operations are in {@link AuthorizationMatrixTest}. {@link #everySensitiveFieldOfTheSchemaHasACase} fails when
 * the schema has such a field without a case here: add one to {@link #cases} (a row: the field, a query that
 * reaches it, what to make of the answer, and what each caller should get).
 * <p>
 * Outcomes: UNAUTHENTICATED / FORBIDDEN (the caller cannot reach the field at all), NULL, NONE (an empty list), or
 * what the field showed, e.g. the letters of the scenario's complaints in it.
 */
class FieldAccessMatrixTest extends IntegrationTest {

    /**
     * Types that are a complaint, a person, or a person's data. A field of any type returning one of these (bare, in a
     * list, or as the node of a connection) needs a case. Add new such types here.
     */
    static final Set<String> SENSITIVE_TYPES = Set.of("Complaint", "ComplaintConnection", "ComplaintReference", "ComplaintEvent",
            "Resident", "Reporter", "StaffAccount", "TimelineEntry", "Photo", "MapMarker", "ScorecardComplaint",
            "ScorecardComplaintConnection", "DailyReportOverdueComplaint");

    /**
     * Complaint's fields that need no case of their own: whoever may see the complaint sees them, and they hold no
     * other complaint and no person's data (or they are staff-only facts about the handling). A new field of
     * Complaint must be listed here or get a case.
     */
    static final Set<String> COMPLAINT_FIELDS_OF_THE_COMPLAINT = Set.of("id", "trackingNumber", "status", "category", "title",
            "description", "location", "addressText", "kecamatan", "kelurahan", "confidential", "opd", "createdAt", "updatedAt",
            "version", "dispatchedAt", "replyDueAt", "fixDueAt", "firstReplyAt", "resolvedAt", "closedAt", "replySecondsLeft",
            "fixSecondsLeft", "replyOverdue", "fixOverdue", "rejectReason", "transferRequested", "rating", "residentComment",
            "reopenCount", "autoClosed",
            // staff only (null for residents), about the handling, not a person
            "transferReason", "transferRequestedAt", "suggestedOpd");

    private static final Set<String> ROOTS = Set.of("Query", "Mutation", "Subscription");

    /** The fields {@link #cases} has rows for (checked against the rows by the matrix test). */
    static final Set<String> COVERED = new TreeSet<>(List.of("Complaint.duplicateOf", "Complaint.duplicateOfReference",
            "Complaint.possibleDuplicates", "Complaint.timeline", "Complaint.reporter", "Complaint.photos",
            "ComplaintEvent.complaint", "ComplaintPayload.complaint", "SubmitComplaintPayload.complaint",
            "VerifyOtpPayload.resident", "ConfirmPhoneChangePayload.resident", "LoginPayload.account", "StaffAccountPayload.account", "CommandCentre.onDuty",
            "ComplaintMap.markers", "OpdScorecard.complaints", "DailyReportOpd.overdueComplaints",
            "Complaint.verification", "VerifyFixPayload.complaint", "RejectFixPayload.complaint"));

    @Autowired
    GraphQlSource graphQlSource;

    /** One row of the matrix: a field, how to reach it as each caller, what the answer shows, what each should get. */
    record FieldCase(String field, String description, Function<Who, String> outcome, Map<Who, String> expected) {
    }

    /**
     * What confirmPhoneChange's resident shows: the resident after proving the old and the new number ("OWN"), and
     * nothing for a lost-number request that waits for an operator's KTP check ("PENDING NULL").
     */
    private static String phoneChangeShows(Api api) {
        Api.Resident resident = api.newResident();
        String newPhone = TestData.phone();
        String id = Api.operation(api.anonymous(), "RequestPhoneChange")
                .variable("input", Map.of("nik", resident.nik(), "newPhone", newPhone, "oldNumberLost", false))
                .execute().path("requestPhoneChange.challenge.id").entity(String.class).get();
        String oldCode = WHATSAPP.lastCodeFor(TestData.e164(resident.phone()));
        String newCode = WHATSAPP.lastCodeFor(TestData.e164(newPhone));
        String done = Api.operation(api.anonymous(), "ConfirmPhoneChange")
                .variable("input", Map.of("challengeId", id, "newCode", newCode, "oldCode", oldCode))
                .execute().path("confirmPhoneChange.resident.id").entity(String.class).get();
        Api.Resident other = api.newResident();
        String lostPhone = TestData.phone();
        String lostId = Api.operation(api.anonymous(), "RequestPhoneChange")
                .variable("input", Map.of("nik", other.nik(), "newPhone", lostPhone, "oldNumberLost", true))
                .execute().path("requestPhoneChange.challenge.id").entity(String.class).get();
        Object pending = Api.operation(api.anonymous(), "ConfirmPhoneChange")
                .variable("input", Map.of("challengeId", lostId,
                        "newCode", WHATSAPP.lastCodeFor(TestData.e164(lostPhone)), "ktpProof", "AT_OFFICE"))
                .execute().path("confirmPhoneChange").entity(Map.class).get().get("resident");
        return (resident.id().equals(done) ? "OWN" : "NOT OWN") + ", PENDING " + (pending == null ? "NULL" : "SHOWN");
    }

    /** complaint(id) of a complaint the caller may not see: null, as for an unknown id (was FORBIDDEN before issue 14). */
    static final String HIDDEN = "HIDDEN";

    /** Expected outcomes, by caller; callers not named get {@code otherwise}. */
    private static Map<Who, String> expect(String otherwise, Object... whoThenOutcome) {
        Map<Who, String> expected = new EnumMap<>(Who.class);
        for (Who who : Who.values()) {
            expected.put(who, who == Who.ANONYMOUS ? "UNAUTHENTICATED" : otherwise);
        }
        for (int i = 0; i < whoThenOutcome.length; i += 2) {
            Object keys = whoThenOutcome[i];
            List<?> whos = keys instanceof List<?> list ? list : List.of(keys);
            for (Object who : whos) {
                expected.put((Who) who, (String) whoThenOutcome[i + 1]);
            }
        }
        return expected;
    }

    private static final List<Who> COMMAND = List.of(Who.OPERATOR, Who.MAYOR, Who.ADMIN);
    private static final List<Who> DPUPR = List.of(Who.OPD, Who.OPD_HEAD);

    /** Asks a query as the caller; the refusal, or what {@code show} makes of the answer. */
    private static Function<Who, String> query(AccessScenario s, String document, Map<String, Object> variables,
                                               Function<Map<String, Object>, String> show) {
        return who -> {
            Map<String, Object> response = s.post(who, document, variables);
            String refused = refusal(response);
            if (refused == null && document.contains("{ complaint(id: $id)") && at(response, "complaint") == null) {
                // a complaint the caller may not see answers as an unknown id: null, no error (ADR 0030, issue 14)
                return HIDDEN;
            }
            return refused != null ? refused : show.apply(response);
        };
    }

    private static String nullOr(Object value, String present) {
        return value == null ? "NULL" : present;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> ids(Object list, String key) {
        if (list == null) {
            return List.of();
        }
        return ((List<Map<String, Object>>) list).stream().map(m -> m.get(key)).toList();
    }

    static List<FieldCase> cases(AccessScenario s, Api api) {
        return cases(s, api, List.of());
    }

    /** @param queued three of the owner's complaints at DPUPR whose auto-closed fix waits for verification (SAME_PHOTO) */
    static List<FieldCase> cases(AccessScenario s, Api api, List<String> queued) {
        List<FieldCase> cases = new ArrayList<>();
        String complaint = "query($id: ID!) { complaint(id: $id) { %s } }";

        cases.add(new FieldCase("Complaint.duplicateOf", "D (owner's) is a duplicate of W (another resident's, with DLH)",
                query(s, complaint.formatted("duplicateOf { id description addressText location { lat lng } timeline { message } }"),
                        Map.of("id", s.id("D")), r -> nullOr(at(r, "complaint.duplicateOf"), "COMPLAINT")),
                expect(HIDDEN, Who.OWNER, "NULL", COMMAND, "COMPLAINT")));

        cases.add(new FieldCase("Complaint.duplicateOfReference", "what the owner of D may know of W",
                query(s, complaint.formatted("duplicateOfReference { trackingNumber status opd { code } }"), Map.of("id", s.id("D")),
                        r -> s.trackingNumbers.get("W").equals(at(r, "complaint.duplicateOfReference.trackingNumber"))
                                ? "REFERENCE " + at(r, "complaint.duplicateOfReference.opd.code") : nullOr(at(r, "complaint.duplicateOfReference"), "WRONG")),
                expect(HIDDEN, Who.OWNER, "REFERENCE DLH", COMMAND, "REFERENCE DLH")));

        cases.add(new FieldCase("Complaint.possibleDuplicates", "near C1 (DPUPR): S undispatched, W with DLH, Z now with DPUPR",
                query(s, complaint.formatted("possibleDuplicates { id description timeline { note actorName } }"), Map.of("id", s.id("C1")),
                        r -> s.letters(ids(at(r, "complaint.possibleDuplicates"), "id"))),
                expect(HIDDEN, Who.OWNER, "NONE", COMMAND, "S,W,Z", DPUPR, "Z")));

        cases.add(new FieldCase("Complaint.possibleDuplicates", "near W (another resident's, DLH): C1 and Z with DPUPR, S undispatched",
                query(s, complaint.formatted("possibleDuplicates { id }"), Map.of("id", s.id("W")),
                        r -> s.letters(ids(at(r, "complaint.possibleDuplicates"), "id"))),
                expect(HIDDEN, Who.OTHER_RESIDENT, "NONE", COMMAND, "C1,S,Z", Who.OTHER_OPD, "NONE")));

        cases.add(new FieldCase("Complaint.timeline", "Z: DLH's note, reply and transfer request, then rerouted to DPUPR",
                query(s, complaint.formatted("timeline { type actor actorName message note internal }"), Map.of("id", s.id("Z")),
                        r -> timelineView(s, at(r, "complaint.timeline"))),
                expect(HIDDEN, Who.OWNER, "AS_RESIDENT", COMMAND, "FULL", DPUPR, "OWN_OPD_ONLY")));

        cases.add(new FieldCase("Complaint.reporter", "C1's resident",
                query(s, complaint.formatted("reporter { name phone maskedNik }"), Map.of("id", s.id("C1")),
                        r -> at(r, "complaint.reporter") == null ? "NULL"
                                : String.valueOf(at(r, "complaint.reporter.phone")).contains("•") ? "MASKED_PHONE" : "FULL_PHONE"),
                expect(HIDDEN, Who.OWNER, "MASKED_PHONE", Who.OPERATOR, "FULL_PHONE", List.of(Who.MAYOR, Who.ADMIN), "NULL",
                        DPUPR, "NULL")));

        cases.add(new FieldCase("Complaint.photos", "C1's photo",
                query(s, complaint.formatted("photos { id url }"), Map.of("id", s.id("C1")),
                        r -> ids(at(r, "complaint.photos"), "id").size() + " PHOTO"),
                expect(HIDDEN, Who.OWNER, "1 PHOTO", COMMAND, "1 PHOTO", DPUPR, "1 PHOTO")));

        cases.add(new FieldCase("ComplaintEvent.complaint", "Z's events: DLH had it, DPUPR has it now",
                who -> eventComplaints(s, who),
                expect("FORBIDDEN", Who.OWNER, "COMPLAINT", Who.OTHER_RESIDENT, "NO EVENTS", COMMAND, "COMPLAINT", DPUPR, "COMPLAINT",
                        Who.OTHER_OPD, "NULL")));

        cases.add(new FieldCase("ComplaintPayload.complaint", "an internal note on C1",
                query(s, "mutation($input: AddInternalNoteInput!) { addInternalNote(input: $input) { complaint { id description } errors { code } } }",
                        Map.of("input", Map.of("complaintId", s.id("C1"), "note", "catatan matriks")),
                        r -> nullOr(at(r, "addInternalNote.complaint"), "COMPLAINT")),
                // another OPD cannot see C1: its payload says NOT_FOUND, as for an unknown id (issue 14; was FORBIDDEN)
                expect("FORBIDDEN", COMMAND, "COMPLAINT", DPUPR, "COMPLAINT", Who.MAYOR, "FORBIDDEN", Who.OTHER_OPD, "NULL")));

        cases.add(new FieldCase("SubmitComplaintPayload.complaint", "the complaint the caller filed",
                query(s, "mutation($input: SubmitComplaintInput!) { submitComplaint(input: $input) { complaint { id reporter { name } } errors { code } } }",
                        Map.of("input", Api.complaintInput(Api.newRequestId(), List.of())),
                        r -> at(r, "submitComplaint.complaint.reporter.name") != null ? "OWN" : nullOr(at(r, "submitComplaint.complaint"), "NOT OWN")),
                expect("FORBIDDEN", List.of(Who.OWNER, Who.OTHER_RESIDENT), "OWN")));

        // sign-in payloads show the one who proved the code or the password, whoever sends them
        String verified = api.newResident().id() != null ? "OWN" : "NULL";
        cases.add(new FieldCase("VerifyOtpPayload.resident", "the resident who proved the code (the caller's token plays no part)",
                who -> verified, expect("OWN", Who.ANONYMOUS, "OWN")));
        String changed = phoneChangeShows(api);
        cases.add(new FieldCase("ConfirmPhoneChangePayload.resident",
                "the resident who proved both numbers; nobody while a lost-number request waits for an operator",
                who -> changed, expect("OWN, PENDING NULL", Who.ANONYMOUS, "OWN, PENDING NULL")));
        String loggedIn = Objects.equals(new Staff(api).login(s.mayor.username(), Staff.PASSWORD).path("login.account.username")
                .entity(String.class).get(), s.mayor.username()) ? "OWN" : "NOT OWN";
        cases.add(new FieldCase("LoginPayload.account", "the account whose password was given (the caller's token plays no part)",
                who -> loggedIn, expect("OWN", Who.ANONYMOUS, "OWN")));

        cases.add(new FieldCase("StaffAccountPayload.account", "an admin's change to a staff account",
                query(s, "mutation($input: UpdateStaffAccountInput!) { updateStaffAccount(input: $input) { account { id maskedPhone } errors { code } } }",
                        Map.of("input", Map.of("id", s.dlh.id(), "displayName", s.dlhName())),
                        r -> nullOr(at(r, "updateStaffAccount.account"), "ACCOUNT")),
                expect("FORBIDDEN", Who.ADMIN, "ACCOUNT")));

        cases.add(new FieldCase("CommandCentre.onDuty", "the operators on duty",
                query(s, "{ commandCentre { onDuty { id displayName maskedPhone } } }", Map.of(),
                        r -> at(r, "commandCentre.onDuty") == null ? "NULL" : "LIST"),
                expect("FORBIDDEN", COMMAND, "LIST")));

        Map<String, Object> box = Map.of("south", s.lat - 0.001, "west", s.lng - 0.001, "north", s.lat + 0.001, "east", s.lng + 0.002);
        cases.add(new FieldCase("ComplaintMap.markers", "the scenario's spot at zoom 20, a marker each",
                query(s, "query($box: BoundingBoxInput!) { complaintMap(box: $box, zoom: 20) { markers { complaintId trackingNumber } } }",
                        Map.of("box", box), r -> s.letters(ids(at(r, "complaintMap.markers"), "complaintId"))),
                expect("FORBIDDEN", COMMAND, "C1,D,S,W,Z", DPUPR, "C1,Z", Who.OTHER_OPD, "W")));

        cases.add(new FieldCase("OpdScorecard.complaints", "what DLH received (Z went on as misrouted)",
                query(s, "query { opdScorecard(opdCode: \"DLH\", period: {kind: TODAY}) { complaints(metric: RECEIVED, first: 100) { edges { node { complaintId } } } } }",
                        Map.of(), r -> s.letters(ids(edgesNodes(at(r, "opdScorecard.complaints.edges")), "complaintId"))),
                expect("FORBIDDEN", COMMAND, "W", Who.OTHER_OPD, "W")));

        cases.add(new FieldCase("DailyReportOpd.overdueComplaints", "in the stored daily reports",
                query(s, "{ dailyReports(first: 3) { edges { node { opds { overdueComplaints { complaintId trackingNumber } } } } } }",
                        Map.of(), r -> at(r, "dailyReports") == null ? "NULL" : "VISIBLE"),
                expect("FORBIDDEN", COMMAND, "VISIBLE")));

        if (!queued.isEmpty()) {
            // verified fixes (ADR 0021): only the command centre learns which closures are checked, and why
            cases.add(new FieldCase("Complaint.verification", "the owner's auto-closed fix at DPUPR, queued as SAME_PHOTO",
                    query(s, complaint.formatted("verification { status reason resolutionNote }"), Map.of("id", queued.get(0)),
                            r -> at(r, "complaint.verification") == null ? "NULL"
                                    : at(r, "complaint.verification.status") + " " + at(r, "complaint.verification.reason")),
                    expect(HIDDEN, Who.OWNER, "NULL", COMMAND, "QUEUED SAME_PHOTO", DPUPR, "NULL")));
            cases.add(new FieldCase("VerifyFixPayload.complaint", "an operator verifies the owner's queued fix",
                    query(s, "mutation($input: VerifyFixInput!) { verifyFix(input: $input) { complaint { id description } errors { code } } }",
                            Map.of("input", Map.of("complaintId", queued.get(1))), r -> nullOr(at(r, "verifyFix.complaint"), "COMPLAINT")),
                    expect("FORBIDDEN", Who.OPERATOR, "COMPLAINT")));
            cases.add(new FieldCase("RejectFixPayload.complaint", "an operator rejects the owner's queued fix",
                    query(s, "mutation($input: RejectFixInput!) { rejectFix(input: $input) { complaint { id description } errors { code } } }",
                            Map.of("input", Map.of("complaintId", queued.get(2), "reason", "Foto sesudah sama dengan foto sebelum")),
                            r -> nullOr(at(r, "rejectFix.complaint"), "COMPLAINT")),
                    expect("FORBIDDEN", Who.OPERATOR, "COMPLAINT")));
        }
        return cases;
    }

    /** Complaints of the scenario's owner at DPUPR, resolved and auto-closed with the closure waiting for an operator. */
    private List<String> queuedFixes(AccessScenario s, int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String id = Live.submitComplaint(api(), s.tokens.get(Who.OWNER));
            Api.operation(api().as(s.operator.token()), "Dispatch").variable("input", Map.of("complaintId", id, "opdCode", "DPUPR"))
                    .execute().path("dispatch.errors").entityList(Object.class).hasSize(0);
            String photo = api().uploadedPhotoId(s.dpupr.token(), Images.jpeg(64, 64));
            Api.operation(api().as(s.dpupr.token()), "Resolve")
                    .variable("input", Map.of("complaintId", id, "note", "Jalan sudah ditambal oleh tim DPUPR.", "afterPhotoIds", List.of(photo)))
                    .execute().path("resolve.errors").entityList(Object.class).hasSize(0);
            // the clock job's auto-closure, its decision written directly (the lifecycle's own path: VerifiedFixHostileTest)
            db.sql("UPDATE complaint SET status = 'CLOSED', closed_at = now(), auto_closed = true, verification = 'QUEUED',"
                    + " verification_reason = 'SAME_PHOTO' WHERE id = :id").bind("id", java.util.UUID.fromString(id)).then().block();
            ids.add(id);
        }
        return ids;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> edgesNodes(Object edges) {
        if (edges == null) {
            return List.of();
        }
        return ((List<Map<String, Object>>) edges).stream().map(e -> (Map<String, Object>) e.get("node")).toList();
    }

    /**
     * FULL: everything, DLH's internal note and staff name included; OWN_OPD_ONLY: a staff view (internal entries,
     * notes or staff names) with nothing of DLH's but what the resident sees; AS_RESIDENT: no internal entry, no
     * note, no staff name.
     */
    @SuppressWarnings("unchecked")
    static String timelineView(AccessScenario s, Object timeline) {
        if (timeline == null) {
            return "NULL";
        }
        List<Map<String, Object>> entries = (List<Map<String, Object>>) timeline;
        String text = entries.toString();
        boolean dlhSecrets = text.contains(s.dlhNote) || text.contains(s.dlhName());
        boolean internal = entries.stream().anyMatch(e -> Boolean.TRUE.equals(e.get("internal")));
        boolean notes = entries.stream().anyMatch(e -> e.get("note") != null);
        boolean names = s.staffNames().stream().anyMatch(text::contains);
        if (dlhSecrets) {
            return internal ? "FULL" : "DLH NAME OR NOTE WITHOUT INTERNAL ENTRIES " + text;
        }
        return internal || notes || names ? "OWN_OPD_ONLY" : "AS_RESIDENT";
    }

    /** What the caller's event subscription says of Z's complaint: COMPLAINT, NULL, both, or NO EVENTS. */
    static String eventComplaints(AccessScenario s, Who who) {
        boolean resident = who == Who.OWNER || who == Who.OTHER_RESIDENT;
        String document = resident
                ? "subscription($after: ID) { myComplaintEvents(after: $after) { id complaintId complaint { id description } } }"
                : "subscription($after: ID) { complaintEvents(after: $after) { id complaintId complaint { id description timeline { note } } } }";
        List<Map<String, Object>> events = s.events(who, document, resident ? "myComplaintEvents" : "complaintEvents");
        if (events.size() == 1 && events.getFirst().containsKey("refused")) {
            return events.getFirst().get("refused").toString();
        }
        TreeSet<String> seen = events.stream()
                .filter(e -> s.id("Z").equals(e.get("complaintId")))
                .map(e -> e.get("complaint") == null ? "NULL" : "COMPLAINT")
                .collect(Collectors.toCollection(TreeSet::new));
        return seen.isEmpty() ? "NO EVENTS" : String.join(",", seen);
    }

    @Test
    void everyCallerAgainstEveryNestedComplaintAndPersonField() {
        AccessScenario s = AccessScenario.create(api());
        List<FieldCase> cases = cases(s, api(), queuedFixes(s, 3));
        Set<String> rows = cases.stream().map(FieldCase::field).collect(Collectors.toCollection(TreeSet::new));
        assertThat(rows).isEqualTo(COVERED);
        Map<String, String> actual = new LinkedHashMap<>();
        Map<String, String> wanted = new LinkedHashMap<>();
        for (FieldCase c : cases) {
            Map<Who, String> outcomes = s.forEveryone(c.outcome());
            for (Who who : Who.values()) {
                String key = c.field() + " (" + c.description() + ") as " + who;
                actual.put(key, outcomes.get(who));
                wanted.put(key, c.expected().get(who));
            }
        }
        long failures = actual.entrySet().stream().filter(e -> !Objects.equals(e.getValue(), wanted.get(e.getKey()))).count();
        System.out.println("HOSTILE field-access matrix: " + actual.size() + " (field x caller) cases, " + failures + " failures");
        assertThat(actual).containsExactlyEntriesOf(wanted);
    }

    /** The fields of the schema that need a case here. */
    static Set<String> sensitiveFields(GraphQLSchema schema) {
        Set<String> fields = new TreeSet<>();
        for (GraphQLType type : schema.getAllTypesAsList()) {
            if (!(type instanceof GraphQLObjectType object) || object.getName().startsWith("__") || ROOTS.contains(object.getName())
                    || object.getName().endsWith("Connection") || object.getName().endsWith("Edge")) {
                continue; // roots: AuthorizationMatrixTest; a connection's edges and nodes: the field returning the connection
            }
            for (GraphQLFieldDefinition field : object.getFieldDefinitions()) {
                String returned = ((graphql.schema.GraphQLNamedType) GraphQLTypeUtil.unwrapAll(field.getType())).getName();
                boolean complaintField = object.getName().equals("Complaint") && !COMPLAINT_FIELDS_OF_THE_COMPLAINT.contains(field.getName());
                if (SENSITIVE_TYPES.contains(returned) || complaintField) {
                    fields.add(object.getName() + "." + field.getName());
                }
            }
        }
        return fields;
    }

    /** Fails when a field returning a complaint or a person's data (or a new Complaint field) has no case above. */
    @Test
    void everySensitiveFieldOfTheSchemaHasACase() {
        assertThat(sensitiveFields(graphQlSource.schema()))
                .as("fields returning a complaint or a person's data need a row in FieldAccessMatrixTest.cases "
                        + "(and its name in the list above), or, for a field of Complaint itself that shows only the complaint, "
                        + "a place in COMPLAINT_FIELDS_OF_THE_COMPLAINT; a field gone from the schema leaves COVERED too")
                .containsExactlyInAnyOrderElementsOf(COVERED);
    }
}
