package id.go.cilegon.juare.notify;

/** Masks a phone number for display and logs: +62812•••••789. */
public final class PhoneMask {

    private PhoneMask() {
    }

    public static String mask(String phoneE164) {
        if (phoneE164 == null || phoneE164.length() < 9) {
            return "•••";
        }
        int keepStart = 6;
        int keepEnd = 3;
        return phoneE164.substring(0, keepStart)
                + "•".repeat(phoneE164.length() - keepStart - keepEnd)
                + phoneE164.substring(phoneE164.length() - keepEnd);
    }
}
