package id.go.cilegon.juare.hostile;

import static id.go.cilegon.juare.support.Api.operation;
import static org.assertj.core.api.Assertions.assertThat;

import id.go.cilegon.juare.support.Api;
import id.go.cilegon.juare.support.IntegrationTest;
import id.go.cilegon.juare.support.Live;
import id.go.cilegon.juare.support.TestData;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.GraphQlTester;

/**
 * Issue 10, items 1 and 6: an identity that belongs to its owner. A stranger who knows a NIK (not a secret) cannot
 * sign in as its owner, cannot move the account to their number, cannot use up the owner's allowance of codes, and
 * learns nothing from the shape of the answers. Limits hold under parallel requests.
 */
@Tag("hostile")
class SignInHostileTest extends IntegrationTest {

    private GraphQlTester.Response requestOtp(String nik, String phone) {
        return operation(api().anonymous(), "RequestOtp").variable("input", Map.of("nik", nik, "phone", phone)).execute();
    }

    private GraphQlTester.Response verifyOtp(String challengeId, String code, String name) {
        Map<String, Object> input = name == null
                ? Map.of("challengeId", challengeId, "code", code)
                : Map.of("challengeId", challengeId, "code", code, "name", name);
        return operation(api().anonymous(), "VerifyOtp").variable("input", input).execute();
    }

    private static String to(String localPhone) {
        return TestData.e164(localPhone).substring(1);
    }

    private byte[] phoneHashOf(String residentId) {
        return db.sql("SELECT phone_hash FROM resident WHERE id = :id")
                .bind("id", UUID.fromString(residentId))
                .map(row -> row.get("phone_hash", byte[].class))
                .one()
                .block();
    }

    @Test
    void aStrangerWithTheVictimsNikAndTheirOwnPhoneGetsNoCodeAndNoAccount() {
        Api.Resident victim = api().newResident();
        String complaint = Live.submitComplaint(api(), victim.token());
        byte[] phoneBefore = phoneHashOf(victim.id());
        String stranger = TestData.phone();
        int messagesBefore = WHATSAPP.requests().size();

        GraphQlTester.Response requested = requestOtp(victim.nik(), stranger);
        requested.path("requestOtp.errors").entityList(Object.class).hasSize(0);
        String masked = requested.path("requestOtp.challenge.maskedPhone").entity(String.class).get();
        String challenge = requested.path("requestOtp.challenge.id").entity(String.class).get();

        // the code went to the victim's registered number, none to the stranger's
        String victimsCode = WHATSAPP.lastCodeFor(TestData.e164(victim.phone()));
        List<String> recipients = WHATSAPP.requests().subList(messagesBefore, WHATSAPP.requests().size()).stream()
                .map(r -> r.to()).toList();
        assertThat(recipients).doesNotContain(to(stranger)).contains(to(victim.phone()));
        assertThat(masked).contains("•").endsWith(victim.phone().substring(victim.phone().length() - 3))
                .doesNotContain(victim.phone().substring(4, 9));

        // every guess is wrong and the fifth ends the challenge
        String wrong = victimsCode.equals("000000") ? "111111" : "000000";
        int refused = 0;
        for (int i = 0; i < 5; i++) {
            GraphQlTester.Response guess = verifyOtp(challenge, wrong, "Penyusup");
            guess.path("verifyOtp.session").valueIsNull();
            guess.path("verifyOtp.errors[0].code").entity(String.class).isEqualTo("OTP_WRONG");
            refused++;
        }
        verifyOtp(challenge, victimsCode, "Penyusup").path("verifyOtp.errors[0].code").entity(String.class)
                .isEqualTo("OTP_TOO_MANY_ATTEMPTS");

        // the victim's number is unchanged and the victim's complaint unreachable without the victim's token
        assertThat(phoneHashOf(victim.id())).isEqualTo(phoneBefore);
        operation(api().anonymous(), "ComplaintDetail").variable("id", complaint).execute()
                .errors().satisfy(errors -> assertThat(errors).isNotEmpty());
        // the victim still signs in with their own number
        Api.Resident again = api().signIn(victim.nik(), victim.phone(), "Warga Uji");
        assertThat(again.id()).isEqualTo(victim.id());
        System.out.println("HOSTILE takeover: 1 stranger request, codes to stranger 0, guesses refused " + refused
                + "/5, victim phone changed false, complaint reachable false");
    }

    @Test
    void madeUpPhonesCannotUseUpTheOwnersAllowance() {
        Api.Resident owner = api().newResident();
        int accepted = 0;
        int limited = 0;
        for (int i = 0; i < 25; i++) {
            GraphQlTester.Response response = requestOtp(owner.nik(), TestData.phone());
            List<Object> errors = response.path("requestOtp.errors").entityList(Object.class).get();
            if (errors.isEmpty()) {
                accepted++;
            } else {
                response.path("requestOtp.errors[0].code").entity(String.class).isEqualTo("RATE_LIMITED");
                limited++;
            }
        }
        // at most 5 codes reach the owner's number from strangers in the window
        assertThat(accepted).isLessThanOrEqualTo(5);
        Api.Resident signedIn = api().signIn(owner.nik(), owner.phone(), "Warga Uji");
        assertThat(signedIn.id()).isEqualTo(owner.id());
        System.out.println("HOSTILE nik-allowance: 25 requests with made-up phones, accepted " + accepted + ", limited " + limited
                + ", owner signed in afterwards true");
    }

    @Test
    void parallelRequestsCannotSlipPastTheLimits() throws Exception {
        // 30 at once for one (NIK, phone) pair: limit 5
        String nik = TestData.nik();
        String phone = TestData.phone();
        int pair = countAccepted(30, () -> requestOtp(nik, phone));
        // 30 at once for one NIK with made-up phones: limit 10 per NIK
        String nik2 = TestData.nik();
        int perNik = countAccepted(30, () -> requestOtp(nik2, TestData.phone()));
        // 30 at once for one phone with made-up NIKs: limit 5 per number a code goes to
        String phone3 = TestData.phone();
        int perPhone = countAccepted(30, () -> requestOtp(TestData.nik(), phone3));
        System.out.println("HOSTILE otp-race: 3 x 30 parallel requests, accepted pair " + pair + "/5, per NIK " + perNik
                + "/10, per phone " + perPhone + "/5");
        assertThat(pair).isEqualTo(5);
        assertThat(perNik).isEqualTo(10);
        assertThat(perPhone).isEqualTo(5);
    }

    private int countAccepted(int parallel, Callable<GraphQlTester.Response> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(parallel);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < parallel; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    GraphQlTester.Response response = call.call();
                    List<Object> errors = response.path("requestOtp.errors").entityList(Object.class).get();
                    if (!errors.isEmpty()) {
                        response.path("requestOtp.errors[0].code").entity(String.class).isEqualTo("RATE_LIMITED");
                    }
                    return errors.isEmpty();
                }));
            }
            start.countDown();
            int accepted = 0;
            for (Future<Boolean> result : results) {
                accepted += result.get() ? 1 : 0;
            }
            return accepted;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void answersHaveTheSameShapeForARegisteredAndAnUnknownNik() {
        Api.Resident registered = api().newResident();
        GraphQlTester.Response known = requestOtp(registered.nik(), TestData.phone());
        GraphQlTester.Response unknown = requestOtp(TestData.nik(), TestData.phone());
        Map<String, Object> knownChallenge = known.path("requestOtp.challenge").entity(Map.class).get();
        Map<String, Object> unknownChallenge = unknown.path("requestOtp.challenge").entity(Map.class).get();
        assertThat(knownChallenge.keySet()).isEqualTo(unknownChallenge.keySet());
        known.path("requestOtp.errors").entityList(Object.class).hasSize(0);
        unknown.path("requestOtp.errors").entityList(Object.class).hasSize(0);

        // a wrong code: OTP_WRONG for both, with or without a name, and the same message and field
        int cases = 0;
        for (String name : new String[] {null, "Siapa Saja"}) {
            Map<String, Object> a = verifyOtp((String) knownChallenge.get("id"), "999999x", name)
                    .path("verifyOtp").entity(Map.class).get();
            Map<String, Object> b = verifyOtp((String) unknownChallenge.get("id"), "999999x", name)
                    .path("verifyOtp").entity(Map.class).get();
            assertThat(a).isEqualTo(b);
            assertThat(a.toString()).contains("OTP_WRONG");
            cases++;
        }
        // an unknown challenge: OTP_EXPIRED, as for a used one
        verifyOtp(UUID.randomUUID().toString(), "123456", null).path("verifyOtp.errors[0].code").entity(String.class)
                .isEqualTo("OTP_EXPIRED");
        System.out.println("HOSTILE same-shape: " + (cases + 1) + " answer pairs compared, differences 0");
    }

    @Test
    void aRightCodeWithoutANameAsksForItAndTheChallengeStillWorks() {
        String phone = TestData.phone();
        String challenge = requestOtp(TestData.nik(), phone).path("requestOtp.challenge.id").entity(String.class).get();
        String code = WHATSAPP.lastCodeFor(TestData.e164(phone));
        verifyOtp(challenge, code, null).path("verifyOtp.errors[0].code").entity(String.class).isEqualTo("NAME_REQUIRED");
        verifyOtp(challenge, code, "Nama Lengkap").path("verifyOtp.errors").entityList(Object.class).hasSize(0);
    }
}
