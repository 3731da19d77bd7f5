package id.go.cilegon.juare.dashboard.admin.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.data.binder.ValidationResult;
import com.vaadin.flow.data.binder.Validator;
import id.go.cilegon.juare.dashboard.backend.BackendException;
import id.go.cilegon.juare.dashboard.backend.UserError;
import id.go.cilegon.juare.dashboard.security.CurrentStaff;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** What the admin screens share: rules as Binder validators, and how a failure or a refusal is shown. */
final class AdminUi {

    private AdminUi() {
    }

    /** A form rule (null when fine, else a translation key) as a Binder validator with the translated message. */
    static <T> Validator<T> rule(Component component, Function<T, String> check) {
        return (value, context) -> {
            String key = check.apply(value);
            return key == null ? ValidationResult.ok() : ValidationResult.error(component.getTranslation(key));
        };
    }

    /** The request failed: a session that is over goes back to the login, anything else is a notification. */
    static void failed(Component component, BackendException e, CurrentStaff currentStaff) {
        if (e.isSessionOver()) {
            currentStaff.logout();
            return;
        }
        error(component.getTranslation("error.backend", e.code()));
    }

    /**
     * The backend refused a change: each error on the field it names, when that field is on the form and showing;
     * the others (and those without a field) in one notification. The message is the backend's own.
     */
    static void refused(Component component, List<UserError> errors, Map<String, ? extends HasValidation> fields) {
        List<String> general = new ArrayList<>();
        for (UserError error : errors) {
            HasValidation field = error.field() == null ? null : fields.get(error.field());
            if (field != null && (!(field instanceof Component c) || c.isVisible())) {
                field.setErrorMessage(error.message());
                field.setInvalid(true);
            } else {
                general.add(error.message());
            }
        }
        if (!general.isEmpty()) {
            error(component.getTranslation("admin.refused", String.join("; ", general)));
        }
    }

    static void saved(String text) {
        Notification.show(text, 3000, Notification.Position.BOTTOM_START).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }

    static void error(String text) {
        Notification notification = Notification.show(text, 6000, Notification.Position.MIDDLE);
        notification.addThemeVariants(NotificationVariant.LUMO_ERROR);
    }
}
