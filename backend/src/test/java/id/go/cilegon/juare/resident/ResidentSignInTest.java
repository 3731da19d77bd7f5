package id.go.cilegon.juare.resident;

import static id.go.cilegon.juare.support.Api.operation;
import static org.assertj.core.api.Assertions.assertThat;

import id.go.cilegon.juare.support.Api;
import id.go.cilegon.juare.support.IntegrationTest;
import id.go.cilegon.juare.support.TestData;
import id.go.cilegon.juare.support.WhatsAppStub;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.GraphQlTester;

/** requestOtp, verifyOtp, refreshSession and me over real HTTP against PostgreSQL. */
class ResidentSignInTest extends IntegrationTest {

    private GraphQlTester.Response requestOtp(String nik, String phone) {
        return operation(api().anonymous(), "RequestOtp")
                .variable("input", Map.of("nik", nik, "phone", phone))
                .execute();
    }

    private GraphQlTester.Response verifyOtp(String challengeId, String code, String name) {
        Map<String, Object> input = name == null
                ? Map.of("challengeId", challengeId, "code", code)
                : Map.of("challengeId", challengeId, "code", code, "name", name);
        return operation(api().anonymous(), "VerifyOtp").variable("input", input).execute();
    }

    private static String challengeId(GraphQlTester.Response response) {
        return response.path("requestOtp.challenge.id").entity(String.class).get();
    }

    private static void hasError(GraphQlTester.Response response, String path, String code, String field) {
        response.path(path + ".errors[0].code").entity(String.class).isEqualTo(code);
        if (field != null) {
            response.path(path + ".errors[0].field").entity(String.class).isEqualTo(field);
        }
        response.path(path + ".errors[0].message").entity(String.class).satisfies(m -> assertThat(m).isNotBlank());
    }

    @Test
    void invalidNikAndPhoneAreTypedErrors() {
        GraphQlTester.Response badNik = requestOtp("3601011203900001", TestData.phone());
        hasError(badNik, "requestOtp", "INVALID_NIK", "nik");
        badNik.path("requestOtp.challenge").valueIsNull();

        hasError(requestOtp(TestData.nik(), "0214567890"), "requestOtp", "INVALID_PHONE", "phone");
        hasError(requestOtp("3672011303900000", TestData.phone()), "requestOtp", "INVALID_NIK", "nik");
    }

    @Test
    void aCodeGoesToWhatsAppThroughTheCloudApi() {
        String phone = TestData.phone();
        GraphQlTester.Response response = requestOtp(TestData.nik(), phone);
        response.path("requestOtp.errors").entityList(Object.class).hasSize(0);
        response.path("requestOtp.challenge.maskedPhone").entity(String.class)
                .satisfies(masked -> assertThat(masked).startsWith("+62812").contains("•").doesNotContain(phone.substring(4, 9)));
        response.path("requestOtp.challenge.expiresAt").entity(String.class)
                .satisfies(at -> assertThat(Instant.parse(at)).isBetween(Instant.now().plusSeconds(240), Instant.now().plusSeconds(310)));

        String code = WHATSAPP.lastCodeFor(TestData.e164(phone));
        assertThat(code).matches("\\d{6}");
        WhatsAppStub.Request sent = WHATSAPP.requests().reversed().stream()
                .filter(r -> r.to().equals(TestData.e164(phone).substring(1)))
                .findFirst().orElseThrow();
        assertThat(sent.path()).isEqualTo("/v21.0/" + WhatsAppStub.PHONE_NUMBER_ID + "/messages");
        assertThat(sent.authorization()).isEqualTo("Bearer " + WhatsAppStub.ACCESS_TOKEN);
        assertThat(sent.body().path("type").asString()).isEqualTo("template");
        assertThat(sent.body().path("template").path("language").path("code").asString()).isEqualTo("id");
    }

    @Test
    void firstSignInCreatesTheResidentWithANameAndShowsTheNikMasked() {
        String nik = TestData.nik();
        String phone = TestData.phone();
        String challenge = challengeId(requestOtp(nik, phone));
        String code = WHATSAPP.lastCodeFor(TestData.e164(phone));

        hasError(verifyOtp(challenge, code, null), "verifyOtp", "NAME_REQUIRED", "name");

        GraphQlTester.Response ok = verifyOtp(challenge, code, "Siti Aminah");
        ok.path("verifyOtp.errors").entityList(Object.class).hasSize(0);
        ok.path("verifyOtp.resident.name").entity(String.class).isEqualTo("Siti Aminah");
        ok.path("verifyOtp.resident.maskedNik").entity(String.class).isEqualTo(nik.substring(0, 4) + "••••••••" + nik.substring(12));
        String token = ok.path("verifyOtp.session.accessToken").entity(String.class).get();

        operation(api().as(token), "Me").execute()
                .path("me.name").entity(String.class).isEqualTo("Siti Aminah")
                .path("me.maskedNik").entity(String.class).satisfies(m -> assertThat(m).doesNotContain(nik.substring(4, 12)));

        // the code works once
        hasError(verifyOtp(challenge, code, "Siti Aminah"), "verifyOtp", "OTP_EXPIRED", "code");
    }

    @Test
    void wrongCodesCountAndFiveEndTheChallenge() {
        String phone = TestData.phone();
        String challenge = challengeId(requestOtp(TestData.nik(), phone));
        String code = WHATSAPP.lastCodeFor(TestData.e164(phone));
        String wrong = code.equals("000000") ? "111111" : "000000";
        for (int i = 0; i < 5; i++) {
            hasError(verifyOtp(challenge, wrong, "Budi"), "verifyOtp", "OTP_WRONG", "code");
        }
        hasError(verifyOtp(challenge, code, "Budi"), "verifyOtp", "OTP_TOO_MANY_ATTEMPTS", "code");
    }

    @Test
    void anExpiredCodeIsRefused() {
        String phone = TestData.phone();
        String challenge = challengeId(requestOtp(TestData.nik(), phone));
        String code = WHATSAPP.lastCodeFor(TestData.e164(phone));
        db.sql("UPDATE otp_challenge SET expires_at = now() - interval '1 second' WHERE id = :id")
                .bind("id", UUID.fromString(challenge))
                .then()
                .block();
        hasError(verifyOtp(challenge, code, "Budi"), "verifyOtp", "OTP_EXPIRED", "code");
        hasError(verifyOtp(UUID.randomUUID().toString(), code, "Budi"), "verifyOtp", "OTP_EXPIRED", "code");
        // a malformed challenge id answers as an unknown one (issue 14, ADR 0030; the field was challengeId)
        hasError(verifyOtp("not-a-uuid", code, "Budi"), "verifyOtp", "OTP_EXPIRED", "code");
    }

    @Test
    void aRegisteredNiksCodeGoesToItsRegisteredNumberAndSignInNeverChangesIt() {
        String nik = TestData.nik();
        String phone = TestData.phone();
        Api.Resident first = api().signIn(nik, phone, "Ahmad");
        String otherPhone = TestData.phone();

        GraphQlTester.Response requested = requestOtp(nik, otherPhone);
        requested.path("requestOtp.errors").entityList(Object.class).hasSize(0);
        requested.path("requestOtp.challenge.maskedPhone").entity(String.class)
                .satisfies(m -> assertThat(m).endsWith(phone.substring(phone.length() - 3)).contains("•"));
        String code = WHATSAPP.lastCodeFor(TestData.e164(phone));
        GraphQlTester.Response ok = verifyOtp(challengeId(requested), code, "Ahmad Baru");
        ok.path("verifyOtp.errors").entityList(Object.class).hasSize(0);
        ok.path("verifyOtp.resident.id").entity(String.class).isEqualTo(first.id());
        ok.path("verifyOtp.resident.name").entity(String.class).isEqualTo("Ahmad");
        ok.path("verifyOtp.resident.maskedPhone").entity(String.class).satisfies(m -> assertThat(m).endsWith(phone.substring(phone.length() - 3)));
        assertThat(WHATSAPP.requests()).noneMatch(r -> r.to().equals(TestData.e164(otherPhone).substring(1)));
        long residents = db.sql("SELECT count(*) AS n FROM resident WHERE id = :id")
                .bind("id", UUID.fromString(first.id()))
                .map(row -> row.get("n", Long.class))
                .one()
                .block();
        assertThat(residents).isEqualTo(1);
    }

    @Test
    void codeRequestsAreLimitedPerPhoneAndPerNik() {
        String phone = TestData.phone();
        for (int i = 0; i < 5; i++) {
            requestOtp(TestData.nik(), phone).path("requestOtp.errors").entityList(Object.class).hasSize(0);
        }
        hasError(requestOtp(TestData.nik(), phone), "requestOtp", "RATE_LIMITED", null);

        // per NIK at a higher ceiling (10): the owner's own pair keeps its own allowance
        String nik = TestData.nik();
        for (int i = 0; i < 10; i++) {
            requestOtp(nik, TestData.phone()).path("requestOtp.errors").entityList(Object.class).hasSize(0);
        }
        hasError(requestOtp(nik, TestData.phone()), "requestOtp", "RATE_LIMITED", null);

        // per (NIK, phone) pair
        String pairNik = TestData.nik();
        String pairPhone = TestData.phone();
        for (int i = 0; i < 5; i++) {
            requestOtp(pairNik, pairPhone).path("requestOtp.errors").entityList(Object.class).hasSize(0);
        }
        hasError(requestOtp(pairNik, pairPhone), "requestOtp", "RATE_LIMITED", null);
    }

    @Test
    void aGatewayFailureIsATypedError() {
        WHATSAPP.failWith(500);
        try {
            hasError(requestOtp(TestData.nik(), TestData.phone()), "requestOtp", "OTP_DELIVERY_FAILED", null);
        } finally {
            WHATSAPP.failWith(0);
        }
    }

    @Test
    void aRefreshTokenWorksOnceAndGivesANewSession() {
        Api.Resident resident = api().newResident();
        GraphQlTester.Response refreshed = operation(api().anonymous(), "RefreshSession")
                .variable("input", Map.of("refreshToken", resident.refreshToken()))
                .execute();
        refreshed.path("refreshSession.errors").entityList(Object.class).hasSize(0);
        String newToken = refreshed.path("refreshSession.session.accessToken").entity(String.class).get();
        operation(api().as(newToken), "Me").execute().path("me.id").entity(String.class).isEqualTo(resident.id());

        GraphQlTester.Response replayed = operation(api().anonymous(), "RefreshSession")
                .variable("input", Map.of("refreshToken", resident.refreshToken()))
                .execute();
        hasError(replayed, "refreshSession", "INVALID_REFRESH_TOKEN", "refreshToken");
    }

    @Test
    void meNeedsASignedInResident() {
        operation(api().anonymous(), "Me").execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(e -> assertThat(e.getExtensions()).containsEntry("code", "UNAUTHENTICATED")));
    }

    @Test
    void aForgedTokenIsRefused() {
        // issue 14: a token that is not taken makes the request nobody's (not HTTP 401); `me` needs a caller
        api().http().post().uri("/graphql")
                .header("Authorization", "Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl")
                .header("Content-Type", "application/json")
                .bodyValue(Map.of("query", "{ me { id } }"))
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.errors[0].extensions.code").isEqualTo("UNAUTHENTICATED")
                .jsonPath("$.errors[0].extensions.reason").isEqualTo("TOKEN_INVALID");
    }
}
