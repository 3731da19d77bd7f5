package id.go.cilegon.juare.dashboard.admin.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import id.go.cilegon.juare.dashboard.admin.AdminService;
import id.go.cilegon.juare.dashboard.admin.Opd;
import id.go.cilegon.juare.dashboard.admin.OpdForm;
import id.go.cilegon.juare.dashboard.backend.Outcome;
import id.go.cilegon.juare.dashboard.backend.BackendException;
import id.go.cilegon.juare.dashboard.security.CurrentStaff;
import java.util.Map;
import java.util.function.Consumer;

/** An OPD's name and whether it takes complaints. */
class OpdDialog extends Dialog {

    private final AdminService service;
    private final CurrentStaff currentStaff;
    private final OpdForm form;
    private final Consumer<Opd> onSaved;
    private final Binder<OpdForm> binder = new Binder<>();
    private final TextField name = new TextField();

    OpdDialog(AdminService service, CurrentStaff currentStaff, OpdForm form, Consumer<Opd> onSaved) {
        this.service = service;
        this.currentStaff = currentStaff;
        this.form = form;
        this.onSaved = onSaved;
        setId("opd-dialog");
        setHeaderTitle(getTranslation("admin.opd.dialog", form.code()));
        setWidth("min(36rem, 95vw)");

        name.setId("opd-name");
        name.setLabel(getTranslation("admin.opd.field.name"));
        name.setRequiredIndicatorVisible(true);
        name.setMaxLength(OpdForm.MAX_NAME);
        binder.forField(name)
                .withValidator(AdminUi.rule(this, OpdForm::checkName))
                .bind(OpdForm::getName, OpdForm::setName);

        Checkbox active = new Checkbox(getTranslation("admin.opd.field.active"));
        active.setId("opd-active");
        binder.forField(active).bind(OpdForm::isActive, OpdForm::setActive);
        Span activeHelp = new Span(getTranslation("admin.opd.field.active.helper"));
        activeHelp.getStyle().set("font-size", "var(--lumo-font-size-s)").set("color", "var(--lumo-secondary-text-color)");

        binder.readBean(form);
        FormLayout fields = new FormLayout(name, active, activeHelp);
        fields.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        add(fields);

        Button save = new Button(getTranslation("admin.save"), click -> save());
        save.setId("opd-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button(getTranslation("admin.cancel"), click -> close());
        cancel.setId("opd-cancel");
        getFooter().add(cancel, save);
    }

    private void save() {
        if (!binder.writeBeanIfValid(form)) {
            return;
        }
        Outcome<Opd> saved;
        try {
            saved = service.updateOpd(currentStaff.session(), form);
        } catch (BackendException e) {
            AdminUi.failed(this, e);
            return;
        }
        if (!saved.ok()) {
            AdminUi.refused(this, saved.errors(), Map.of(OpdForm.NAME, name));
            return;
        }
        close();
        AdminUi.saved(getTranslation("admin.opd.saved", saved.value().code()));
        onSaved.accept(saved.value());
    }
}
