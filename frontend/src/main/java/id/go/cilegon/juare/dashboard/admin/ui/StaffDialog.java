package id.go.cilegon.juare.dashboard.admin.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import id.go.cilegon.juare.dashboard.admin.AdminService;
import id.go.cilegon.juare.dashboard.admin.Opd;
import id.go.cilegon.juare.dashboard.admin.StaffForm;
import id.go.cilegon.juare.dashboard.admin.StaffMember;
import id.go.cilegon.juare.dashboard.backend.Outcome;
import id.go.cilegon.juare.dashboard.backend.BackendException;
import id.go.cilegon.juare.dashboard.backend.StaffRole;
import id.go.cilegon.juare.dashboard.base.OpdSearch;
import id.go.cilegon.juare.dashboard.security.CurrentStaff;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * A new staff account, or changes to one. The OPD is asked for (and required) only for OPD roles, the shift only for
 * operators. The rules are {@link StaffForm}'s; what the backend still refuses shows on its field.
 */
class StaffDialog extends Dialog {

    private static final List<String> SHIFTS = List.of("PAGI", "SIANG", "MALAM");

    private final AdminService service;
    private final CurrentStaff currentStaff;
    private final StaffForm form;
    private final Consumer<StaffMember> onSaved;
    private final Binder<StaffForm> binder = new Binder<>();

    private final TextField username = new TextField();
    private final TextField displayName = new TextField();
    private final Select<StaffRole> role = new Select<>();
    private final ComboBox<String> opd = new ComboBox<>();
    private final Select<String> shift = new Select<>();
    private final TextField phone = new TextField();
    private final PasswordField password = new PasswordField();
    private final Checkbox active = new Checkbox();
    private boolean saveTried;

    StaffDialog(AdminService service, CurrentStaff currentStaff, StaffForm form, StaffMember member, List<Opd> opds,
                boolean self, Consumer<StaffMember> onSaved) {
        this.service = service;
        this.currentStaff = currentStaff;
        this.form = form;
        this.onSaved = onSaved;
        setId("staff-dialog");
        setHeaderTitle(form.isNew() ? getTranslation("admin.staff.dialog.new")
                : getTranslation("admin.staff.dialog.edit", form.getUsername()));
        setWidth("min(40rem, 95vw)");

        username.setId("staff-username");
        username.setLabel(getTranslation("admin.staff.field.username"));
        if (form.isNew()) {
            username.setHelperText(getTranslation("admin.staff.field.username.helper"));
            username.setRequiredIndicatorVisible(true);
            binder.forField(username)
                    .withValidator(AdminUi.rule(this, StaffForm::checkUsername))
                    .bind(StaffForm::getUsername, StaffForm::setUsername);
        } else {
            username.setValue(form.getUsername());
            username.setReadOnly(true);
        }

        displayName.setId("staff-display-name");
        displayName.setLabel(getTranslation("admin.staff.field.displayName"));
        displayName.setRequiredIndicatorVisible(true);
        binder.forField(displayName)
                .withValidator(AdminUi.rule(this, StaffForm::checkDisplayName))
                .bind(StaffForm::getDisplayName, StaffForm::setDisplayName);

        role.setId("staff-role");
        role.setLabel(getTranslation("admin.staff.field.role"));
        role.setItems(StaffRole.values());
        role.setItemLabelGenerator(r -> getTranslation("role." + r.name()));
        role.setRequiredIndicatorVisible(true);
        role.setReadOnly(self);
        binder.forField(role)
                .withValidator(AdminUi.rule(this, StaffForm::checkRole))
                .bind(StaffForm::getRole, StaffForm::setRole);

        Map<String, String> opdLabels = opds.stream()
                .collect(Collectors.toMap(Opd::code, Opd::label, (a, b) -> a, LinkedHashMap::new));
        if (form.getOpdCode() != null) {
            opdLabels.putIfAbsent(form.getOpdCode(), form.getOpdCode());
        }
        opd.setId("staff-opd");
        opd.setLabel(getTranslation("admin.staff.field.opd"));
        opd.setHelperText(getTranslation("admin.staff.field.opd.helper"));
        opd.setItems(OpdSearch.filter(code -> code, code -> opdLabels.getOrDefault(code, code)), opdLabels.keySet());
        opd.setItemLabelGenerator(code -> opdLabels.getOrDefault(code, code));
        opd.setRequiredIndicatorVisible(true);
        opd.setClearButtonVisible(true);
        // the rule depends on the role chosen right now, not on the role last written to the form
        binder.forField(opd)
                .withValidator(AdminUi.rule(this, code -> StaffForm.checkOpd(role.getValue(), code)))
                .bind(StaffForm::getOpdCode, StaffForm::setOpdCode);

        shift.setId("staff-shift");
        shift.setLabel(getTranslation("admin.staff.field.shift"));
        shift.setHelperText(getTranslation("admin.staff.field.shift.helper"));
        shift.setItems(SHIFTS);
        shift.setItemLabelGenerator(s -> s == null ? getTranslation("admin.staff.field.shift.none") : getTranslation("shift." + s));
        // the backend keeps the old shift when none is sent: once set, a shift can be changed but not removed
        shift.setEmptySelectionAllowed(form.getShift() == null);
        shift.setEmptySelectionCaption(getTranslation("admin.staff.field.shift.none"));
        binder.forField(shift).bind(StaffForm::getShift, StaffForm::setShift);

        phone.setId("staff-phone");
        phone.setLabel(getTranslation("admin.staff.field.phone"));
        phone.setHelperText(member != null && member.maskedPhone() != null
                ? getTranslation("admin.staff.field.phone.keep", member.maskedPhone())
                : getTranslation("admin.staff.field.phone.helper"));
        binder.forField(phone)
                .withValidator(AdminUi.rule(this, StaffForm::checkPhone))
                .bind(StaffForm::getPhone, StaffForm::setPhone);

        password.setId("staff-password");
        password.setLabel(getTranslation("admin.staff.field.password"));
        String minimum = String.valueOf(StaffForm.MIN_PASSWORD);
        password.setHelperText(form.isNew() ? getTranslation("admin.staff.field.password.helper", minimum)
                : getTranslation("admin.staff.field.password.reset", minimum));
        password.setRequiredIndicatorVisible(form.isNew());
        password.setAutocomplete(com.vaadin.flow.component.textfield.Autocomplete.NEW_PASSWORD);
        binder.forField(password)
                .withValidator(AdminUi.rule(this, value -> StaffForm.checkPassword(value, form.isNew())))
                .bind(StaffForm::getPassword, StaffForm::setPassword);

        active.setId("staff-active");
        active.setLabel(getTranslation("admin.staff.field.active"));
        active.setVisible(!form.isNew());
        // an admin does not lock themself out
        active.setReadOnly(self);
        binder.forField(active).bind(StaffForm::isActive, StaffForm::setActive);

        binder.readBean(form);
        role.addValueChangeListener(change -> roleChanged());
        roleChanged();

        FormLayout fields = new FormLayout(username, displayName, role, opd, shift, phone, password, active);
        fields.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("30rem", 2));
        fields.setColspan(opd, 2);
        add(fields);
        if (self) {
            add(new Paragraph(getTranslation("admin.staff.field.self")));
        }

        Button save = new Button(getTranslation("admin.save"), click -> save());
        save.setId("staff-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button(getTranslation("admin.cancel"), click -> close());
        cancel.setId("staff-cancel");
        getFooter().add(cancel, save);
    }

    /** Shows the OPD only for OPD roles and the shift only for operators; rechecks the OPD once a save was tried. */
    private void roleChanged() {
        StaffRole chosen = role.getValue();
        opd.setVisible(StaffForm.needsOpd(chosen));
        shift.setVisible(StaffForm.takesShift(chosen));
        if (saveTried) {
            binder.validate();
        } else if (!opd.isVisible()) {
            opd.setInvalid(false);
        }
    }

    private void save() {
        saveTried = true;
        if (!binder.writeBeanIfValid(form)) {
            AdminUi.error(getTranslation("admin.form.invalid"));
            return;
        }
        Outcome<StaffMember> saved;
        try {
            saved = form.isNew() ? service.createStaffAccount(currentStaff.session(), form)
                    : service.updateStaffAccount(currentStaff.session(), form);
        } catch (BackendException e) {
            AdminUi.failed(this, e);
            return;
        }
        if (!saved.ok()) {
            AdminUi.refused(this, saved.errors(), fields());
            return;
        }
        close();
        AdminUi.saved(getTranslation(form.isNew() ? "admin.staff.created" : "admin.staff.updated", saved.value().username()));
        onSaved.accept(saved.value());
    }

    /** The form's fields by the backend's input field names. */
    private Map<String, HasValidation> fields() {
        return Map.of(StaffForm.USERNAME, username, StaffForm.DISPLAY_NAME, displayName, StaffForm.ROLE, role,
                StaffForm.OPD, opd, StaffForm.SHIFT, shift, StaffForm.PHONE, phone, StaffForm.PASSWORD, password);
    }
}
