package id.go.cilegon.juare.resident;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NikTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "3672011203900001", // man, 12 March 1990
            "3672085203900001", // woman (12 + 40), 12 March 1990
            "3672012902000001", // 29 February 2000
            "3672016902040001", // woman, 29 February 2004
            "3672 0112 0390 0001", // spaces from a form
            "3672.01.120390.0001",
    })
    void acceptsValidCilegonNiks(String nik) {
        assertThat(Nik.parse(nik)).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "",
            "367201120390000", // 15 digits
            "36720112039000011", // 17 digits
            "3601011203900001", // not Cilegon
            "3672001203900001", // kecamatan 00
            "3672091203900001", // kecamatan 09
            "3672013203900001", // day 32
            "3672017203900001", // woman, day 32 (72)
            "3672014003900001", // day 40 is neither
            "3672011213900001", // month 13
            "3672011200900001", // month 00
            "3672013102900001", // 31 February
            "3672012902010001", // 29 February 1901/2001
            "3672011203900000", // serial 0000
            "36720112039O0001", // a letter O
    })
    void refusesInvalidNiks(String nik) {
        assertThat(Nik.parse(nik)).isEmpty();
    }

    @Test
    void refusesNull() {
        assertThat(Nik.parse(null)).isEmpty();
    }

    @Test
    void isMaskedWhenShownOrLogged() {
        Nik nik = Nik.parse("3672011203900123").orElseThrow();
        assertThat(nik.masked()).isEqualTo("3672••••••••0123");
        assertThat(nik.toString()).isEqualTo(nik.masked()).doesNotContain("120390");
        assertThat(nik.digits()).isEqualTo("3672011203900123");
    }
}
