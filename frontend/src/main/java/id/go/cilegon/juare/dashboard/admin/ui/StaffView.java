package id.go.cilegon.juare.dashboard.admin.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.ListDataProvider;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import id.go.cilegon.juare.dashboard.admin.AdminService;
import id.go.cilegon.juare.dashboard.admin.Opd;
import id.go.cilegon.juare.dashboard.admin.StaffForm;
import id.go.cilegon.juare.dashboard.admin.StaffMember;
import id.go.cilegon.juare.dashboard.backend.BackendException;
import id.go.cilegon.juare.dashboard.backend.StaffRole;
import id.go.cilegon.juare.dashboard.base.Wib;
import id.go.cilegon.juare.dashboard.base.ui.MainLayout;
import id.go.cilegon.juare.dashboard.security.CurrentStaff;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/** ADMIN: every staff account, a filter, and a dialog to create one or change one. */
@Route(value = "admin/staff", layout = MainLayout.class)
@Menu(title = "admin.nav.staff", order = 90)
@RolesAllowed("ADMIN")
public class StaffView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final AdminService service;
    private final CurrentStaff currentStaff;
    private final Clock clock;

    private final Grid<StaffMember> grid = new Grid<>();
    private final TextField filter = new TextField();
    private final List<StaffMember> members = new ArrayList<>();
    private final ListDataProvider<StaffMember> provider = new ListDataProvider<>(members);
    private List<Opd> opds = List.of();

    public StaffView(AdminService service, CurrentStaff currentStaff, Clock clock) {
        this.service = service;
        this.currentStaff = currentStaff;
        this.clock = clock;
        setSizeFull();

        filter.setId("staff-filter");
        filter.setLabel(getTranslation("admin.staff.filter"));
        filter.setPlaceholder(getTranslation("admin.staff.filter.placeholder"));
        filter.setPrefixComponent(VaadinIcon.SEARCH.create());
        filter.setClearButtonVisible(true);
        filter.setValueChangeMode(ValueChangeMode.LAZY);
        filter.addValueChangeListener(change -> applyFilter());

        Button create = new Button(getTranslation("admin.staff.new"), VaadinIcon.PLUS.create(),
                click -> open(StaffForm.newAccount(), null));
        create.setId("staff-new");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button refresh = new Button(getTranslation("admin.refresh"), click -> load());
        refresh.setId("staff-refresh");

        HorizontalLayout tools = new HorizontalLayout(filter, refresh, create);
        tools.setAlignItems(Alignment.BASELINE);
        tools.setWidthFull();
        tools.expand(filter);

        grid.setId("staff-grid");
        grid.addColumn(StaffMember::username).setHeader(getTranslation("admin.staff.col.username")).setSortable(true).setAutoWidth(true);
        grid.addColumn(StaffMember::displayName).setHeader(getTranslation("admin.staff.col.displayName")).setSortable(true).setFlexGrow(2);
        grid.addColumn(m -> roleLabel(m.role())).setHeader(getTranslation("admin.staff.col.role")).setSortable(true).setAutoWidth(true);
        grid.addColumn(m -> m.opdCode() == null ? "" : m.opdCode()).setHeader(getTranslation("admin.staff.col.opd"))
                .setSortable(true).setAutoWidth(true);
        grid.addColumn(m -> m.shift() == null ? "" : getTranslation("shift." + m.shift()))
                .setHeader(getTranslation("admin.staff.col.shift")).setAutoWidth(true);
        grid.addColumn(this::status).setHeader(getTranslation("admin.staff.col.status")).setAutoWidth(true);
        AdminUi.openRowsWith(grid, "staff", StaffMember::username, m -> open(StaffForm.edit(m), m));
        grid.setItems(provider);

        add(new H2(getTranslation("admin.nav.staff")), tools, grid);
        expand(grid);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        load();
    }

    private void load() {
        try {
            List<StaffMember> fresh = service.staffAccounts(currentStaff.session());
            opds = service.agency(currentStaff.session()).opds();
            members.clear();
            members.addAll(fresh);
            provider.refreshAll();
        } catch (BackendException e) {
            AdminUi.failed(this, e);
        }
    }

    private void applyFilter() {
        String text = filter.getValue();
        provider.setFilter(member -> member.matches(text, this::roleLabel));
    }

    private void open(StaffForm form, StaffMember member) {
        boolean self = member != null && member.id().equals(currentStaff.account().id());
        new StaffDialog(service, currentStaff, form, member, opds, self, saved -> load()).open();
    }

    private String roleLabel(StaffRole role) {
        return getTranslation("role." + role.name());
    }

    private String status(StaffMember m) {
        if (!m.active()) {
            return getTranslation("admin.staff.status.disabled");
        }
        if (m.isLocked(clock.instant())) {
            return getTranslation("admin.staff.status.locked", Wib.dateTime(m.lockedUntil(), getLocale()));
        }
        return getTranslation("admin.staff.status.active");
    }

    @Override
    public String getPageTitle() {
        return getTranslation("admin.nav.staff") + " · Juare";
    }
}
