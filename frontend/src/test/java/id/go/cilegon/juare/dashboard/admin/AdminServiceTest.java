package id.go.cilegon.juare.dashboard.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.go.cilegon.juare.dashboard.admin.AdminService.AccountAnswer;
import id.go.cilegon.juare.dashboard.admin.AdminService.CategoryAnswer;
import id.go.cilegon.juare.dashboard.admin.AdminService.OpdAnswer;
import id.go.cilegon.juare.dashboard.admin.AdminService.OpdRef;
import id.go.cilegon.juare.dashboard.backend.BackendException;
import id.go.cilegon.juare.dashboard.backend.StaffRole;
import id.go.cilegon.juare.dashboard.backend.Outcome;
import id.go.cilegon.juare.dashboard.backend.UserError;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How the backend's answers become the admin screens' records. */
class AdminServiceTest {

    private static final Instant NOW = Instant.parse("2026-05-07T03:00:00Z");

    @Test
    void anAccountWithItsOpdAndLock() {
        StaffMember member = AdminService.member(new AccountAnswer("id-1", "dlh", "Petugas DLH", StaffRole.OPD_RESPONDER,
                new OpdRef("DLH", "Dinas Lingkungan Hidup"), "+62812****890", null, true, NOW.plusSeconds(600), NOW));
        assertThat(member.opdCode()).isEqualTo("DLH");
        assertThat(member.opdName()).isEqualTo("Dinas Lingkungan Hidup");
        assertThat(member.maskedPhone()).isEqualTo("+62812****890");
        assertThat(member.isLocked(NOW)).isTrue();
        assertThat(member.isLocked(NOW.plusSeconds(601))).isFalse();

        StaffMember operator = AdminService.member(new AccountAnswer("id-2", "operator", "Rina", StaffRole.OPERATOR, null,
                null, "PAGI", false, null, NOW));
        assertThat(operator.opdCode()).isNull();
        assertThat(operator.opdName()).isNull();
        assertThat(operator.shift()).isEqualTo("PAGI");
        assertThat(operator.active()).isFalse();
        assertThat(operator.isLocked(NOW)).isFalse();
    }

    @Test
    void aCategoryWithAndWithoutDefaultOpd() {
        Category jalan = AdminService.category(new CategoryAnswer("JALAN", "Jalan rusak", "Damaged road", 24, 72, false, true,
                new OpdRef("DPUPR", "Dinas PUPR")));
        assertThat(jalan).isEqualTo(new Category("JALAN", "Jalan rusak", "Damaged road", "DPUPR", "Dinas PUPR", 24, 72, false, true));
        Category other = AdminService.category(new CategoryAnswer("LAINNYA", "Lainnya", "Other", 24, 72, false, true, null));
        assertThat(other.defaultOpdCode()).isNull();
        assertThat(other.defaultOpdName()).isNull();
    }

    @Test
    void anOpd() {
        assertThat(AdminService.opd(new OpdAnswer("DLH", "Dinas Lingkungan Hidup", "dinas", false)))
                .isEqualTo(new Opd("DLH", "Dinas Lingkungan Hidup", "dinas", false));
        assertThat(new Opd("DLH", "Dinas Lingkungan Hidup", "dinas", true).label()).isEqualTo("Dinas Lingkungan Hidup (DLH)");
    }

    @Test
    void aPayloadIsEitherTheValueOrTheErrors() {
        UserError taken = new UserError("USERNAME_TAKEN", "Nama pengguna sudah dipakai", "username");
        Outcome<String> refused = Outcome.of("createStaffAccount", null, List.of(taken));
        assertThat(refused.ok()).isFalse();
        assertThat(refused.errors()).containsExactly(taken);
        assertThat(refused.value()).isNull();

        Outcome<String> done = Outcome.of("createStaffAccount", "account", List.of());
        assertThat(done.ok()).isTrue();
        assertThat(done.value()).isEqualTo("account");

        assertThatThrownBy(() -> Outcome.of("createStaffAccount", null, List.of()))
                .isInstanceOf(BackendException.class).hasMessageContaining("createStaffAccount");
    }

    @Test
    void theFilterLooksAtUsernameNameOpdAndRole() {
        StaffMember member = new StaffMember("id-1", "dlh", "Siti Aminah", StaffRole.OPD_RESPONDER, "DLH",
                "Dinas Lingkungan Hidup", null, null, true, null, NOW);
        assertThat(member.matches("", role -> "Petugas OPD")).isTrue();
        assertThat(member.matches(null, role -> "Petugas OPD")).isTrue();
        assertThat(member.matches("siti", role -> "Petugas OPD")).isTrue();
        assertThat(member.matches("lingkungan", role -> "Petugas OPD")).isTrue();
        assertThat(member.matches("petugas dlh", role -> "Petugas OPD")).as("every word somewhere").isTrue();
        assertThat(member.matches("kepala", role -> "Petugas OPD")).isFalse();
        assertThat(member.matches("responder", role -> "OPD responder")).as("the role in the screen's language").isTrue();
    }
}
