package id.go.cilegon.juare.staff;

import static id.go.cilegon.juare.support.Api.operation;
import static org.assertj.core.api.Assertions.assertThat;

import id.go.cilegon.juare.support.IntegrationTest;
import id.go.cilegon.juare.support.Staff;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.GraphQlTester;

/** Staff sign-in, locks, and account administration. */
class StaffAccountsTest extends IntegrationTest {

    private Staff staff() {
        return new Staff(api());
    }

    private GraphQlTester.Response asAdmin(String operation, Map<String, Object> input) {
        return operation(api().as(staff().adminToken()), operation).variable("input", input).execute();
    }

    @Test
    void theFirstAdminExistsAndSignsIn() {
        GraphQlTester.Response login = staff().login(Staff.ADMIN_USERNAME, Staff.ADMIN_PASSWORD);
        login.path("login.errors").entityList(Object.class).hasSize(0)
                .path("login.account.role").entity(String.class).isEqualTo("ADMIN");
        String token = login.path("login.session.accessToken").entity(String.class).get();
        operation(api().as(token), "MyStaffAccount").execute().path("myStaffAccount.username").entity(String.class).isEqualTo("admin");
    }

    @Test
    void wrongPasswordsDelayTheNextAttemptFromThatAddress() throws InterruptedException {
        Staff.Member member = staff().create("OPERATOR", null);
        staff().login("no-such-user", "whatever-password").path("login.errors[0].code").entity(String.class).isEqualTo("INVALID_CREDENTIALS");
        for (int i = 0; i < 5; i++) {
            staff().login(member.username(), "wrong-password").path("login.errors[0].code").entity(String.class).isEqualTo("INVALID_CREDENTIALS");
        }
        // even the right password waits (1 s after the fifth failure, doubling with each further one)
        GraphQlTester.Response delayed = staff().login(member.username(), Staff.PASSWORD);
        delayed.path("login.errors[0].code").entity(String.class).isEqualTo("RATE_LIMITED")
                .path("login.session").valueIsNull();
        java.time.Instant retryAfter = java.time.Instant.parse(delayed.path("login.retryAfter").entity(String.class).get());
        assertThat(retryAfter).isBetween(java.time.Instant.now().minusSeconds(1), java.time.Instant.now().plusSeconds(2));
        Thread.sleep(Math.max(0, java.time.Duration.between(java.time.Instant.now(), retryAfter).toMillis()) + 50);
        staff().login(member.username(), Staff.PASSWORD).path("login.errors").entityList(Object.class).hasSize(0)
                .path("login.session.accessToken").hasValue();
        // the success forgot the failures: a typo now is a plain wrong password again
        staff().login(member.username(), "wrong-password").path("login.errors[0].code").entity(String.class).isEqualTo("INVALID_CREDENTIALS");
    }

    @Test
    void anAdminCreatesChangesAndDisablesAccounts() {
        Staff.Member member = staff().create("OPD_RESPONDER", "DINKES");
        asAdmin("CreateStaffAccount", Map.of("username", member.username(), "displayName", "Dua", "password", Staff.PASSWORD, "role", "OPERATOR"))
                .path("createStaffAccount.errors[0].code").entity(String.class).isEqualTo("USERNAME_TAKEN");
        asAdmin("CreateStaffAccount", Map.of("username", "tanpa-opd-" + System.nanoTime(), "displayName", "Tanpa OPD", "password", Staff.PASSWORD,
                "role", "OPD_HEAD"))
                .path("createStaffAccount.errors[0].code").entity(String.class).isEqualTo("UNKNOWN_OPD");
        asAdmin("CreateStaffAccount", Map.of("username", "pendek-" + System.nanoTime(), "displayName", "Pendek", "password", "123",
                "role", "OPERATOR"))
                .path("createStaffAccount.errors[0].field").entity(String.class).isEqualTo("password");

        asAdmin("UpdateStaffAccount", Map.of("id", member.id(), "role", "OPD_HEAD", "shift", "PAGI"))
                .path("updateStaffAccount.account.role").entity(String.class).isEqualTo("OPD_HEAD")
                .path("updateStaffAccount.account.opd.code").entity(String.class).isEqualTo("DINKES");

        asAdmin("UpdateStaffAccount", Map.of("id", member.id(), "active", false))
                .path("updateStaffAccount.account.active").entity(Boolean.class).isEqualTo(false);
        staff().login(member.username(), Staff.PASSWORD).path("login.errors[0].code").entity(String.class).isEqualTo("INVALID_CREDENTIALS");
    }

    @Test
    void onlyAnAdminAdministers() {
        Staff.Member operator = staff().operator();
        operation(api().as(operator.token()), "StaffAccounts").execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(e -> assertThat(e.getExtensions()).containsEntry("code", "FORBIDDEN")));
        operation(api().as(staff().adminToken()), "StaffAccounts").execute()
                .path("staffAccounts[*].username").entityList(String.class).contains("admin", operator.username());
    }

    @Test
    void anAdminEditsCategoriesAndOpds() {
        GraphQlTester.Response changed = asAdmin("UpdateCategory", Map.of("code", "PASAR", "fixHours", 48, "defaultOpdCode", "DISPERINDAG"));
        changed.path("updateCategory.category.fixHours").entity(Integer.class).isEqualTo(48);
        asAdmin("UpdateCategory", Map.of("code", "PASAR", "fixHours", 0))
                .path("updateCategory.errors[0].code").entity(String.class).isEqualTo("INVALID_INPUT");
        asAdmin("UpdateCategory", Map.of("code", "PASAR", "defaultOpdCode", "NOPE"))
                .path("updateCategory.errors[0].code").entity(String.class).isEqualTo("UNKNOWN_OPD");
        asAdmin("UpdateCategory", Map.of("code", "PASAR", "fixHours", 72));
        asAdmin("UpdateOpd", Map.of("code", "DKPP", "name", "Dinas Ketahanan Pangan, Pertanian dan Perikanan Kota Cilegon"))
                .path("updateOpd.opd.name").entity(String.class).isEqualTo("Dinas Ketahanan Pangan, Pertanian dan Perikanan Kota Cilegon");
        asAdmin("UpdateOpd", Map.of("code", "NOPE", "active", false))
                .path("updateOpd.errors[0].code").entity(String.class).isEqualTo("UNKNOWN_OPD");
    }

    @Test
    void aStaffRefreshTokenCarriesTheCurrentRole() {
        Staff.Member member = staff().create("OPERATOR", null);
        String refresh = staff().login(member.username(), Staff.PASSWORD).path("login.session.refreshToken").entity(String.class).get();
        operation(api().as(staff().adminToken()), "UpdateStaffAccount").variable("input", Map.of("id", member.id(), "role", "MAYOR")).execute();
        String token = operation(api().anonymous(), "RefreshSession").variable("input", Map.of("refreshToken", refresh)).execute()
                .path("refreshSession.session.accessToken").entity(String.class).get();
        operation(api().as(token), "MyStaffAccount").execute().path("myStaffAccount.role").entity(String.class).isEqualTo("MAYOR");
    }
}
