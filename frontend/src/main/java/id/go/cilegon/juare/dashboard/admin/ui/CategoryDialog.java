package id.go.cilegon.juare.dashboard.admin.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.data.binder.Binder;
import id.go.cilegon.juare.dashboard.admin.AdminService;
import id.go.cilegon.juare.dashboard.admin.Category;
import id.go.cilegon.juare.dashboard.admin.CategoryForm;
import id.go.cilegon.juare.dashboard.admin.Opd;
import id.go.cilegon.juare.dashboard.backend.Outcome;
import id.go.cilegon.juare.dashboard.backend.BackendException;
import id.go.cilegon.juare.dashboard.base.OpdSearch;
import id.go.cilegon.juare.dashboard.security.CurrentStaff;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/** A category's default OPD and its reply and fix clocks. */
class CategoryDialog extends Dialog {

    private final AdminService service;
    private final CurrentStaff currentStaff;
    private final CategoryForm form;
    private final Consumer<Category> onSaved;
    private final Binder<CategoryForm> binder = new Binder<>();
    private final ComboBox<String> defaultOpd = new ComboBox<>();
    private final IntegerField replyHours = new IntegerField();
    private final IntegerField fixHours = new IntegerField();

    CategoryDialog(AdminService service, CurrentStaff currentStaff, CategoryForm form, String name, List<Opd> opds,
                   Consumer<Category> onSaved) {
        this.service = service;
        this.currentStaff = currentStaff;
        this.form = form;
        this.onSaved = onSaved;
        setId("category-dialog");
        setHeaderTitle(getTranslation("admin.category.dialog", name));
        setWidth("min(36rem, 95vw)");

        Map<String, String> opdLabels = opds.stream()
                .collect(Collectors.toMap(Opd::code, Opd::label, (a, b) -> a, LinkedHashMap::new));
        defaultOpd.setId("category-default-opd");
        defaultOpd.setLabel(getTranslation("admin.category.field.defaultOpd"));
        defaultOpd.setItems(OpdSearch.filter(code -> code, code -> opdLabels.getOrDefault(code, code)), opdLabels.keySet());
        defaultOpd.setItemLabelGenerator(code -> opdLabels.getOrDefault(code, code));
        defaultOpd.setRequiredIndicatorVisible(form.hadDefaultOpd());
        defaultOpd.setClearButtonVisible(!form.hadDefaultOpd());
        binder.forField(defaultOpd)
                .withValidator(AdminUi.rule(this, code -> CategoryForm.checkDefaultOpd(code, form.hadDefaultOpd())))
                .bind(CategoryForm::getDefaultOpdCode, CategoryForm::setDefaultOpdCode);

        String hoursHelp = getTranslation("admin.category.field.hours.helper",
                String.valueOf(CategoryForm.MIN_HOURS), String.valueOf(CategoryForm.MAX_HOURS));
        hours(replyHours, "category-reply-hours", "admin.category.field.replyHours", hoursHelp);
        binder.forField(replyHours)
                .withValidator(AdminUi.rule(this, CategoryForm::checkHours))
                .bind(CategoryForm::getReplyHours, CategoryForm::setReplyHours);
        hours(fixHours, "category-fix-hours", "admin.category.field.fixHours", hoursHelp);
        binder.forField(fixHours)
                .withValidator(AdminUi.rule(this, CategoryForm::checkHours))
                .bind(CategoryForm::getFixHours, CategoryForm::setFixHours);

        binder.readBean(form);
        FormLayout fields = new FormLayout(defaultOpd, replyHours, fixHours);
        fields.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("24rem", 2));
        fields.setColspan(defaultOpd, 2);
        add(fields);

        Button save = new Button(getTranslation("admin.save"), click -> save());
        save.setId("category-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button(getTranslation("admin.cancel"), click -> close());
        cancel.setId("category-cancel");
        getFooter().add(cancel, save);
    }

    private void hours(IntegerField field, String id, String labelKey, String help) {
        field.setId(id);
        field.setLabel(getTranslation(labelKey));
        field.setHelperText(help);
        field.setMin(CategoryForm.MIN_HOURS);
        field.setMax(CategoryForm.MAX_HOURS);
        field.setStepButtonsVisible(true);
        field.setRequiredIndicatorVisible(true);
    }

    private void save() {
        if (!binder.writeBeanIfValid(form)) {
            return;
        }
        Outcome<Category> saved;
        try {
            saved = service.updateCategory(currentStaff.session(), form);
        } catch (BackendException e) {
            AdminUi.failed(this, e);
            return;
        }
        if (!saved.ok()) {
            AdminUi.refused(this, saved.errors(), Map.of(CategoryForm.DEFAULT_OPD, defaultOpd,
                    CategoryForm.REPLY_HOURS, replyHours, CategoryForm.FIX_HOURS, fixHours));
            return;
        }
        close();
        AdminUi.saved(getTranslation("admin.category.saved", saved.value().code()));
        onSaved.accept(saved.value());
    }
}
