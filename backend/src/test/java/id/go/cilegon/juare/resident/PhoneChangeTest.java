package id.go.cilegon.juare.resident;

import static id.go.cilegon.juare.support.Api.operation;
import static org.assertj.core.api.Assertions.assertThat;

import id.go.cilegon.juare.notify.PhoneMask;
import id.go.cilegon.juare.support.Api;
import id.go.cilegon.juare.support.Images;
import id.go.cilegon.juare.support.IntegrationTest;
import id.go.cilegon.juare.support.Staff;
import id.go.cilegon.juare.support.TestData;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

/** Changing a resident's number: with the old number, or with the old number lost and an operator's KTP check. */
class PhoneChangeTest extends IntegrationTest {

    GraphQlTester.Response requestChange(String nik, String newPhone, boolean lost) {
        return operation(api().anonymous(), "RequestPhoneChange")
                .variable("input", Map.of("nik", nik, "newPhone", newPhone, "oldNumberLost", lost))
                .execute();
    }

    GraphQlTester.Response confirm(String id, String newCode, String oldCode, String proof) {
        Map<String, Object> input = new HashMap<>();
        input.put("challengeId", id);
        input.put("newCode", newCode);
        if (oldCode != null) {
            input.put("oldCode", oldCode);
        }
        if (proof != null) {
            input.put("ktpProof", proof);
        }
        return operation(api().anonymous(), "ConfirmPhoneChange").variable("input", input).execute();
    }

    List<String> eventTypes(String residentId) {
        return db.sql("SELECT type FROM resident_event WHERE resident_id = :id ORDER BY id")
                .bind("id", UUID.fromString(residentId))
                .map(row -> row.get("type", String.class))
                .all().collectList().block();
    }

    long outboxTo(String phone, String kind) {
        return db.sql("SELECT count(*) AS n FROM notification_outbox WHERE phone_masked = :masked AND kind = :kind")
                .bind("masked", PhoneMask.mask(TestData.e164(phone)))
                .bind("kind", kind)
                .map(row -> row.get("n", Long.class))
                .one().block();
    }

    String maskedPhoneOf(String token) {
        return operation(api().as(token), "Me").execute().path("me.maskedPhone").entity(String.class).get();
    }

    /** Where a sign-in code for this NIK goes now. */
    String signInCodeGoesTo(String nik) {
        return operation(api().anonymous(), "RequestOtp").variable("input", Map.of("nik", nik, "phone", TestData.phone())).execute()
                .path("requestOtp.challenge.maskedPhone").entity(String.class).get();
    }

    @Test
    void withTheOldNumberBothCodesChangeItAtOnceAndTheOldNumberIsTold() {
        Api.Resident resident = api().newResident();
        String newPhone = TestData.phone();
        GraphQlTester.Response requested = requestChange(resident.nik(), newPhone, false);
        requested.path("requestPhoneChange.errors").entityList(Object.class).hasSize(0);
        requested.path("requestPhoneChange.challenge.oldMaskedPhone").entity(String.class)
                .isEqualTo(PhoneMask.mask(TestData.e164(resident.phone())));
        requested.path("requestPhoneChange.challenge.newMaskedPhone").entity(String.class).isEqualTo(PhoneMask.mask(TestData.e164(newPhone)));
        String id = requested.path("requestPhoneChange.challenge.id").entity(String.class).get();
        String oldCode = WHATSAPP.lastCodeFor(TestData.e164(resident.phone()));
        String newCode = WHATSAPP.lastCodeFor(TestData.e164(newPhone));

        // the new number alone is not enough
        confirm(id, newCode, "000000".equals(oldCode) ? "111111" : "000000", null)
                .path("confirmPhoneChange.errors[0].code").entity(String.class).isEqualTo("OTP_WRONG")
                .path("confirmPhoneChange.errors[0].field").entity(String.class).isEqualTo("oldCode");

        GraphQlTester.Response done = confirm(id, newCode, oldCode, null);
        done.path("confirmPhoneChange.errors").entityList(Object.class).hasSize(0);
        done.path("confirmPhoneChange.status").entity(String.class).isEqualTo("DONE");
        done.path("confirmPhoneChange.resident.id").entity(String.class).isEqualTo(resident.id());
        String token = done.path("confirmPhoneChange.session.accessToken").entity(String.class).get();
        assertThat(maskedPhoneOf(token)).isEqualTo(PhoneMask.mask(TestData.e164(newPhone)));
        assertThat(eventTypes(resident.id())).containsExactly("REGISTERED", "PHONE_CHANGED");
        assertThat(outboxTo(resident.phone(), "PHONE_CHANGED")).isEqualTo(1);
        assertThat(signInCodeGoesTo(resident.nik())).isEqualTo(PhoneMask.mask(TestData.e164(newPhone)));
        // the sessions of the old number's device end
        operation(api().anonymous(), "RefreshSession").variable("input", Map.of("refreshToken", resident.refreshToken())).execute()
                .path("refreshSession.errors[0].code").entity(String.class).isEqualTo("INVALID_REFRESH_TOKEN");
        // used once
        confirm(id, newCode, oldCode, null).path("confirmPhoneChange.errors[0].code").entity(String.class).isEqualTo("OTP_EXPIRED");
    }

    record Pending(String id, String uploadUrl, String uploadToken) {
    }

    Pending fileLostNumberRequest(Api.Resident resident, String newPhone, String proof) {
        int before = WHATSAPP.requests().size();
        GraphQlTester.Response requested = requestChange(resident.nik(), newPhone, true);
        requested.path("requestPhoneChange.challenge.oldMaskedPhone").valueIsNull();
        String id = requested.path("requestPhoneChange.challenge.id").entity(String.class).get();
        String newCode = WHATSAPP.lastCodeFor(TestData.e164(newPhone));
        assertThat(WHATSAPP.requests().subList(before, WHATSAPP.requests().size()))
                .noneMatch(r -> r.to().equals(TestData.e164(resident.phone()).substring(1)));
        GraphQlTester.Response filed = confirm(id, newCode, null, proof);
        filed.path("confirmPhoneChange.errors").entityList(Object.class).hasSize(0);
        filed.path("confirmPhoneChange.status").entity(String.class).isEqualTo("PENDING");
        filed.path("confirmPhoneChange.session").valueIsNull();
        if ("PHOTO".equals(proof)) {
            return new Pending(id, filed.path("confirmPhoneChange.ktpUpload.url").entity(String.class).get(),
                    filed.path("confirmPhoneChange.ktpUpload.token").entity(String.class).get());
        }
        filed.path("confirmPhoneChange.ktpUpload").valueIsNull();
        return new Pending(id, null, null);
    }

    WebTestClient.ResponseSpec uploadKtp(String url, String token, byte[] content) {
        MultipartBodyBuilder body = new MultipartBodyBuilder();
        body.part("file", new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return "ktp.jpg";
            }
        }).contentType(MediaType.IMAGE_JPEG);
        WebTestClient.RequestBodySpec request = api().http().post().uri(url);
        if (token != null) {
            request = request.header("X-Upload-Token", token);
        }
        return request.contentType(MediaType.MULTIPART_FORM_DATA).body(BodyInserters.fromMultipartData(body.build())).exchange();
    }

    WebTestClient.ResponseSpec getPhoto(String url, String token) {
        return api().http().get().uri(url).header(HttpHeaders.AUTHORIZATION, "Bearer " + token).exchange();
    }

    Map<String, Object> queued(String operatorToken, String requestId) {
        String after = null;
        for (int page = 0; page < 50; page++) {
            Map<String, Object> variables = new HashMap<>();
            variables.put("first", 20);
            variables.put("after", after);
            GraphQlTester.Response response = operation(api().as(operatorToken), "PhoneChangeQueue").variables(variables).execute();
            List<Map<String, Object>> edges = response.path("phoneChangeQueue.edges[*].node").entityList(Map.class).get()
                    .stream().map(m -> (Map<String, Object>) m).toList();
            for (Map<String, Object> node : edges) {
                if (requestId.equals(node.get("id"))) {
                    return node;
                }
            }
            if (!response.path("phoneChangeQueue.pageInfo.hasNextPage").entity(Boolean.class).get()) {
                return null;
            }
            after = response.path("phoneChangeQueue.pageInfo.endCursor").entity(String.class).get();
        }
        return null;
    }

    @Test
    void oldNumberLostWithAKtpPhotoAnOperatorApproves() {
        Staff staff = new Staff(api());
        Staff.Member operator = staff.operator();
        Api.Resident resident = api().newResident();
        String newPhone = TestData.phone();
        Pending pending = fileLostNumberRequest(resident, newPhone, "PHOTO");

        // a pending request gives no access: sign-in codes still go to the registered number
        assertThat(signInCodeGoesTo(resident.nik())).isEqualTo(PhoneMask.mask(TestData.e164(resident.phone())));

        // the upload needs the request's token
        uploadKtp(pending.uploadUrl(), "wrong-token", Images.jpeg(800, 500)).expectStatus().isNotFound();
        uploadKtp(pending.uploadUrl(), pending.uploadToken(), Images.jpeg(800, 500)).expectStatus().isCreated();
        uploadKtp(pending.uploadUrl(), pending.uploadToken(), Images.jpeg(800, 500)).expectStatus().isNotFound();

        Map<String, Object> node = queued(operator.token(), pending.id());
        assertThat(node).isNotNull();
        assertThat(node.get("proof")).isEqualTo("PHOTO");
        assertThat(node.get("newMaskedPhone")).isEqualTo(PhoneMask.mask(TestData.e164(newPhone)));
        assertThat(node.get("oldMaskedPhone")).isEqualTo(PhoneMask.mask(TestData.e164(resident.phone())));
        assertThat((String) node.get("maskedNik")).contains("•");
        // a signed URL (ADR 0032), handed out only to operators: fetched with no header
        String signedUrl = (String) node.get("ktpPhotoUrl");
        assertThat(signedUrl).matches("https?://[^/]+/api/photos/[0-9a-f-]{36}\\?exp=[0-9]+&sig=[A-Za-z0-9_-]+");
        api().http().get().uri(java.net.URI.create(signedUrl)).exchange().expectStatus().isOk();
        assertThat((String) node.get("ktpThumbnailUrl")).contains("/thumbnail?exp=");
        String photoUrl = java.net.URI.create(signedUrl).getPath();

        // the KTP photo with a bearer token: operators only
        getPhoto(photoUrl, operator.token()).expectStatus().isOk();
        getPhoto(photoUrl, resident.token()).expectStatus().isNotFound();
        getPhoto(photoUrl, staff.responder("DPUPR").token()).expectStatus().isNotFound();
        getPhoto(photoUrl, staff.create("MAYOR", null).token()).expectStatus().isNotFound();

        GraphQlTester.Response approved = operation(api().as(operator.token()), "ApprovePhoneChange")
                .variable("input", Map.of("requestId", pending.id())).execute();
        approved.path("approvePhoneChange.errors").entityList(Object.class).hasSize(0);
        approved.path("approvePhoneChange.request.status").entity(String.class).isEqualTo("APPROVED");
        assertThat(signInCodeGoesTo(resident.nik())).isEqualTo(PhoneMask.mask(TestData.e164(newPhone)));
        assertThat(eventTypes(resident.id())).containsExactly("REGISTERED", "PHONE_CHANGE_REQUESTED", "PHONE_CHANGE_APPROVED");
        assertThat(outboxTo(newPhone, "PHONE_CHANGE_APPROVED")).isEqualTo(1);
        assertThat(queued(operator.token(), pending.id())).isNull();
        // decided once
        operation(api().as(operator.token()), "RejectPhoneChange")
                .variable("input", Map.of("requestId", pending.id(), "reason", "Foto KTP tidak jelas")).execute()
                .path("rejectPhoneChange.errors[0].code").entity(String.class).isEqualTo("NOT_FOUND");
    }

    @Test
    void oldNumberLostKtpAtTheOfficeAnOperatorRejectsWithAReason() {
        Staff.Member operator = new Staff(api()).operator();
        Api.Resident resident = api().newResident();
        String newPhone = TestData.phone();
        Pending pending = fileLostNumberRequest(resident, newPhone, null);
        assertThat(queued(operator.token(), pending.id())).containsEntry("proof", "AT_OFFICE");

        operation(api().as(operator.token()), "RejectPhoneChange")
                .variable("input", Map.of("requestId", pending.id(), "reason", "x")).execute()
                .path("rejectPhoneChange.errors[0].code").entity(String.class).isEqualTo("INVALID_INPUT");
        GraphQlTester.Response rejected = operation(api().as(operator.token()), "RejectPhoneChange")
                .variable("input", Map.of("requestId", pending.id(), "reason", "Tidak datang ke kelurahan")).execute();
        rejected.path("rejectPhoneChange.errors").entityList(Object.class).hasSize(0);
        rejected.path("rejectPhoneChange.request.status").entity(String.class).isEqualTo("REJECTED");
        rejected.path("rejectPhoneChange.request.reason").entity(String.class).isEqualTo("Tidak datang ke kelurahan");
        assertThat(maskedPhoneOf(resident.token())).isEqualTo(PhoneMask.mask(TestData.e164(resident.phone())));
        assertThat(eventTypes(resident.id())).containsExactly("REGISTERED", "PHONE_CHANGE_REQUESTED", "PHONE_CHANGE_REJECTED");
        assertThat(outboxTo(newPhone, "PHONE_CHANGE_REJECTED")).isEqualTo(1);
    }

    @Test
    void theQueueIsPagedOldestFirst() {
        Staff.Member operator = new Staff(api()).operator();
        String first = fileLostNumberRequest(api().newResident(), TestData.phone(), null).id();
        String second = fileLostNumberRequest(api().newResident(), TestData.phone(), null).id();
        Map<String, Object> a = queued(operator.token(), first);
        Map<String, Object> b = queued(operator.token(), second);
        assertThat(a).isNotNull();
        assertThat(b).isNotNull();
        assertThat(java.time.Instant.parse((String) a.get("createdAt"))).isBeforeOrEqualTo(java.time.Instant.parse((String) b.get("createdAt")));
        operation(api().as(operator.token()), "PhoneChangeQueue").variable("first", 0).execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(e -> assertThat(e.getExtensions()).containsEntry("code", "INVALID_INPUT")));
    }

    @Test
    void anUnknownNikGetsTheSameShapeAndNoRequest() {
        String nik = TestData.nik();
        String newPhone = TestData.phone();
        GraphQlTester.Response requested = requestChange(nik, newPhone, false);
        requested.path("requestPhoneChange.errors").entityList(Object.class).hasSize(0);
        requested.path("requestPhoneChange.challenge.oldMaskedPhone").entity(String.class).satisfies(m -> assertThat(m).contains("•"));
        String id = requested.path("requestPhoneChange.challenge.id").entity(String.class).get();
        String newCode = WHATSAPP.lastCodeFor(TestData.e164(newPhone));
        confirm(id, newCode, "123456", null).path("confirmPhoneChange.errors[0].code").entity(String.class).isEqualTo("OTP_WRONG");

        String lostId = requestChange(nik, newPhone, true).path("requestPhoneChange.challenge.id").entity(String.class).get();
        String lostCode = WHATSAPP.lastCodeFor(TestData.e164(newPhone));
        confirm(lostId, lostCode, null, null).path("confirmPhoneChange.errors[0].code").entity(String.class).isEqualTo("NOT_FOUND");
    }
}
