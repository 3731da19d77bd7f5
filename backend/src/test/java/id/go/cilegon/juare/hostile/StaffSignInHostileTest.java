package id.go.cilegon.juare.hostile;

import static id.go.cilegon.juare.support.Api.operation;
import static org.assertj.core.api.Assertions.assertThat;

import id.go.cilegon.juare.support.IntegrationTest;
import id.go.cilegon.juare.support.Staff;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.graphql.test.tester.WebSocketGraphQlTester;
import reactor.core.publisher.Mono;

/**
 * Issue 10, item 5 and token hygiene: staff sign-in guesses in parallel, a stranger trying to lock an account out,
 * username enumeration, a replayed refresh token, a disabled account's live token. Addresses are varied with
 * X-Forwarded-For, which the backend believes from loopback (a trusted proxy by default), as from the dashboard.
 */
@Tag("hostile")
class StaffSignInHostileTest extends IntegrationTest {

    private static final AtomicInteger ADDRESSES = new AtomicInteger();

    private Staff staff() {
        return new Staff(api());
    }

    /** A client address nobody else in this JVM uses. */
    private static String newAddress() {
        int n = ADDRESSES.incrementAndGet();
        return "198.51." + (n / 250) + "." + (n % 250 + 1);
    }

    private HttpGraphQlTester from(String address) {
        return HttpGraphQlTester.create(api().http().mutate()
                .baseUrl("http://localhost:" + port + "/graphql")
                .defaultHeader("X-Forwarded-For", address)
                .build());
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> login(String address, String username, String password) {
        return operation(from(address), "Login")
                .variable("input", Map.of("username", username, "password", password))
                .execute()
                .path("login").entity(Map.class).get();
    }

    private static String code(Map<String, Object> payload) {
        List<?> errors = (List<?>) payload.get("errors");
        return errors.isEmpty() ? "OK" : (String) ((Map<?, ?>) errors.getFirst()).get("code");
    }

    @Test
    void parallelGuessesWithTheRightOneTwentyFirstAreRefusedInEveryBurst() throws Exception {
        int bursts = 5;
        int accepted = 0;
        int checkedMost = 0;
        ExecutorService pool = Executors.newFixedThreadPool(26);
        try {
            for (int burst = 0; burst < bursts; burst++) {
                Staff.Member victim = staff().create("OPERATOR", null);
                String address = newAddress();
                List<CompletableFuture<Map<String, Object>>> answers = new ArrayList<>();
                AtomicInteger answeredEarly = new AtomicInteger();
                for (int i = 0; i < 20; i++) {
                    answers.add(CompletableFuture.supplyAsync(() -> login(address, victim.username(), "tebakan-salah-" + UUID.randomUUID()), pool)
                            .whenComplete((a, e) -> answeredEarly.incrementAndGet()));
                }
                // the 20 wrong guesses are in flight (their hashes take far longer than this) when the right one goes
                Thread.sleep(100);
                int answeredBeforeTheRightOne = answeredEarly.get();
                answers.add(CompletableFuture.supplyAsync(() -> login(address, victim.username(), Staff.PASSWORD), pool));
                for (int i = 0; i < 5; i++) {
                    answers.add(CompletableFuture.supplyAsync(() -> login(address, victim.username(), "tebakan-salah-" + UUID.randomUUID()), pool));
                }
                Map<String, Integer> codes = new HashMap<>();
                for (CompletableFuture<Map<String, Object>> answer : answers) {
                    Map<String, Object> payload = answer.get();
                    codes.merge(code(payload), 1, Integer::sum);
                    if (payload.get("session") != null) {
                        accepted++;
                    }
                }
                int checked = codes.getOrDefault("INVALID_CREDENTIALS", 0) + codes.getOrDefault("OK", 0);
                checkedMost = Math.max(checkedMost, checked);
                System.out.println("HOSTILE login-race burst " + (burst + 1) + ": 26 parallel guesses (right one 21st, "
                        + answeredBeforeTheRightOne + " answered before it was sent): " + codes);
                assertThat(codes.getOrDefault("OK", 0)).as("burst %d accepted the right password", burst + 1).isZero();
                assertThat(checked).as("passwords checked in burst %d", burst + 1).isLessThanOrEqualTo(5);
                // the owner, from their own address, is not held up by any of it
                assertThat(code(login(newAddress(), victim.username(), Staff.PASSWORD))).isEqualTo("OK");
            }
        } finally {
            pool.shutdownNow();
        }
        System.out.println("HOSTILE login-race: " + bursts + " bursts of 26, accepted " + accepted + ", at most "
                + checkedMost + " passwords checked per burst (allowance 5)");
        assertThat(accepted).isZero();
    }

    @Test
    void aStrangersFailuresDoNotLockTheOwnerOut() {
        Staff.Member owner = staff().create("MAYOR", null);
        String stranger = newAddress();
        List<String> strangerCodes = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            strangerCodes.add(code(login(stranger, owner.username(), "tebakan-salah-" + i)));
        }
        assertThat(strangerCodes.subList(0, 5)).containsOnly("INVALID_CREDENTIALS");
        assertThat(strangerCodes.subList(5, 12)).containsOnly("RATE_LIMITED");
        Map<String, Object> ownerAnswer = login(newAddress(), owner.username(), Staff.PASSWORD);
        assertThat(code(ownerAnswer)).isEqualTo("OK");
        // and the dashboard's own service account, signing in from the dashboard server, likewise
        for (int i = 0; i < 8; i++) {
            login(stranger, "dashboard", "tebakan-salah-" + i);
        }
        assertThat(code(staff().login("dashboard", "dashboard-test-password").path("login").entity(Map.class).get()))
                .isEqualTo("OK");
        System.out.println("HOSTILE lock-out by a stranger: 12 failures from address A " + strangerCodes
                + "; the owner from address B: " + code(ownerAnswer) + "; the dashboard account from its server: OK");
    }

    @Test
    void anUnknownUsernameIsAnsweredLikeARealOne() {
        Staff.Member real = staff().create("OPERATOR", null);
        String unknown = "tidak-ada-" + UUID.randomUUID().toString().substring(0, 8);
        String realAddress = newAddress();
        String unknownAddress = newAddress();
        // 5 checked failures each, then the delay (1 s): the sixth is refused alike
        List<Map<String, Object>> realAnswers = new ArrayList<>();
        List<Map<String, Object>> unknownAnswers = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            realAnswers.add(login(realAddress, real.username(), "tebakan-salah-" + i));
        }
        for (int i = 0; i < 6; i++) {
            unknownAnswers.add(login(unknownAddress, unknown, "tebakan-salah-" + i));
        }
        for (int i = 0; i < 6; i++) {
            assertThat(shape(unknownAnswers.get(i))).as("attempt %d", i + 1).isEqualTo(shape(realAnswers.get(i)));
            assertThat(code(realAnswers.get(i))).isEqualTo(i < 5 ? "INVALID_CREDENTIALS" : "RATE_LIMITED");
        }
        // timing: interleaved, each from a fresh address (no waits), so that the machine's load falls on both alike
        List<Long> realNanos = new ArrayList<>();
        List<Long> unknownNanos = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            long t0 = System.nanoTime();
            code(login(newAddress(), real.username(), "tebakan-salah-" + i));
            long t1 = System.nanoTime();
            code(login(newAddress(), unknown, "tebakan-salah-" + i));
            long t2 = System.nanoTime();
            realNanos.add(t1 - t0);
            unknownNanos.add(t2 - t1);
        }
        long realMedian = median(realNanos) / 1_000_000;
        long unknownMedian = median(unknownNanos) / 1_000_000;
        System.out.println("HOSTILE username enumeration: 6 attempts each, answers identical (code, message, shape); median "
                + "time of a checked wrong password (9 interleaved) " + realMedian + " ms for a real username, " + unknownMedian + " ms for an unknown one");
        assertThat(unknownMedian).isBetween(realMedian / 3, realMedian * 3 + 20);
    }

    /** The answer with digits (the seconds to wait) and times left out. */
    private static String shape(Map<String, Object> payload) {
        Map<String, Object> copy = new HashMap<>(payload);
        copy.put("retryAfter", payload.get("retryAfter") == null ? null : "time");
        return copy.toString().replaceAll("[0-9]+", "#");
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        sorted.sort(null);
        return sorted.get(sorted.size() / 2);
    }

    @Test
    void aReplayedRefreshTokenRevokesItsSuccessor() {
        Staff.Member member = staff().create("OPERATOR", null);
        String staffRefresh = staff().login(member.username(), Staff.PASSWORD).path("login.session.refreshToken").entity(String.class).get();
        String residentRefresh = api().newResident().refreshToken();
        List<String> outcomes = new ArrayList<>();
        for (String first : List.of(staffRefresh, residentRefresh)) {
            String successor = refresh(first).path("refreshSession.session.refreshToken").entity(String.class).get();
            // a thief (or the owner) presents the spent token again: refused, and the family with it
            String replay = refresh(first).path("refreshSession.errors[0].code").entity(String.class).get();
            String successorAfter = refresh(successor).path("refreshSession.errors[0].code").entity(String.class).get();
            assertThat(replay).isEqualTo("INVALID_REFRESH_TOKEN");
            assertThat(successorAfter).isEqualTo("INVALID_REFRESH_TOKEN");
            outcomes.add(replay + "/" + successorAfter);
        }
        // a new sign-in is a new family, untouched
        String fresh = staff().login(member.username(), Staff.PASSWORD).path("login.session.refreshToken").entity(String.class).get();
        refresh(fresh).path("refreshSession.errors").entityList(Object.class).hasSize(0);
        System.out.println("HOSTILE refresh-token replay: staff and resident, replay then successor: " + outcomes
                + "; a new sign-in still refreshes");
    }

    private org.springframework.graphql.test.tester.GraphQlTester.Response refresh(String token) {
        return operation(api().anonymous(), "RefreshSession").variable("input", Map.of("refreshToken", token)).execute();
    }

    @Test
    void aDisabledAccountIsRefusedAtOnceOverHttpAndItsSubscriptionEnds() {
        Staff.Member member = staff().create("OPERATOR", null);
        operation(api().as(member.token()), "MyStaffAccount").execute().path("myStaffAccount.username").entity(String.class)
                .isEqualTo(member.username());
        WebSocketGraphQlTester ws = api().webSocket(member.token());
        try {
            CompletableFuture<String> subscriptionEnd = operation(ws, "ComplaintEvents").executeSubscription()
                    .toFlux("complaintEvents", Map.class)
                    .then(Mono.just("COMPLETED"))
                    .onErrorResume(e -> Mono.just(e.toString().contains("UNAUTHENTICATED") ? "UNAUTHENTICATED" : e.toString()))
                    .toFuture();
            // the subscription is live before the account is disabled
            assertThat(subscriptionEnd).isNotDone();
            long disabledAt = System.nanoTime();
            operation(api().as(staff().adminToken()), "UpdateStaffAccount").variable("input", Map.of("id", member.id(), "active", false))
                    .execute().path("updateStaffAccount.account.active").entity(Boolean.class).isEqualTo(false);

            api().http().post().uri("/graphql").header("Authorization", "Bearer " + member.token())
                    .header("Content-Type", "application/json")
                    .bodyValue(Map.of("query", "{ myStaffAccount { username } }"))
                    .exchange()
                    .expectStatus().isOk() // issue 14: nobody's request, not HTTP 401
                    .expectBody().jsonPath("$.errors[0].extensions.code").isEqualTo("UNAUTHENTICATED")
                    .jsonPath("$.errors[0].extensions.reason").isEqualTo("TOKEN_REVOKED");
            long httpMillis = (System.nanoTime() - disabledAt) / 1_000_000;

            String ended = subscriptionEnd.orTimeout(20, java.util.concurrent.TimeUnit.SECONDS).join();
            long subscriptionMillis = (System.nanoTime() - disabledAt) / 1_000_000;
            assertThat(ended).isEqualTo("UNAUTHENTICATED");
            // a new operation on the same, already authenticated connection runs as nobody
            String again = operation(ws, "ComplaintEvents").executeSubscription().toFlux("complaintEvents", Map.class)
                    .then(Mono.just("COMPLETED"))
                    .onErrorResume(e -> Mono.just(e.toString().contains("UNAUTHENTICATED") && e.toString().contains("TOKEN_REVOKED")
                            ? "UNAUTHENTICATED" : e.toString()))
                    .block(Duration.ofSeconds(10));
            assertThat(again).isEqualTo("UNAUTHENTICATED");
            System.out.println("HOSTILE disabled account: HTTP refused " + httpMillis + " ms after disabling; its open "
                    + "subscription ended (" + ended + ") after " + subscriptionMillis + " ms; a new operation on its socket: " + again);
        } finally {
            ws.stop().block(Duration.ofSeconds(10));
        }
    }

    @Test
    void oneAddressSprayingManyUsernamesHitsItsCeiling() {
        String sprayer = newAddress();
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < 52; i++) {
            codes.add(code(login(sprayer, "semprot-" + i + "-" + UUID.randomUUID().toString().substring(0, 6), "Password123!")));
        }
        long checked = codes.stream().filter("INVALID_CREDENTIALS"::equals).count();
        System.out.println("HOSTILE password spraying: 52 usernames from one address, " + checked + " checked, "
                + (codes.size() - checked) + " refused RATE_LIMITED (ceiling 50 per 15 minutes)");
        assertThat(codes.subList(0, 50)).containsOnly("INVALID_CREDENTIALS");
        assertThat(codes.subList(50, 52)).containsOnly("RATE_LIMITED");
        // another address is not affected
        assertThat(code(login(newAddress(), "semprot-lain", "Password123!"))).isEqualTo("INVALID_CREDENTIALS");
    }
}
