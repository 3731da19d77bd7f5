package id.go.cilegon.juare.dashboard.security;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;

/**
 * A failed sign-in goes back to the login page as before ({@code /login?error}), and the username typed waits in the
 * HTTP session (not in the address, where it would end up in logs and the history) for the login page to fill in again:
 * only the password has to be typed again.
 */
public class KeepUsernameOnFailure extends SimpleUrlAuthenticationFailureHandler {

    /** The HTTP session attribute with the username of the last failed sign-in; the login page takes it out. */
    public static final String USERNAME = KeepUsernameOnFailure.class.getName() + ".username";

    KeepUsernameOnFailure(String failureUrl) {
        super(failureUrl);
    }

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
            throws IOException, ServletException {
        String username = request.getParameter("username");
        if (username != null && !username.isBlank() && username.length() <= 200) {
            request.getSession().setAttribute(USERNAME, username.strip());
        }
        super.onAuthenticationFailure(request, response, exception);
    }
}
