package id.go.cilegon.juare.dashboard.security;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.DefaultErrorHandler;
import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.ErrorHandler;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import id.go.cilegon.juare.dashboard.backend.SessionOverException;
import org.springframework.stereotype.Component;

/**
 * The one owner of "session over": whatever a screen was doing (a click, a live update, a map query) when the backend
 * said the sign-in is over ({@link SessionOverException}), the session ends and the browser goes to the login page.
 * Screens catch only {@code BackendException}s, which this is not. During a navigation the router has it instead
 * ({@code security.ui.SessionOverView}). Any other error goes on to Vaadin's default handler.
 */
@Component
class SessionOverHandler implements VaadinServiceInitListener {

    private final CurrentStaff currentStaff;

    SessionOverHandler(CurrentStaff currentStaff) {
        this.currentStaff = currentStaff;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addSessionInitListener(init -> init.getSession().setErrorHandler(new Handler(currentStaff)));
    }

    static final class Handler implements ErrorHandler {

        private final transient CurrentStaff currentStaff;
        private final ErrorHandler others = new DefaultErrorHandler();

        Handler(CurrentStaff currentStaff) {
            this.currentStaff = currentStaff;
        }

        @Override
        public void error(ErrorEvent event) {
            if (SessionOverException.in(event.getThrowable()) == null) {
                others.error(event);
                return;
            }
            if (UI.getCurrent() != null && currentStaff != null) {
                currentStaff.logout();
            }
        }
    }
}
