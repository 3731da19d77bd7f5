package id.go.cilegon.juare.dashboard.security.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import id.go.cilegon.juare.dashboard.backend.SessionOverException;
import id.go.cilegon.juare.dashboard.security.CurrentStaff;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A screen being opened found the sign-in over (its first call to the backend): the router's error view for
 * {@link SessionOverException} ends the session and goes to the login page, as the session's error handler does for
 * everything else.
 */
@AnonymousAllowed
public class SessionOverView extends Div implements HasErrorParameter<SessionOverException> {

    private final CurrentStaff currentStaff;

    public SessionOverView(CurrentStaff currentStaff) {
        this.currentStaff = currentStaff;
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<SessionOverException> parameter) {
        currentStaff.logout();
        return HttpServletResponse.SC_UNAUTHORIZED;
    }
}
