package id.go.cilegon.juare.dashboard.base.i18n;

import com.vaadin.flow.component.UI;
import id.go.cilegon.juare.dashboard.backend.CallerLanguage;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinSession;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Every screen starts in Bahasa Indonesia whatever the browser asks for; the switch keeps the choice for the
 * session (all its tabs).
 */
@Component
public class Languages implements VaadinServiceInitListener {

    private static final String CHOSEN = Languages.class.getName() + ".chosen";

    @Override
    public void serviceInit(ServiceInitEvent event) {
        // the backend client sends the language of the screen that calls it
        CallerLanguage.lookUpWith(Languages::current);
        event.getSource().addUIInitListener(init -> init.getUI().setLocale(chosen(init.getUI().getSession())));
    }

    public static Locale chosen(VaadinSession session) {
        Object chosen = session == null ? null : attribute(session);
        return chosen instanceof Locale locale ? locale : TranslationProvider.INDONESIAN;
    }

    // an upload handler runs without the session's lock (the after-photo's upload calls the backend from there):
    // reading the attribute then needs it, or Vaadin's lock check fails
    private static Object attribute(VaadinSession session) {
        if (session.hasLock()) {
            return session.getAttribute(CHOSEN);
        }
        session.lock();
        try {
            return session.getAttribute(CHOSEN);
        } finally {
            session.unlock();
        }
    }

    /**
     * The language of whoever the current thread works for: the screen's, else its session's choice, else Indonesian
     * (a background task of the dashboard's own).
     */
    public static Locale current() {
        UI ui = UI.getCurrent();
        if (ui != null && ui.getLocale() != null) {
            return TranslationProvider.supported(ui.getLocale());
        }
        return chosen(VaadinSession.getCurrent());
    }

    /** The other language: the switch offers one button. */
    public static Locale other(Locale current) {
        return TranslationProvider.supported(current).equals(TranslationProvider.INDONESIAN)
                ? TranslationProvider.ENGLISH : TranslationProvider.INDONESIAN;
    }

    /** Switches the session's language and redraws this screen in it. */
    public static void switchTo(UI ui, Locale locale) {
        ui.getSession().setAttribute(CHOSEN, TranslationProvider.supported(locale));
        ui.getPage().reload();
    }
}
