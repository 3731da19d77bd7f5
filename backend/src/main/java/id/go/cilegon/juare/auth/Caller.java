package id.go.cilegon.juare.auth;

import java.util.Set;
import java.util.UUID;

/**
 * The authenticated caller of a request: a resident, a staff member, or nobody.
 *
 * @param opdCode the OPD of an OPD_RESPONDER or OPD_HEAD, else null
 */
public record Caller(Kind kind, UUID id, Set<String> roles, String opdCode) {

    public static final Caller ANONYMOUS = new Caller(Kind.ANONYMOUS, null, Set.of(), null);

    public enum Kind { ANONYMOUS, RESIDENT, STAFF }

    public boolean isResident() {
        return kind == Kind.RESIDENT;
    }

    public boolean isStaff() {
        return kind == Kind.STAFF;
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    /** Sees every complaint: operators, the mayor, admins. */
    public boolean seesAllComplaints() {
        return isStaff() && (hasRole("OPERATOR") || hasRole("MAYOR") || hasRole("ADMIN"));
    }

    /** An OPD responder or head: sees its own OPD's complaints. */
    public boolean isOpdStaff() {
        return isStaff() && opdCode != null && (hasRole("OPD_RESPONDER") || hasRole("OPD_HEAD"));
    }
}
