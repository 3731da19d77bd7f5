package id.go.cilegon.juare.dashboard.security;

import id.go.cilegon.juare.dashboard.backend.BackendSession;
import id.go.cilegon.juare.dashboard.backend.StaffAccount;
import java.io.Serializable;
import java.security.Principal;

/** The signed-in staff member in Spring Security's context (in the HTTP session), with the backend session. */
public record StaffPrincipal(BackendSession session) implements Principal, Serializable {

    public StaffAccount account() {
        return session.account();
    }

    @Override
    public String getName() {
        return account().username();
    }
}
