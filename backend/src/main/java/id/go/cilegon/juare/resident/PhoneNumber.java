package id.go.cilegon.juare.resident;

import id.go.cilegon.juare.notify.PhoneMask;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An Indonesian mobile number for WhatsApp, normalised to E.164: +62 8[1-35-9] then 7 to 10 digits. Accepts
 * 08…, 62… and +62…, with spaces, dashes, dots or brackets. {@link #toString()} is masked.
 */
public final class PhoneNumber {

    private static final Pattern E164_MOBILE = Pattern.compile("\\+628[1-35-9]\\d{7,10}");

    private final String e164;

    private PhoneNumber(String e164) {
        this.e164 = e164;
    }

    public static Optional<PhoneNumber> parse(String input) {
        if (input == null) {
            return Optional.empty();
        }
        String compact = input.replaceAll("[\\s.\\-()]", "");
        String e164;
        if (compact.startsWith("+62")) {
            e164 = compact;
        } else if (compact.startsWith("62")) {
            e164 = "+" + compact;
        } else if (compact.startsWith("0")) {
            e164 = "+62" + compact.substring(1);
        } else {
            return Optional.empty();
        }
        return E164_MOBILE.matcher(e164).matches() ? Optional.of(new PhoneNumber(e164)) : Optional.empty();
    }

    /** +6281234567890. Handle with care: personal data. */
    public String e164() {
        return e164;
    }

    public String masked() {
        return PhoneMask.mask(e164);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PhoneNumber phone && phone.e164.equals(e164);
    }

    @Override
    public int hashCode() {
        return e164.hashCode();
    }

    @Override
    public String toString() {
        return masked();
    }
}
