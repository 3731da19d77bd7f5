package id.go.cilegon.juare.dashboard.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.go.cilegon.juare.dashboard.backend.BackendClient;
import id.go.cilegon.juare.dashboard.backend.BackendException;
import id.go.cilegon.juare.dashboard.backend.BackendSession;
import id.go.cilegon.juare.dashboard.backend.Outcome;
import id.go.cilegon.juare.dashboard.backend.RunningBackend;
import id.go.cilegon.juare.dashboard.backend.StaffRole;
import id.go.cilegon.juare.dashboard.backend.UserError;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The admin service against the real backend with its demo data (signed in as the demo admin {@code diskominfo}).
 * The backend is shared with the other tests: accounts get unique names and end disabled, and what is changed on
 * the demo's OPDs and categories is put back.
 */
class AdminServiceBackendTest {

    private static BackendClient client;
    private static BackendSession admin;
    private final List<Object> published = new ArrayList<>();
    private final AdminService service = new AdminService(client, published::add);

    @BeforeAll
    static void signIn() {
        client = new BackendClient(RunningBackend.get().properties(), Clock.systemUTC());
        admin = client.login("diskominfo", RunningBackend.DEMO_PASSWORD);
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private StaffMember find(String username) {
        return service.staffAccounts(admin).stream().filter(m -> m.username().equals(username)).findFirst().orElseThrow();
    }

    @Test
    void anAdminCreatesAnAccountChangesItAndTheUsernameIsTakenAfterwards() {
        String username = unique("it-admin");
        StaffForm form = StaffForm.newAccount();
        form.setUsername(username.toUpperCase(Locale.ROOT));
        form.setDisplayName("Petugas Uji");
        // exactly the minimum: the backend's rule and ours agree
        form.setPassword("x".repeat(StaffForm.MIN_PASSWORD));
        form.setRole(StaffRole.OPD_RESPONDER);
        form.setOpdCode("DLH");
        form.setPhone("0812 3456 7890");

        Outcome<StaffMember> created = service.createStaffAccount(admin, form);
        assertThat(created.errors()).isEmpty();
        StaffMember member = created.value();
        assertThat(member.username()).as("kept in lower case").isEqualTo(username);
        assertThat(member.role()).isEqualTo(StaffRole.OPD_RESPONDER);
        assertThat(member.opdCode()).isEqualTo("DLH");
        assertThat(member.opdName()).isNotBlank();
        assertThat(member.maskedPhone()).isNotBlank().doesNotContain("34567");
        assertThat(member.active()).isTrue();
        assertThat(find(username)).isEqualTo(member);
        assertThat(client.login(username, "x".repeat(StaffForm.MIN_PASSWORD)).account().role()).isEqualTo(StaffRole.OPD_RESPONDER);

        // the same username again: the backend's typed error, on the username field
        StaffForm again = StaffForm.newAccount();
        again.setUsername(username);
        again.setDisplayName("Orang Lain");
        again.setPassword("x".repeat(StaffForm.MIN_PASSWORD));
        again.setRole(StaffRole.MAYOR);
        Outcome<StaffMember> taken = service.createStaffAccount(admin, again);
        assertThat(taken.ok()).isFalse();
        assertThat(taken.errors()).extracting(UserError::code, UserError::field).containsExactly(
                org.assertj.core.groups.Tuple.tuple("USERNAME_TAKEN", "username"));
        assertThat(taken.errors().getFirst().message()).isNotBlank();

        // now an operator on the night shift, with a new name: the OPD goes
        StaffForm edit = StaffForm.edit(member);
        edit.setDisplayName("Petugas Uji Malam");
        edit.setRole(StaffRole.OPERATOR);
        edit.setShift("MALAM");
        Outcome<StaffMember> updated = service.updateStaffAccount(admin, edit);
        assertThat(updated.errors()).isEmpty();
        assertThat(updated.value().displayName()).isEqualTo("Petugas Uji Malam");
        assertThat(updated.value().role()).isEqualTo(StaffRole.OPERATOR);
        assertThat(updated.value().opdCode()).isNull();
        assertThat(updated.value().shift()).isEqualTo("MALAM");
        assertThat(updated.value().maskedPhone()).as("an empty phone keeps the old one").isEqualTo(member.maskedPhone());

        // a password reset, then disabled: it no longer signs in
        StaffForm disable = StaffForm.edit(updated.value());
        disable.setPassword("y".repeat(StaffForm.MIN_PASSWORD + 2));
        disable.setActive(false);
        assertThat(service.updateStaffAccount(admin, disable).value().active()).isFalse();
        assertThat(find(username).active()).isFalse();
        assertThatThrownBy(() -> client.login(username, "y".repeat(StaffForm.MIN_PASSWORD + 2)))
                .isInstanceOf(BackendException.class);
        assertThat(published).as("staff changes are not agency data").isEmpty();
    }

    @Test
    void theBackendEnforcesTheSameRulesAsTheForm() {
        // sent as raw input, past the form's own checks: the backend refuses with the field the form marks
        var response = client.execute(admin, "CreateStaffAccount", java.util.Map.of("input", java.util.Map.of(
                "username", unique("it-short"), "displayName", "Pendek", "role", "OPERATOR",
                "password", "x".repeat(StaffForm.MIN_PASSWORD - 1))));
        List<UserError> errors = response.field("createStaffAccount.errors").toEntityList(UserError.class);
        assertThat(errors).extracting(UserError::field).containsExactly(StaffForm.PASSWORD);

        var withoutOpd = client.execute(admin, "CreateStaffAccount", java.util.Map.of("input", java.util.Map.of(
                "username", unique("it-noopd"), "displayName", "Tanpa OPD", "role", "OPD_HEAD",
                "password", "x".repeat(StaffForm.MIN_PASSWORD))));
        assertThat(withoutOpd.field("createStaffAccount.errors").toEntityList(UserError.class))
                .extracting(UserError::field).containsExactly(StaffForm.OPD);

        var tooLong = client.execute(admin, "UpdateCategory", java.util.Map.of("input", java.util.Map.of(
                "code", "PASAR", "fixHours", CategoryForm.MAX_HOURS + 1)));
        assertThat(tooLong.field("updateCategory.errors").toEntityList(UserError.class))
                .extracting(UserError::field).containsExactly(CategoryForm.FIX_HOURS);
    }

    @Test
    void aCategorysClocksAndDefaultOpdAreChangedAndReadBack() {
        Category before = category("PASAR");
        CategoryForm form = new CategoryForm(before);
        form.setReplyHours(before.replyHours() + 1);
        form.setFixHours(CategoryForm.MAX_HOURS);
        form.setDefaultOpdCode("DISNAKER");
        try {
            Outcome<Category> saved = service.updateCategory(admin, form);
            assertThat(saved.errors()).isEmpty();
            assertThat(saved.value().replyHours()).isEqualTo(before.replyHours() + 1);
            assertThat(published).containsExactly(new AgencyDataChanged(AgencyDataChanged.Kind.CATEGORY, "PASAR"));

            Category after = category("PASAR");
            assertThat(after.replyHours()).isEqualTo(before.replyHours() + 1);
            assertThat(after.fixHours()).isEqualTo(CategoryForm.MAX_HOURS);
            assertThat(after.defaultOpdCode()).isEqualTo("DISNAKER");
            assertThat(after.defaultOpdName()).isNotBlank();
            assertThat(after.nameEn()).isEqualTo(before.nameEn());
        } finally {
            CategoryForm restore = new CategoryForm(before);
            assertThat(service.updateCategory(admin, restore).errors()).isEmpty();
        }
        assertThat(category("PASAR")).isEqualTo(before);
    }

    @Test
    void anOpdsNameIsChangedAndPutBack() {
        Opd before = service.agency(admin).opds().stream().filter(o -> o.code().equals("DKPP")).findFirst().orElseThrow();
        OpdForm form = new OpdForm(before);
        form.setName(before.name() + " (uji)");
        try {
            Outcome<Opd> saved = service.updateOpd(admin, form);
            assertThat(saved.errors()).isEmpty();
            assertThat(saved.value().name()).isEqualTo(before.name() + " (uji)");
            assertThat(saved.value().active()).isEqualTo(before.active());
            assertThat(published).containsExactly(new AgencyDataChanged(AgencyDataChanged.Kind.OPD, "DKPP"));
        } finally {
            assertThat(service.updateOpd(admin, new OpdForm(before)).errors()).isEmpty();
        }
        assertThat(service.agency(admin).opds()).contains(before);
    }

    @Test
    void noOneButAnAdminGetsTheAccounts() {
        BackendSession operator = client.login("operator", RunningBackend.DEMO_PASSWORD);
        assertThatThrownBy(() -> service.staffAccounts(operator))
                .isInstanceOfSatisfying(BackendException.class, e -> assertThat(e.code()).isEqualTo("FORBIDDEN"));
    }

    private Category category(String code) {
        return service.agency(admin).categories().stream().filter(c -> c.code().equals(code)).findFirst().orElseThrow();
    }
}
