package id.go.cilegon.juare.dashboard.admin;

import id.go.cilegon.juare.dashboard.backend.StaffRole;
import java.time.Instant;
import java.util.Locale;
import java.util.function.Function;

/**
 * One staff account as the admin screen lists it. The phone number only ever comes masked from the backend.
 *
 * @param lockedUntil set while sign-in is locked after too many wrong passwords (a password reset lifts it)
 */
public record StaffMember(
        String id,
        String username,
        String displayName,
        StaffRole role,
        String opdCode,
        String opdName,
        String maskedPhone,
        String shift,
        boolean active,
        Instant lockedUntil,
        Instant createdAt) {

    public boolean isLocked(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }

    /** The filter box: any word of the filter in the username, name, OPD or the role's label, ignoring case. */
    public boolean matches(String filter, Function<StaffRole, String> roleLabel) {
        if (filter == null || filter.isBlank()) {
            return true;
        }
        String haystack = String.join(" ", username, displayName, opdCode == null ? "" : opdCode,
                opdName == null ? "" : opdName, role == null ? "" : roleLabel.apply(role)).toLowerCase(Locale.ROOT);
        for (String word : filter.toLowerCase(Locale.ROOT).strip().split("\\s+")) {
            if (!haystack.contains(word)) {
                return false;
            }
        }
        return true;
    }
}
