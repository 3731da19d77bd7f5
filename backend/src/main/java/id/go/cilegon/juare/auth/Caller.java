package id.go.cilegon.juare.auth;

import java.util.Set;
import java.util.UUID;

/** The authenticated caller of a request: a resident, a staff member, or nobody. */
public record Caller(Kind kind, UUID id, Set<String> roles) {

    public static final Caller ANONYMOUS = new Caller(Kind.ANONYMOUS, null, Set.of());

    public enum Kind { ANONYMOUS, RESIDENT, STAFF }

    public boolean isResident() {
        return kind == Kind.RESIDENT;
    }
}
