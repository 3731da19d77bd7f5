package id.go.cilegon.juare.platform;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLInputObjectField;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import id.go.cilegon.juare.support.Api;
import id.go.cilegon.juare.support.Images;
import id.go.cilegon.juare.support.IntegrationTest;
import id.go.cilegon.juare.support.Staff;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.http.MediaType;

/**
 * Issue 14 item 7 (docs/adr/0030): a malformed id answers exactly what an unknown id answers, for every ID argument
 * and input field of the schema; and another person's object answers exactly what an unknown id answers (no
 * existence oracle), in GraphQL and on the photo endpoint.
 */
class IdsAndExistenceTest extends IntegrationTest {

    private static final String MALFORMED = "bukan-id";

    /**
     * ID arguments and input fields that are not lookups of an object: positions in the event log (a malformed one is
     * INVALID_INPUT, as a position before the log's start is).
     */
    private static final Set<String> NOT_LOOKUPS = Set.of("Subscription.complaintEvents(after)",
            "Subscription.myComplaintEvents(after)");

    @Autowired
    GraphQlSource graphQlSource;

    record Case(String idField, String token, String document, Function<String, Map<String, Object>> variables) {
    }

    private List<Case> cases() {
        Staff staff = new Staff(api());
        String operator = staff.operator().token();
        String responder = staff.responder("DPUPR").token();
        String admin = staff.adminToken();
        Api.Resident resident = api().newResident();
        String r = resident.token();
        String payload = " { errors { code field } }";
        String complaintPayload = " { complaint { id } errors { code field } }";
        List<Case> cases = new ArrayList<>();
        cases.add(new Case("Query.complaint(id)", r, "query($id: ID!) { complaint(id: $id) { id } }", id -> Map.of("id", id)));
        cases.add(new Case("VerifyOtpInput.challengeId", null,
                "mutation($input: VerifyOtpInput!) { verifyOtp(input: $input)" + payload + " }",
                id -> Map.of("input", Map.of("challengeId", id, "code", "123456"))));
        cases.add(new Case("ConfirmPhoneChangeInput.challengeId", null,
                "mutation($input: ConfirmPhoneChangeInput!) { confirmPhoneChange(input: $input)" + payload + " }",
                id -> Map.of("input", Map.of("challengeId", id, "newCode", "123456"))));
        cases.add(new Case("ApprovePhoneChangeInput.requestId", operator,
                "mutation($input: ApprovePhoneChangeInput!) { approvePhoneChange(input: $input)" + payload + " }",
                id -> Map.of("input", Map.of("requestId", id))));
        cases.add(new Case("RejectPhoneChangeInput.requestId", operator,
                "mutation($input: RejectPhoneChangeInput!) { rejectPhoneChange(input: $input)" + payload + " }",
                id -> Map.of("input", Map.of("requestId", id, "reason", "KTP tidak terbaca"))));
        cases.add(new Case("SubmitComplaintInput.photoIds", r,
                "mutation($input: SubmitComplaintInput!) { submitComplaint(input: $input)" + complaintPayload + " }",
                id -> Map.of("input", Api.complaintInput(Api.newRequestId(), List.of(id)))));
        cases.add(new Case("UpdateStaffAccountInput.id", admin,
                "mutation($input: UpdateStaffAccountInput!) { updateStaffAccount(input: $input)" + payload + " }",
                id -> Map.of("input", Map.of("id", id, "displayName", "Nama Baru"))));
        String known = existingComplaint(resident);
        Map<String, Map<String, Object>> lifecycle = new java.util.LinkedHashMap<>();
        lifecycle.put("Dispatch", Map.of("opdCode", "DPUPR"));
        lifecycle.put("Reject", Map.of("reason", "SPAM"));
        lifecycle.put("Reroute", Map.of("opdCode", "DPUPR", "misrouted", true));
        lifecycle.put("DeclineTransfer", Map.of("note", "tetap di sini"));
        lifecycle.put("Reply", Map.of("message", "sedang kami tangani"));
        lifecycle.put("AddInternalNote", Map.of("note", "catatan"));
        lifecycle.put("RequestTransfer", Map.of("reason", "bukan wewenang kami"));
        lifecycle.put("Resolve", Map.of("note", "sudah diperbaiki", "afterPhotoIds", List.of()));
        lifecycle.put("ConfirmResolution", Map.of("rating", 5));
        lifecycle.put("DisputeResolution", Map.of("reason", "belum diperbaiki"));
        lifecycle.put("VerifyFix", Map.of());
        lifecycle.put("RejectFix", Map.of("reason", "foto sama"));
        lifecycle.put("MarkDuplicate", Map.of("duplicateOfId", known));
        for (var entry : lifecycle.entrySet()) {
            String name = entry.getKey();
            String field = Character.toLowerCase(name.charAt(0)) + name.substring(1);
            boolean residents = name.equals("ConfirmResolution") || name.equals("DisputeResolution");
            boolean opd = Set.of("Reply", "RequestTransfer", "Resolve").contains(name);
            cases.add(new Case(name + "Input.complaintId", residents ? r : opd ? responder : operator,
                    "mutation($input: " + name + "Input!) { " + field + "(input: $input)" + complaintPayload + " }",
                    id -> Map.of("input", with(entry.getValue(), "complaintId", id))));
        }
        // the second id of a mutation: with a complaint that exists, so that the second id is the one looked at
        cases.add(new Case("MarkDuplicateInput.duplicateOfId", operator,
                "mutation($input: MarkDuplicateInput!) { markDuplicate(input: $input)" + complaintPayload + " }",
                id -> Map.of("input", Map.of("complaintId", known, "duplicateOfId", id))));
        cases.add(new Case("ResolveInput.afterPhotoIds", responder,
                "mutation($input: ResolveInput!) { resolve(input: $input)" + complaintPayload + " }",
                id -> Map.of("input", Map.of("complaintId", known, "note", "selesai", "afterPhotoIds", List.of(id)))));
        cases.add(new Case("DisputeResolutionInput.photoIds", r,
                "mutation($input: DisputeResolutionInput!) { disputeResolution(input: $input)" + complaintPayload + " }",
                id -> Map.of("input", Map.of("complaintId", known, "reason", "belum", "photoIds", List.of(id)))));
        return cases;
    }

    private static Map<String, Object> with(Map<String, Object> input, String key, Object value) {
        Map<String, Object> all = new HashMap<>(input);
        all.put(key, value);
        return all;
    }

    private String existingComplaint(Api.Resident resident) {
        Map<String, Object> response = post(resident.token(),
                "mutation($input: SubmitComplaintInput!) { submitComplaint(input: $input) { complaint { id } errors { code } } }",
                Map.of("input", Api.complaintInput(Api.newRequestId(), List.of())));
        @SuppressWarnings("unchecked")
        Map<String, Object> complaint = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) response.get("data"))
                .get("submitComplaint")).get("complaint");
        return (String) complaint.get("id");
    }

    private Map<String, Object> post(String token, String document, Map<String, Object> variables) {
        var request = api().http().post().uri("/graphql").contentType(MediaType.APPLICATION_JSON);
        if (token != null) {
            request = request.header("Authorization", "Bearer " + token);
        }
        return request.bodyValue(Map.of("query", document, "variables", variables)).exchange()
                .expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() {
                }).returnResult().getResponseBody();
    }

    @Test
    void aMalformedIdAnswersAsAnUnknownIdEverywhere() {
        List<Case> cases = cases();
        Set<String> covered = new TreeSet<>();
        List<String> different = new ArrayList<>();
        for (Case c : cases) {
            covered.add(c.idField());
            Map<String, Object> unknown = post(c.token(), c.document(), c.variables().apply(UUID.randomUUID().toString()));
            Map<String, Object> malformed = post(c.token(), c.document(), c.variables().apply(MALFORMED));
            // the id was looked at: the caller may do the operation
            assertThat(unknown.toString()).as(c.idField()).doesNotContain("FORBIDDEN", "UNAUTHENTICATED", "INTERNAL_ERROR");
            if (!unknown.equals(malformed)) {
                different.add(c.idField() + ": unknown " + unknown + " / malformed " + malformed);
            }
        }
        assertThat(different).isEmpty();
        assertThat(idArgumentsAndInputFields()).as("every ID argument and input field has a case (or is a position)")
                .filteredOn(field -> !covered.contains(field) && !NOT_LOOKUPS.contains(field))
                .isEmpty();
    }

    /** Every ID-typed argument of a root field and every ID-typed input field, as Type.field(arg) / Input.field. */
    private Set<String> idArgumentsAndInputFields() {
        Set<String> found = new TreeSet<>();
        var schema = graphQlSource.schema();
        for (GraphQLNamedType type : schema.getAllTypesAsList()) {
            if (type.getName().startsWith("__")) {
                continue;
            }
            if (type instanceof GraphQLObjectType object) {
                for (GraphQLFieldDefinition field : object.getFieldDefinitions()) {
                    for (GraphQLArgument argument : field.getArguments()) {
                        if (isId(argument.getType())) {
                            found.add(type.getName() + "." + field.getName() + "(" + argument.getName() + ")");
                        }
                    }
                }
            }
            if (type instanceof GraphQLInputObjectType input) {
                for (GraphQLInputObjectField field : input.getFieldDefinitions()) {
                    if (isId(field.getType())) {
                        found.add(type.getName() + "." + field.getName());
                    }
                }
            }
        }
        return found;
    }

    private static boolean isId(GraphQLType type) {
        return GraphQLTypeUtil.unwrapAll(type).getName().equals("ID");
    }

    @Test
    void anotherResidentsComplaintAnswersAsAnUnknownOne() {
        Api.Resident owner = api().newResident();
        Api.Resident other = api().newResident();
        String theirs = existingComplaint(owner);
        String query = "query($id: ID!) { complaint(id: $id) { id description } }";
        Map<String, Object> unknown = post(other.token(), query, Map.of("id", UUID.randomUUID().toString()));
        Map<String, Object> notTheirs = post(other.token(), query, Map.of("id", theirs));
        assertThat(notTheirs).isEqualTo(unknown).doesNotContainKey("errors");
        // a resident's mutation on another's complaint, as on an unknown one
        String confirm = "mutation($input: ConfirmResolutionInput!) { confirmResolution(input: $input) { complaint { id } errors { code field } } }";
        Map<String, Object> unknownConfirm = post(other.token(), confirm,
                Map.of("input", Map.of("complaintId", UUID.randomUUID().toString(), "rating", 5)));
        Map<String, Object> notTheirsConfirm = post(other.token(), confirm, Map.of("input", Map.of("complaintId", theirs, "rating", 5)));
        assertThat(notTheirsConfirm).isEqualTo(unknownConfirm);
        assertThat(notTheirsConfirm.toString()).contains("NOT_FOUND").doesNotContain("FORBIDDEN");
        // and the owner still sees it
        assertThat(post(owner.token(), query, Map.of("id", theirs)).toString()).contains(theirs);
    }

    @Test
    void anotherResidentsPhotoIsA404LikeAnUnknownOne() {
        Api.Resident owner = api().newResident();
        Api.Resident other = api().newResident();
        String photo = api().uploadedPhotoId(owner.token(), Images.jpeg(64, 48));
        List<String> bodies = new ArrayList<>();
        for (String id : List.of(photo, UUID.randomUUID().toString(), MALFORMED)) {
            bodies.add(new String(api().http().get().uri("/api/photos/" + id).header("Authorization", "Bearer " + other.token())
                    .exchange()
                    .expectStatus().isNotFound()
                    .expectBody().returnResult().getResponseBody()));
        }
        assertThat(bodies).containsOnly(bodies.getFirst());
        assertThat(bodies.getFirst()).contains("\"NOT_FOUND\"");
    }
}
