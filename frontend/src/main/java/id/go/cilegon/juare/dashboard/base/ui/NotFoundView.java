package id.go.cilegon.juare.dashboard.base.ui;

import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.ParentLayout;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.servlet.http.HttpServletResponse;

/** No screen at this address: said in the user's language, with the menu and the way back home. */
@ParentLayout(MainLayout.class)
@AnonymousAllowed
public class NotFoundView extends DeadEnd implements HasErrorParameter<NotFoundException> {

    public NotFoundView() {
        super("notFound", "deadEnd.notFound.title", "deadEnd.notFound.text");
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<NotFoundException> parameter) {
        return HttpServletResponse.SC_NOT_FOUND;
    }
}
