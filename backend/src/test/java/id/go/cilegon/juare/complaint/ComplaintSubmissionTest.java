package id.go.cilegon.juare.complaint;

import static id.go.cilegon.juare.support.Api.complaintInput;
import static id.go.cilegon.juare.support.Api.newRequestId;
import static id.go.cilegon.juare.support.Api.operation;
import static org.assertj.core.api.Assertions.assertThat;

import id.go.cilegon.juare.support.Api;
import id.go.cilegon.juare.support.Images;
import id.go.cilegon.juare.support.IntegrationTest;
import id.go.cilegon.juare.support.TestData;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.GraphQlTester;

/** submitComplaint, myComplaints and complaint over real HTTP against PostgreSQL. */
class ComplaintSubmissionTest extends IntegrationTest {

    private GraphQlTester.Response submit(String token, Map<String, Object> input) {
        return operation(api().as(token), "SubmitComplaint").variable("input", input).execute();
    }

    private static Map<String, Object> with(Map<String, Object> input, String key, Object value) {
        Map<String, Object> copy = new HashMap<>(input);
        copy.put(key, value);
        return copy;
    }

    private long count(String sql, Object id) {
        return db.sql(sql).bind("id", id).map(row -> row.get(0, Long.class)).one().block();
    }

    private void hasError(GraphQlTester.Response response, String code, String field) {
        response.path("submitComplaint.complaint").valueIsNull();
        response.path("submitComplaint.errors[0].code").entity(String.class).isEqualTo(code);
        if (field != null) {
            response.path("submitComplaint.errors[0].field").entity(String.class).isEqualTo(field);
        }
    }

    @Test
    void filesAComplaintWithPhotosPlaceAndATrackingNumber() {
        Api.Resident resident = api().newResident();
        String photo1 = api().uploadedPhotoId(resident.token(), Images.jpeg(800, 600));
        String photo2 = api().uploadedPhotoId(resident.token(), Images.png(300, 400));

        GraphQlTester.Response response = submit(resident.token(), complaintInput(newRequestId(), List.of(photo1, photo2)));

        response.path("submitComplaint.errors").entityList(Object.class).hasSize(0);
        response.path("submitComplaint.complaint.status").entity(String.class).isEqualTo("SUBMITTED");
        response.path("submitComplaint.complaint.trackingNumber").entity(String.class)
                .satisfies(number -> assertThat(number).matches("[2-9A-Z]{3}-[2-9A-Z]{4}"));
        response.path("submitComplaint.complaint.category.code").entity(String.class).isEqualTo("JALAN");
        response.path("submitComplaint.complaint.kecamatan.name").entity(String.class).isEqualTo("Cilegon");
        response.path("submitComplaint.complaint.kelurahan.name").entity(String.class).isEqualTo("Ciwedus");
        response.path("submitComplaint.complaint.opd").valueIsNull();
        response.path("submitComplaint.complaint.confidential").entity(Boolean.class).isEqualTo(false);
        response.path("submitComplaint.complaint.photos[*].id").entityList(String.class).containsExactly(photo1, photo2);

        String id = response.path("submitComplaint.complaint.id").entity(String.class).get();
        assertThat(count("SELECT count(*) FROM complaint_event WHERE complaint_id = :id AND type = 'SUBMITTED'", UUID.fromString(id)))
                .isEqualTo(1);
        operation(api().as(resident.token()), "ComplaintDetail").variable("id", id).execute()
                .path("complaint.timeline[*].type").entityList(String.class).containsExactly("SUBMITTED");
    }

    @Test
    void aConfidentialCategoryIsConfidentialByDefault() {
        Api.Resident resident = api().newResident();
        submit(resident.token(), with(complaintInput(newRequestId(), List.of()), "categoryCode", "PERLINDUNGAN"))
                .path("submitComplaint.complaint.confidential").entity(Boolean.class).isEqualTo(true);
    }

    @Test
    void badInputGetsTypedErrorsAndStoresNothing() {
        Api.Resident resident = api().newResident();
        Map<String, Object> good = complaintInput(newRequestId(), List.of());

        hasError(submit(resident.token(), with(good, "description", "pendek")), "DESCRIPTION_LENGTH", "description");
        hasError(submit(resident.token(), with(good, "description", "x".repeat(2001))), "DESCRIPTION_LENGTH", "description");
        hasError(submit(resident.token(), with(good, "categoryCode", "NO_SUCH")), "UNKNOWN_CATEGORY", "categoryCode");
        hasError(submit(resident.token(), with(good, "location", Map.of("lat", TestData.JAKARTA_LAT, "lng", TestData.JAKARTA_LNG))),
                "NOT_IN_CILEGON", "location");
        hasError(submit(resident.token(), with(good, "location", Map.of("lat", 91.0, "lng", 106.0))), "NOT_IN_CILEGON", "location");
        List<String> six = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            six.add(UUID.randomUUID().toString());
        }
        hasError(submit(resident.token(), with(good, "photoIds", six)), "TOO_MANY_PHOTOS", "photoIds");
        hasError(submit(resident.token(), with(good, "photoIds", List.of("not-an-id"))), "PHOTO_NOT_FOUND", "photoIds");
        hasError(submit(resident.token(), with(good, "clientRequestId", "")), "INVALID_INPUT", "clientRequestId");

        assertThat(count("SELECT count(*) FROM complaint WHERE resident_id = :id", UUID.fromString(resident.id()))).isZero();
    }

    @Test
    void wrongTypesAreRejectedByTheSchemaWithACode() {
        Api.Resident resident = api().newResident();
        api().as(resident.token()).document("mutation { submitComplaint(input: {clientRequestId: \"x\", categoryCode: \"JALAN\", "
                        + "description: \"cukup panjang untuk uraian\", location: {lat: \"utara\", lng: 106.0}}) { errors { code } } }")
                .execute()
                .errors().satisfy(errors -> assertThat(errors).isNotEmpty().allSatisfy(e ->
                        assertThat(e.getExtensions()).containsEntry("code", "GRAPHQL_VALIDATION_FAILED")));
    }

    @Test
    void someoneElsesPhotoIsRefusedAndStaysTheirs() {
        Api.Resident owner = api().newResident();
        Api.Resident other = api().newResident();
        String photo = api().uploadedPhotoId(owner.token(), Images.jpeg(200, 200));

        hasError(submit(other.token(), complaintInput(newRequestId(), List.of(photo))), "PHOTO_NOT_FOUND", "photoIds");

        assertThat(count("SELECT count(*) FROM photo WHERE id = :id AND complaint_id IS NULL", UUID.fromString(photo))).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM complaint WHERE resident_id = :id", UUID.fromString(other.id()))).isZero();
        // the owner can still use it
        submit(owner.token(), complaintInput(newRequestId(), List.of(photo)))
                .path("submitComplaint.complaint.photos[0].id").entity(String.class).isEqualTo(photo);
    }

    @Test
    void aPhotoCannotBeAttachedTwice() {
        Api.Resident resident = api().newResident();
        String photo = api().uploadedPhotoId(resident.token(), Images.jpeg(200, 200));
        submit(resident.token(), complaintInput(newRequestId(), List.of(photo))).path("submitComplaint.errors").entityList(Object.class).hasSize(0);
        // a typed error of its own (issue 14): each upload is used once
        hasError(submit(resident.token(), complaintInput(newRequestId(), List.of(photo))), "PHOTO_ALREADY_USED", "photoIds");
    }

    @Test
    void anonymousCallersCannotFile() {
        operation(api().anonymous(), "SubmitComplaint").variable("input", complaintInput(newRequestId(), List.of())).execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(e -> assertThat(e.getExtensions()).containsEntry("code", "UNAUTHENTICATED")));
    }

    @Test
    void aRetryWithTheSameRequestIdReturnsTheSameComplaint() {
        Api.Resident resident = api().newResident();
        Map<String, Object> input = complaintInput(newRequestId(), List.of());
        String first = submit(resident.token(), input).path("submitComplaint.complaint.id").entity(String.class).get();
        String second = submit(resident.token(), input).path("submitComplaint.complaint.id").entity(String.class).get();
        assertThat(second).isEqualTo(first);
        assertThat(count("SELECT count(*) FROM complaint WHERE resident_id = :id", UUID.fromString(resident.id()))).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM complaint_event WHERE complaint_id = :id", UUID.fromString(first))).isEqualTo(1);
    }

    @Test
    void theSameRequestIdWithAnotherComplaintIsRefusedAndChangesNothing() {
        Api.Resident resident = api().newResident();
        Map<String, Object> input = complaintInput(newRequestId(), List.of());
        String first = submit(resident.token(), input).path("submitComplaint.complaint.id").entity(String.class).get();

        // another text, another category, another place, another confidentiality: each one a different complaint
        hasError(submit(resident.token(), with(input, "description", "Sesuatu yang lain sama sekali, bukan yang tadi.")),
                "IDEMPOTENCY_KEY_REUSED", "clientRequestId");
        hasError(submit(resident.token(), with(input, "categoryCode", "SAMPAH")), "IDEMPOTENCY_KEY_REUSED", "clientRequestId");
        hasError(submit(resident.token(), with(input, "location", Map.of("lat", -6.0101, "lng", 106.0402))),
                "IDEMPOTENCY_KEY_REUSED", "clientRequestId");
        hasError(submit(resident.token(), with(input, "confidential", true)), "IDEMPOTENCY_KEY_REUSED", "clientRequestId");

        // the same complaint with spaces around its text is still a retry
        Object description = input.get("description");
        String again = submit(resident.token(), with(input, "description", "  " + description + "\n"))
                .path("submitComplaint.complaint.id").entity(String.class).get();
        assertThat(again).isEqualTo(first);
        assertThat(count("SELECT count(*) FROM complaint WHERE resident_id = :id", UUID.fromString(resident.id()))).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM complaint_event WHERE complaint_id = :id", UUID.fromString(first))).isEqualTo(1);
    }

    @Test
    void racingRetriesWithTheSameRequestIdCreateOneComplaint() throws Exception {
        Api.Resident resident = api().newResident();
        Map<String, Object> input = complaintInput(newRequestId(), List.of());
        int racers = 8;
        List<Callable<String>> calls = new ArrayList<>();
        for (int i = 0; i < racers; i++) {
            calls.add(() -> submit(resident.token(), input).path("submitComplaint.complaint.id").entity(String.class).get());
        }
        Set<String> ids = new HashSet<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(racers)) {
            for (Future<String> result : pool.invokeAll(calls)) {
                ids.add(result.get());
            }
        }
        assertThat(ids).hasSize(1);
        assertThat(count("SELECT count(*) FROM complaint WHERE resident_id = :id", UUID.fromString(resident.id()))).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM complaint_event WHERE complaint_id = :id", UUID.fromString(ids.iterator().next())))
                .isEqualTo(1);
    }

    @Test
    void myComplaintsPagesNewestFirstWithoutGapsOrRepeats() {
        Api.Resident resident = api().newResident();
        List<String> filed = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            filed.add(submit(resident.token(), complaintInput(newRequestId(), List.of()))
                    .path("submitComplaint.complaint.id").entity(String.class).get());
        }
        List<String> seen = new ArrayList<>();
        String after = null;
        boolean hasNext = true;
        int pages = 0;
        while (hasNext) {
            GraphQlTester.Request<?> request = operation(api().as(resident.token()), "MyComplaints").variable("first", 2);
            if (after != null) {
                request = request.variable("after", after);
            }
            GraphQlTester.Response page = request.execute();
            seen.addAll(page.path("myComplaints.edges[*].node.id").entityList(String.class).get());
            hasNext = page.path("myComplaints.pageInfo.hasNextPage").entity(Boolean.class).get();
            after = page.path("myComplaints.pageInfo.endCursor").entity(String.class).get();
            pages++;
        }
        assertThat(pages).isEqualTo(3);
        assertThat(seen).containsExactlyElementsOf(filed.reversed());
    }

    @Test
    void pagingArgumentsAreChecked() {
        Api.Resident resident = api().newResident();
        operation(api().as(resident.token()), "MyComplaints").variable("first", 1000).execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(e -> assertThat(e.getExtensions()).containsEntry("code", "INVALID_INPUT")));
        operation(api().as(resident.token()), "MyComplaints").variable("after", "garbage!").execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(e -> assertThat(e.getExtensions()).containsEntry("code", "INVALID_INPUT")));
    }

    @Test
    void aResidentSeesOnlyTheirOwnComplaints() {
        Api.Resident owner = api().newResident();
        Api.Resident other = api().newResident();
        String id = submit(owner.token(), complaintInput(newRequestId(), List.of()))
                .path("submitComplaint.complaint.id").entity(String.class).get();

        // null, as for an unknown id: no existence oracle (issue 14, ADR 0030; was FORBIDDEN)
        operation(api().as(other.token()), "ComplaintDetail").variable("id", id).execute()
                .path("complaint").valueIsNull();
        operation(api().as(other.token()), "MyComplaints").execute()
                .path("myComplaints.edges").entityList(Object.class).hasSize(0);
        operation(api().as(owner.token()), "ComplaintDetail").variable("id", id).execute()
                .path("complaint.id").entity(String.class).isEqualTo(id);
    }
}
