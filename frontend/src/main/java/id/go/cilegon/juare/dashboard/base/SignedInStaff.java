package id.go.cilegon.juare.dashboard.base;

import id.go.cilegon.juare.dashboard.backend.StaffAccount;
import java.util.Optional;

/**
 * Who is signed in, for the frame of every screen (base knows no feature, so it asks through this; the security
 * package's {@code CurrentStaff} answers).
 */
public interface SignedInStaff {

    /** The signed-in staff member's account; empty on a page shown to nobody in particular (a dead end, signed out). */
    Optional<StaffAccount> current();

    /** Ends the session and returns to the login page. */
    void logout();
}
