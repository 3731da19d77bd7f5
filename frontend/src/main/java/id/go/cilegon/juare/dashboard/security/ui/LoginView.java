package id.go.cilegon.juare.dashboard.security.ui;

import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.WrappedSession;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import id.go.cilegon.juare.dashboard.base.ui.LanguageSwitch;
import id.go.cilegon.juare.dashboard.security.KeepUsernameOnFailure;

/**
 * Staff sign-in with their backend username and password; the form posts to Spring Security's login. After a failed
 * attempt the username typed is filled in again and the password field has the focus.
 */
@Route(value = "login", autoLayout = false)
@AnonymousAllowed
public class LoginView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final LoginForm form = new LoginForm();

    public LoginView() {
        setSizeFull();
        // the page's one main landmark (no frame around the login)
        getElement().setAttribute("role", "main");
        setAlignItems(Alignment.CENTER);
        setJustifyContentMode(JustifyContentMode.CENTER);

        LoginI18n i18n = LoginI18n.createDefault();
        i18n.getForm().setTitle(getTranslation("login.title"));
        i18n.getForm().setUsername(getTranslation("login.username"));
        i18n.getForm().setPassword(getTranslation("login.password"));
        i18n.getForm().setSubmit(getTranslation("login.submit"));
        i18n.getErrorMessage().setTitle(getTranslation("login.error.title"));
        i18n.getErrorMessage().setMessage(getTranslation("login.error.message"));
        i18n.getErrorMessage().setUsername(getTranslation("login.error.username"));
        i18n.getErrorMessage().setPassword(getTranslation("login.error.password"));
        form.setI18n(i18n);
        form.setForgotPasswordButtonVisible(false);
        form.setAction("login");
        form.setId("login-form");

        add(new H1("Juare"), new Paragraph(getTranslation("app.subtitle")), form, new LanguageSwitch());
    }

    /** Fills in the username once the form has drawn its fields (they are its light DOM), then focuses the password. */
    private static final String FILL_USERNAME = """
            const form = this;
            let tries = 0;
            const fill = () => {
              const username = form.querySelector("vaadin-text-field[name='username']");
              if (!username) {
                if (tries++ < 100) requestAnimationFrame(fill);
                return;
              }
              username.value = $0;
              const password = form.querySelector("vaadin-password-field[name='password']");
              if (password) setTimeout(() => password.focus());
            };
            fill();
            """;

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        boolean failed = event.getLocation().getQueryParameters().getParameters().containsKey("error");
        form.setError(failed);
        String username = failed ? takeFailedUsername() : null;
        if (username != null) {
            form.getElement().executeJs(FILL_USERNAME, username);
        }
    }

    /** The username of the sign-in that just failed ({@link KeepUsernameOnFailure}), once. */
    private static String takeFailedUsername() {
        VaadinRequest request = VaadinRequest.getCurrent();
        WrappedSession session = request == null ? null : request.getWrappedSession(false);
        if (session == null) {
            return null;
        }
        Object username = session.getAttribute(KeepUsernameOnFailure.USERNAME);
        session.removeAttribute(KeepUsernameOnFailure.USERNAME);
        return username instanceof String name ? name : null;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("login.title") + " · Juare";
    }
}
