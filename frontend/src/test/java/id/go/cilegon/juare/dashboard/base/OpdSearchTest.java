package id.go.cilegon.juare.dashboard.base;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OpdSearchTest {

    private static final String DPUPR = "Dinas Pekerjaan Umum dan Penataan Ruang";

    @Test
    void anOpdIsFoundByItsCodeItsAcronymOrItsName() {
        assertThat(OpdSearch.matches("DPUPR", DPUPR, "DPUPR")).isTrue();
        assertThat(OpdSearch.matches("DPUPR", DPUPR, "dpu")).isTrue();
        assertThat(OpdSearch.matches("DPUPR", DPUPR, "pekerjaan umum")).isTrue();
        assertThat(OpdSearch.matches("DPUPR", DPUPR, "  Penataan   ruang ")).isTrue();
        assertThat(OpdSearch.matches("DPUPR", DPUPR, "")).isTrue();
        assertThat(OpdSearch.matches("DLH", "Dinas Lingkungan Hidup", "dpupr")).isFalse();
        // initials of the name when the code is something else
        assertThat(OpdSearch.matches("LH", "Dinas Lingkungan Hidup", "dlh")).isTrue();
        // a kecamatan office by its code with or without the hyphen
        assertThat(OpdSearch.matches("KEC-GROGOL", "Kecamatan Grogol", "kec grogol")).isTrue();
        assertThat(OpdSearch.matches("KEC-GROGOL", "Kecamatan Grogol", "kecgrogol")).isTrue();
        assertThat(OpdSearch.matches("KEC-GROGOL", "Kecamatan Grogol", "grogol")).isTrue();
        // a label that already carries the code ("Name (CODE)", the admin's)
        assertThat(OpdSearch.matches("DISHUB", "Dinas Perhubungan (DISHUB)", "hub")).isTrue();
    }
}
