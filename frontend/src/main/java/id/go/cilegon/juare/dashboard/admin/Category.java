package id.go.cilegon.juare.dashboard.admin;

import java.util.Locale;

/**
 * A complaint category with its default OPD (null for none) and its clocks.
 *
 * @param replyHours hours from dispatch to the first reply
 * @param fixHours   hours from dispatch to the fix
 */
public record Category(
        String code,
        String nameId,
        String nameEn,
        String defaultOpdCode,
        String defaultOpdName,
        int replyHours,
        int fixHours,
        boolean confidentialByDefault,
        boolean active) {

    /** The name in the screen's language: English for English, Indonesian otherwise. */
    public String name(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage()) ? nameEn : nameId;
    }
}
