package id.go.cilegon.juare.dashboard.admin.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import id.go.cilegon.juare.dashboard.admin.AdminService;
import id.go.cilegon.juare.dashboard.admin.Opd;
import id.go.cilegon.juare.dashboard.admin.OpdForm;
import id.go.cilegon.juare.dashboard.backend.BackendException;
import id.go.cilegon.juare.dashboard.base.ui.MainLayout;
import id.go.cilegon.juare.dashboard.security.CurrentStaff;
import jakarta.annotation.security.RolesAllowed;

/** ADMIN: the city's OPDs; a dialog changes one's name and whether it takes complaints. */
@Route(value = "admin/opds", layout = MainLayout.class)
@Menu(title = "admin.nav.opds", order = 100)
@RolesAllowed("ADMIN")
public class OpdsView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final AdminService service;
    private final CurrentStaff currentStaff;
    private final Grid<Opd> grid = new Grid<>();

    public OpdsView(AdminService service, CurrentStaff currentStaff) {
        this.service = service;
        this.currentStaff = currentStaff;
        setSizeFull();

        grid.setId("opd-grid");
        grid.addColumn(Opd::code).setHeader(getTranslation("admin.opd.col.code")).setSortable(true).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(Opd::name).setHeader(getTranslation("admin.opd.col.name")).setSortable(true).setFlexGrow(3);
        grid.addColumn(Opd::kind).setHeader(getTranslation("admin.opd.col.kind")).setSortable(true).setAutoWidth(true);
        grid.addColumn(o -> getTranslation(o.active() ? "admin.opd.active.yes" : "admin.opd.active.no"))
                .setHeader(getTranslation("admin.opd.col.active")).setSortable(true).setAutoWidth(true);
        AdminUi.openRowsWith(grid, "opd", Opd::code, this::open);
        HorizontalLayout top = AdminUi.titleWithRefresh(this, "admin.nav.opds", "opd", this::load);
        add(top, grid);
        expand(grid);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        load();
    }

    private void load() {
        try {
            grid.setItems(service.agency(currentStaff.session()).opds());
        } catch (BackendException e) {
            AdminUi.failed(this, e);
        }
    }

    private void open(Opd opd) {
        new OpdDialog(service, currentStaff, new OpdForm(opd), saved -> load()).open();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("admin.nav.opds") + " · Juare";
    }
}
