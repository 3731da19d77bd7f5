package id.go.cilegon.juare.dashboard.security;

import id.go.cilegon.juare.dashboard.backend.BackendClient;
import id.go.cilegon.juare.dashboard.backend.BackendException;
import id.go.cilegon.juare.dashboard.backend.BackendSession;
import java.util.List;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Staff sign in with their backend accounts: the form's username and password go to the backend's {@code login};
 * its role becomes the one authority ({@code ROLE_OPERATOR}, ...). No password is kept here.
 */
@Component
class BackendAuthenticationProvider implements AuthenticationProvider {

    private final BackendClient backend;

    BackendAuthenticationProvider(BackendClient backend) {
        this.backend = backend;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String username = authentication.getName();
        String password = String.valueOf(authentication.getCredentials());
        BackendSession session;
        try {
            session = backend.login(username, password, clientAddress(authentication));
        } catch (BackendException e) {
            if (BackendException.UNAVAILABLE.equals(e.code())) {
                throw new AuthenticationServiceException("The backend cannot be reached", e);
            }
            throw new BadCredentialsException(e.code(), e);
        }
        return authenticated(session);
    }

    /**
     * The browser's address as Spring Security recorded it at the login form (behind a reverse proxy set
     * server.forward-headers-strategy so that it is the browser's, not the proxy's).
     */
    private static String clientAddress(Authentication authentication) {
        return authentication.getDetails() instanceof WebAuthenticationDetails details ? details.getRemoteAddress() : null;
    }

    static Authentication authenticated(BackendSession session) {
        var authority = new SimpleGrantedAuthority("ROLE_" + session.account().role().name());
        return UsernamePasswordAuthenticationToken.authenticated(new StaffPrincipal(session), null, List.of(authority));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
