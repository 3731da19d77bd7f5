package id.go.cilegon.juare.dashboard.complaint.ui;

import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import id.go.cilegon.juare.dashboard.backend.BackendException;
import id.go.cilegon.juare.dashboard.complaint.ComplaintRefused;
import id.go.cilegon.juare.dashboard.complaint.ComplaintTexts;

/** How the complaint screens tell what happened: a short notice, red for refusals and failures. */
final class Notices {

    private Notices() {
    }

    static void done(String text) {
        Notification notice = Notification.show(text, 3000, Notification.Position.BOTTOM_START);
        notice.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        notice.setId("notice-done");
    }

    static void error(String text) {
        Notification notice = Notification.show(text, 7000, Notification.Position.MIDDLE);
        notice.addThemeVariants(NotificationVariant.LUMO_ERROR);
        notice.setId("notice-error");
    }

    /**
     * A failed call to the backend: a refused action in words, the sign-in page when the session is over, else the
     * general "cannot reach the server" text with the code.
     */
    static void failed(BackendException e, ComplaintTexts texts, ComplaintTexts.Translator t) {
        if (e instanceof ComplaintRefused refused) {
            error(texts.refusal(refused));
            return;
        }
        if ("FORBIDDEN".equals(e.code())) {
            error(t.translate("complaint.error.FORBIDDEN"));
            return;
        }
        error(t.translate("error.backend", e.code()));
    }
}
