package id.go.cilegon.juare.dashboard.admin.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.data.binder.ValidationResult;
import com.vaadin.flow.data.binder.Validator;
import id.go.cilegon.juare.dashboard.backend.BackendException;
import id.go.cilegon.juare.dashboard.backend.UserError;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * What the admin screens share: a list that opens a row in a dialog (edit button or double click), rules as Binder
 * validators, and how a failure or a refusal is shown.
 */
final class AdminUi {

    private AdminUi() {
    }

    /** An edit button per row ({@code <idPrefix>-edit-<key>}) and a double click both open the row; compact stripes. */
    static <T> void openRowsWith(Grid<T> grid, String idPrefix, Function<T, String> key, Consumer<T> open) {
        grid.addComponentColumn(row -> {
            Button edit = new Button(grid.getTranslation("admin.edit"), click -> open.accept(row));
            edit.setId(idPrefix + "-edit-" + key.apply(row));
            edit.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
            return edit;
        }).setAutoWidth(true).setFlexGrow(0);
        grid.addItemDoubleClickListener(click -> open.accept(click.getItem()));
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
    }

    /** The screen's title with a reload button ({@code <idPrefix>-refresh}) beside it. */
    static HorizontalLayout titleWithRefresh(Component screen, String titleKey, String idPrefix, Runnable load) {
        Button refresh = new Button(screen.getTranslation("admin.refresh"), click -> load.run());
        refresh.setId(idPrefix + "-refresh");
        HorizontalLayout top = new HorizontalLayout(new H2(screen.getTranslation(titleKey)), refresh);
        top.setAlignItems(FlexComponent.Alignment.BASELINE);
        return top;
    }

    /** A form rule (null when fine, else a translation key) as a Binder validator with the translated message. */
    static <T> Validator<T> rule(Component component, Function<T, String> check) {
        return (value, context) -> {
            String key = check.apply(value);
            return key == null ? ValidationResult.ok() : ValidationResult.error(component.getTranslation(key));
        };
    }

    /** The request failed: a notification (a session that is over never comes here: the session's error handler has it). */
    static void failed(Component component, BackendException e) {
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
