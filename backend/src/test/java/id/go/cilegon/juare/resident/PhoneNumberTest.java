package id.go.cilegon.juare.resident;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneNumberTest {

    @ParameterizedTest
    @CsvSource({
            "081234567890, +6281234567890",
            "+6281234567890, +6281234567890",
            "6281234567890, +6281234567890",
            "0812-3456-7890, +6281234567890",
            "(0812) 3456 7890, +6281234567890",
            "0851234567, +62851234567",         // 7 digits after 85
            "0851234567890, +62851234567890",   // 10 digits after 85
    })
    void normalisesToE164(String input, String e164) {
        assertThat(PhoneNumber.parse(input)).hasValueSatisfying(p -> assertThat(p.e164()).isEqualTo(e164));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "",
            "0214567890",        // Jakarta landline
            "+6284123456789",    // 84 is not a mobile prefix
            "+6280123456789",    // 80 neither
            "081234",            // too short
            "08123456789012345", // too long
            "+1 415 555 0100",   // not Indonesian
            "0812abc45678",
    })
    void refusesNonMobileNumbers(String input) {
        assertThat(PhoneNumber.parse(input)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"081234567890"})
    void isMaskedWhenShownOrLogged(String input) {
        PhoneNumber phone = PhoneNumber.parse(input).orElseThrow();
        assertThat(phone.masked()).isEqualTo("+62812•••••890");
        assertThat(phone.toString()).doesNotContain("34567");
    }
}
