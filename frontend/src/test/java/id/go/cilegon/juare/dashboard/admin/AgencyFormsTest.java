package id.go.cilegon.juare.dashboard.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The OPD and category dialogs' rules (the backend's bounds) and the input they send. */
class AgencyFormsTest {

    private static final Category JALAN = new Category("JALAN", "Jalan rusak atau berlubang", "Damaged road", "DPUPR",
            "Dinas PUPR", 24, 72, false, true);
    private static final Category LAINNYA = new Category("LAINNYA", "Lainnya", "Other", null, null, 24, 72, false, true);

    @Test
    void hoursFromOneToFourteenHundredForty() {
        assertThat(CategoryForm.MAX_HOURS).isEqualTo(1440);
        assertThat(CategoryForm.checkHours(1)).isNull();
        assertThat(CategoryForm.checkHours(1440)).isNull();
        assertThat(CategoryForm.checkHours(0)).isEqualTo("admin.category.error.hours");
        assertThat(CategoryForm.checkHours(1441)).isEqualTo("admin.category.error.hours");
        assertThat(CategoryForm.checkHours(-5)).isEqualTo("admin.category.error.hours");
        assertThat(CategoryForm.checkHours(null)).isEqualTo("admin.category.error.hours");
    }

    @Test
    void aCategoryWithADefaultOpdKeepsOneAndOneWithoutMayStayWithout() {
        CategoryForm jalan = new CategoryForm(JALAN);
        jalan.setDefaultOpdCode(null);
        assertThat(jalan.problems()).containsOnlyKeys(CategoryForm.DEFAULT_OPD);
        jalan.setDefaultOpdCode("DLH");
        jalan.setReplyHours(12);
        assertThat(jalan.input()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "code", "JALAN", "defaultOpdCode", "DLH", "replyHours", 12, "fixHours", 72));

        CategoryForm other = new CategoryForm(LAINNYA);
        assertThat(other.problems()).isEmpty();
        assertThat(other.input()).doesNotContainKey("defaultOpdCode").containsEntry("replyHours", 24);
    }

    @Test
    void anOpdNameOfOneToTwoHundredCharacters() {
        assertThat(OpdForm.checkName("DLH")).isNull();
        assertThat(OpdForm.checkName("   ")).isEqualTo("admin.opd.error.name");
        assertThat(OpdForm.checkName(null)).isEqualTo("admin.opd.error.name");
        assertThat(OpdForm.checkName("x".repeat(200))).isNull();
        assertThat(OpdForm.checkName("x".repeat(201))).isEqualTo("admin.opd.error.name");

        OpdForm form = new OpdForm(new Opd("DLH", "Dinas Lingkungan Hidup", "dinas", true));
        form.setName(" Dinas LH ");
        form.setActive(false);
        assertThat(form.input()).containsExactlyInAnyOrderEntriesOf(Map.of("code", "DLH", "name", "Dinas LH", "active", false));
    }

    @Test
    void categoryNamesInTheScreensLanguage() {
        assertThat(JALAN.name(java.util.Locale.ENGLISH)).isEqualTo("Damaged road");
        assertThat(JALAN.name(java.util.Locale.of("id"))).isEqualTo("Jalan rusak atau berlubang");
        assertThat(JALAN.name(null)).isEqualTo("Jalan rusak atau berlubang");
    }
}
