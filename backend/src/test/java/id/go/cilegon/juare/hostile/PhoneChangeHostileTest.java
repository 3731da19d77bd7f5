package id.go.cilegon.juare.hostile;

import static id.go.cilegon.juare.support.Api.operation;
import static org.assertj.core.api.Assertions.assertThat;

import id.go.cilegon.juare.notify.PhoneMask;
import id.go.cilegon.juare.support.Api;
import id.go.cilegon.juare.support.IntegrationTest;
import id.go.cilegon.juare.support.TestData;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.GraphQlTester;

/**
 * Issue 10, item 1: the number-change procedure cannot be used to take an account. A stranger who knows a NIK cannot
 * pass the old-number check, and a lost-number request gives nothing until an operator approves it, while the owner
 * is warned on the registered number.
 */
@Tag("hostile")
class PhoneChangeHostileTest extends IntegrationTest {

    private GraphQlTester.Response requestChange(String nik, String newPhone, boolean lost) {
        return operation(api().anonymous(), "RequestPhoneChange")
                .variable("input", Map.of("nik", nik, "newPhone", newPhone, "oldNumberLost", lost)).execute();
    }

    private GraphQlTester.Response confirm(String id, String newCode, String oldCode) {
        Map<String, Object> input = new HashMap<>();
        input.put("challengeId", id);
        input.put("newCode", newCode);
        if (oldCode != null) {
            input.put("oldCode", oldCode);
        }
        return operation(api().anonymous(), "ConfirmPhoneChange").variable("input", input).execute();
    }

    private byte[] phoneHashOf(String residentId) {
        return db.sql("SELECT phone_hash FROM resident WHERE id = :id").bind("id", UUID.fromString(residentId))
                .map(row -> row.get("phone_hash", byte[].class)).one().block();
    }

    @Test
    void aStrangerCannotPassTheOldNumberCheck() {
        Api.Resident victim = api().newResident();
        byte[] before = phoneHashOf(victim.id());
        String stranger = TestData.phone();
        String id = requestChange(victim.nik(), stranger, false).path("requestPhoneChange.challenge.id").entity(String.class).get();
        String strangersCode = WHATSAPP.lastCodeFor(TestData.e164(stranger));
        String victimsCode = WHATSAPP.lastCodeFor(TestData.e164(victim.phone()));
        int refused = 0;
        for (int i = 0; i < 5; i++) {
            String guess = String.format("%06d", i);
            if (guess.equals(victimsCode)) {
                guess = "999999";
            }
            confirm(id, strangersCode, guess).path("confirmPhoneChange.errors[0].code").entity(String.class).isEqualTo("OTP_WRONG")
                    .path("confirmPhoneChange.session").valueIsNull();
            refused++;
        }
        // even the right code is too late now
        confirm(id, strangersCode, victimsCode).path("confirmPhoneChange.errors[0].code").entity(String.class)
                .isEqualTo("OTP_TOO_MANY_ATTEMPTS");
        assertThat(phoneHashOf(victim.id())).isEqualTo(before);
        System.out.println("HOSTILE phone-change-old-number: 6 confirmations by a stranger, refused " + (refused + 1)
                + "/6, victim phone changed false");
    }

    @Test
    void aLostNumberRequestGivesNothingUntilApprovedAndWarnsTheOwner() {
        Api.Resident victim = api().newResident();
        byte[] before = phoneHashOf(victim.id());
        String stranger = TestData.phone();
        String id = requestChange(victim.nik(), stranger, true).path("requestPhoneChange.challenge.id").entity(String.class).get();
        GraphQlTester.Response filed = confirm(id, WHATSAPP.lastCodeFor(TestData.e164(stranger)), null);
        filed.path("confirmPhoneChange.status").entity(String.class).isEqualTo("PENDING");
        filed.path("confirmPhoneChange.session").valueIsNull();
        filed.path("confirmPhoneChange.resident").valueIsNull();

        // sign-in codes still go to the victim's number, and the victim's number is warned
        operation(api().anonymous(), "RequestOtp").variable("input", Map.of("nik", victim.nik(), "phone", stranger)).execute()
                .path("requestOtp.challenge.maskedPhone").entity(String.class).isEqualTo(PhoneMask.mask(TestData.e164(victim.phone())));
        long warnings = db.sql("SELECT count(*) AS n FROM notification_outbox WHERE phone_masked = :m AND kind = 'PHONE_CHANGE_REQUESTED'")
                .bind("m", PhoneMask.mask(TestData.e164(victim.phone())))
                .map(row -> row.get("n", Long.class)).one().block();
        assertThat(warnings).isEqualTo(1);
        assertThat(phoneHashOf(victim.id())).isEqualTo(before);
        // no plaintext number or NIK in the events
        List<String> details = db.sql("SELECT coalesce(detail, '') AS d FROM resident_event WHERE resident_id = :id")
                .bind("id", UUID.fromString(victim.id())).map(row -> row.get("d", String.class)).all().collectList().block();
        assertThat(details).allSatisfy(d -> assertThat(d).doesNotContain(stranger.substring(1)).doesNotContain(victim.nik()));
        // the upload needs the request's token; another request's id with no token is refused
        api().http().post().uri("/api/phone-changes/" + id + "/ktp-photo")
                .contentType(org.springframework.http.MediaType.MULTIPART_FORM_DATA).bodyValue("x").exchange()
                .expectStatus().isNotFound();
        System.out.println("HOSTILE phone-change-lost-number: 1 stranger request, session given 0, sign-in codes to stranger 0, "
                + "owner warned " + warnings + ", victim phone changed false");
    }

    @Test
    void parallelGuessesAtAChangeCountEveryAttempt() throws Exception {
        Api.Resident victim = api().newResident();
        String stranger = TestData.phone();
        String id = requestChange(victim.nik(), stranger, false).path("requestPhoneChange.challenge.id").entity(String.class).get();
        String strangersCode = WHATSAPP.lastCodeFor(TestData.e164(stranger));
        String victimsCode = WHATSAPP.lastCodeFor(TestData.e164(victim.phone()));
        ExecutorService pool = Executors.newFixedThreadPool(20);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<String>> results = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String guess = String.format("%06d", 100 + i);
            String g = guess.equals(victimsCode) ? "999999" : guess;
            results.add(pool.submit(() -> {
                start.await();
                return confirm(id, strangersCode, g).path("confirmPhoneChange.errors[0].code").entity(String.class).get();
            }));
        }
        start.countDown();
        int wrong = 0;
        int tooMany = 0;
        for (Future<String> result : results) {
            String code = result.get();
            wrong += code.equals("OTP_WRONG") ? 1 : 0;
            tooMany += code.equals("OTP_TOO_MANY_ATTEMPTS") ? 1 : 0;
        }
        pool.shutdownNow();
        System.out.println("HOSTILE phone-change-race: 20 parallel guesses, checked " + wrong + "/5, refused unchecked " + tooMany);
        assertThat(wrong).isEqualTo(5);
        assertThat(tooMany).isEqualTo(15);
    }
}
