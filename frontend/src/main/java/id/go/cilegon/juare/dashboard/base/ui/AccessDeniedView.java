package id.go.cilegon.juare.dashboard.base.ui;

import com.vaadin.flow.router.AccessDeniedException;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.ParentLayout;
import jakarta.annotation.security.PermitAll;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A signed-in user opened a screen their role may not use (an OPD responder on {@code /intake}): Vaadin's navigation
 * access control reroutes to {@link AccessDeniedException}, and this page says so (instead of Vaadin's bare
 * "Could not navigate"), with the menu of what they may use.
 */
@ParentLayout(MainLayout.class)
@PermitAll
public class AccessDeniedView extends DeadEnd implements HasErrorParameter<AccessDeniedException> {

    public AccessDeniedView() {
        super("denied", "deadEnd.denied.title", "deadEnd.denied.text");
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<AccessDeniedException> parameter) {
        return HttpServletResponse.SC_FORBIDDEN;
    }
}
