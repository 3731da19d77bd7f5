package id.go.cilegon.juare.dashboard.security;

import com.vaadin.flow.spring.security.AuthenticationContext;
import id.go.cilegon.juare.dashboard.backend.BackendSession;
import id.go.cilegon.juare.dashboard.backend.StaffAccount;
import id.go.cilegon.juare.dashboard.base.SignedInStaff;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The signed-in staff member of the current request, for views (and, as {@link SignedInStaff}, for the frame); and logout. */
@Component
public class CurrentStaff implements SignedInStaff {

    private final AuthenticationContext authentication;

    public CurrentStaff(AuthenticationContext authentication) {
        this.authentication = authentication;
    }

    public BackendSession session() {
        return authentication.getAuthenticatedUser(StaffPrincipal.class)
                .map(StaffPrincipal::session)
                .orElseThrow(() -> new IllegalStateException("no staff member signed in"));
    }

    public StaffAccount account() {
        return session().account();
    }

    @Override
    public Optional<StaffAccount> current() {
        return authentication.getAuthenticatedUser(StaffPrincipal.class).map(StaffPrincipal::account);
    }

    /** Ends the HTTP session (and so the backend tokens kept in it) and returns to the login view. */
    @Override
    public void logout() {
        authentication.logout();
    }
}
