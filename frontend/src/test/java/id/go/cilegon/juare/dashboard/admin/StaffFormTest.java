package id.go.cilegon.juare.dashboard.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.go.cilegon.juare.dashboard.backend.StaffRole;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The staff dialog's rules (the backend's, checked first on the screen) and the input they send. */
class StaffFormTest {

    private static StaffForm valid(StaffRole role) {
        StaffForm form = StaffForm.newAccount();
        form.setUsername("  Petugas.Baru ");
        form.setDisplayName(" Petugas Baru ");
        form.setPassword("sepuluh-10");
        form.setRole(role);
        return form;
    }

    @Test
    void opdRolesNeedAnOpdAndOtherRolesDoNot() {
        for (StaffRole role : new StaffRole[] {StaffRole.OPD_RESPONDER, StaffRole.OPD_HEAD}) {
            assertThat(StaffForm.needsOpd(role)).as(role.name()).isTrue();
            assertThat(StaffForm.checkOpd(role, null)).as(role.name()).isEqualTo("admin.staff.error.opd");
            assertThat(StaffForm.checkOpd(role, " ")).as(role.name()).isEqualTo("admin.staff.error.opd");
            assertThat(StaffForm.checkOpd(role, "DLH")).as(role.name()).isNull();
        }
        for (StaffRole role : new StaffRole[] {StaffRole.OPERATOR, StaffRole.MAYOR, StaffRole.ADMIN}) {
            assertThat(StaffForm.needsOpd(role)).as(role.name()).isFalse();
            assertThat(StaffForm.checkOpd(role, null)).as(role.name()).isNull();
        }
        assertThat(StaffForm.checkOpd(null, null)).as("no role yet: the role's own rule speaks").isNull();

        StaffForm responder = valid(StaffRole.OPD_RESPONDER);
        assertThat(responder.problems()).containsOnlyKeys(StaffForm.OPD);
        responder.setOpdCode("DLH");
        assertThat(responder.problems()).isEmpty();
    }

    @Test
    void onlyOperatorsHaveAShift() {
        assertThat(StaffForm.takesShift(StaffRole.OPERATOR)).isTrue();
        assertThat(StaffForm.takesShift(StaffRole.OPD_RESPONDER)).isFalse();
        assertThat(StaffForm.takesShift(StaffRole.ADMIN)).isFalse();
    }

    @Test
    void usernamesAsTheBackendKeepsThem() {
        assertThat(StaffForm.checkUsername(" Operator.4 ")).as("lower-cased and stripped first").isNull();
        assertThat(StaffForm.checkUsername("a_b-c")).isNull();
        assertThat(StaffForm.checkUsername("ab")).isEqualTo("admin.staff.error.username");
        assertThat(StaffForm.checkUsername("x".repeat(41))).isEqualTo("admin.staff.error.username");
        assertThat(StaffForm.checkUsername("budi santoso")).isEqualTo("admin.staff.error.username");
        assertThat(StaffForm.checkUsername("budi@dlh")).isEqualTo("admin.staff.error.username");
        assertThat(StaffForm.checkUsername(null)).isEqualTo("admin.staff.error.username");
    }

    @Test
    void displayNamesOfTwoToAHundredCharacters() {
        assertThat(StaffForm.checkDisplayName("Al")).isNull();
        assertThat(StaffForm.checkDisplayName(" A ")).isEqualTo("admin.staff.error.displayName");
        assertThat(StaffForm.checkDisplayName("x".repeat(100))).isNull();
        assertThat(StaffForm.checkDisplayName("x".repeat(101))).isEqualTo("admin.staff.error.displayName");
        assertThat(StaffForm.checkDisplayName(null)).isEqualTo("admin.staff.error.displayName");
    }

    @Test
    void aPasswordOfAtLeastTenForNewAccountsAndForResets() {
        assertThat(StaffForm.MIN_PASSWORD).isEqualTo(10);
        assertThat(StaffForm.checkPassword("123456789", true)).isEqualTo("admin.staff.error.password");
        assertThat(StaffForm.checkPassword("1234567890", true)).isNull();
        assertThat(StaffForm.checkPassword("", true)).isEqualTo("admin.staff.error.password");
        assertThat(StaffForm.checkPassword("", false)).as("empty keeps the old one").isNull();
        assertThat(StaffForm.checkPassword(null, false)).isNull();
        assertThat(StaffForm.checkPassword("short", false)).isEqualTo("admin.staff.error.password");
    }

    @Test
    void phoneNumbersAreOptionalIndonesianMobiles() {
        assertThat(StaffForm.checkPhone("")).isNull();
        assertThat(StaffForm.checkPhone(null)).isNull();
        assertThat(StaffForm.toE164("0812-3456-7890")).isEqualTo("+6281234567890");
        assertThat(StaffForm.toE164("62 812 3456 789")).isEqualTo("+628123456789");
        assertThat(StaffForm.toE164("+62 (812) 3456.7890")).isEqualTo("+6281234567890");
        assertThat(StaffForm.checkPhone("0812 3456 7890")).isNull();
        assertThat(StaffForm.checkPhone("0254 391234")).as("a landline").isEqualTo("admin.staff.error.phone");
        assertThat(StaffForm.checkPhone("0840 1234 5678")).as("no 084 mobiles").isEqualTo("admin.staff.error.phone");
        assertThat(StaffForm.checkPhone("0812 345")).as("too short").isEqualTo("admin.staff.error.phone");
        assertThat(StaffForm.checkPhone("812 3456 7890")).as("no prefix").isEqualTo("admin.staff.error.phone");
        assertThat(StaffForm.checkPhone("0812 3456 7890 12")).as("too long").isEqualTo("admin.staff.error.phone");
    }

    @Test
    void aNewAccountSendsItsOpdOnlyForOpdRolesAndItsShiftOnlyForOperators() {
        StaffForm responder = valid(StaffRole.OPD_RESPONDER);
        responder.setOpdCode("DLH");
        responder.setShift("PAGI");
        responder.setPhone(" 0812 3456 7890 ");
        assertThat(responder.createInput()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "username", "petugas.baru", "displayName", "Petugas Baru", "password", "sepuluh-10",
                "role", "OPD_RESPONDER", "opdCode", "DLH", "phone", "0812 3456 7890"));

        StaffForm operator = valid(StaffRole.OPERATOR);
        operator.setOpdCode("DLH");
        operator.setShift("MALAM");
        assertThat(operator.createInput())
                .doesNotContainKeys("opdCode", "phone")
                .containsEntry("shift", "MALAM")
                .containsEntry("role", "OPERATOR");
    }

    @Test
    void anEditSendsNoPasswordOrPhoneUnlessGivenAndKeepsTheUsername() {
        StaffMember member = new StaffMember("11111111-2222-3333-4444-555555555555", "dlh", "Petugas DLH",
                StaffRole.OPD_RESPONDER, "DLH", "Dinas Lingkungan Hidup", "+62812****890", null, true, null, Instant.EPOCH);
        StaffForm form = StaffForm.edit(member);
        assertThat(form.isNew()).isFalse();
        assertThat(form.getPassword()).isEmpty();
        assertThat(form.getPhone()).isEmpty();
        assertThat(form.problems()).isEmpty();
        assertThat(form.updateInput()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "id", member.id(), "displayName", "Petugas DLH", "role", "OPD_RESPONDER", "opdCode", "DLH", "active", true));

        form.setRole(StaffRole.OPERATOR);
        form.setShift("SIANG");
        form.setPassword("baru-sekali-12");
        form.setActive(false);
        assertThat(form.updateInput())
                .doesNotContainKeys("opdCode", "username")
                .containsEntry("shift", "SIANG")
                .containsEntry("password", "baru-sekali-12")
                .containsEntry("active", false);
    }

    @Test
    void aBrokenFormIsNotSent() {
        StaffForm form = valid(StaffRole.OPD_HEAD);
        assertThatThrownBy(form::createInput).isInstanceOf(IllegalStateException.class).hasMessageContaining("opdCode");
        StaffForm noRole = valid(null);
        assertThat(noRole.problems()).containsOnlyKeys(StaffForm.ROLE);
    }
}
