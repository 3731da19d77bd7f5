package id.go.cilegon.juare.dashboard.admin.ui;

import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import id.go.cilegon.juare.dashboard.admin.AdminService;
import id.go.cilegon.juare.dashboard.admin.Agency;
import id.go.cilegon.juare.dashboard.admin.Category;
import id.go.cilegon.juare.dashboard.admin.CategoryForm;
import id.go.cilegon.juare.dashboard.admin.Opd;
import id.go.cilegon.juare.dashboard.backend.BackendException;
import id.go.cilegon.juare.dashboard.base.ui.MainLayout;
import id.go.cilegon.juare.dashboard.security.CurrentStaff;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;

/** ADMIN: the complaint categories with their default OPD and clocks; a dialog changes those. */
@Route(value = "admin/categories", layout = MainLayout.class)
@Menu(title = "admin.nav.categories", order = 110)
@RolesAllowed("ADMIN")
public class CategoriesView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final AdminService service;
    private final CurrentStaff currentStaff;
    private final Grid<Category> grid = new Grid<>();
    private List<Opd> opds = List.of();

    public CategoriesView(AdminService service, CurrentStaff currentStaff) {
        this.service = service;
        this.currentStaff = currentStaff;
        setSizeFull();

        grid.setId("category-grid");
        grid.addColumn(Category::code).setHeader(getTranslation("admin.category.col.code")).setSortable(true)
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(c -> c.name(getLocale())).setHeader(getTranslation("admin.category.col.name")).setSortable(true).setFlexGrow(3)
                .setTooltipGenerator(c -> c.name(getLocale()));
        grid.addColumn(c -> c.defaultOpdCode() == null ? getTranslation("admin.category.noDefault") : c.defaultOpdName())
                .setHeader(getTranslation("admin.category.col.defaultOpd")).setSortable(true).setFlexGrow(3)
                .setTooltipGenerator(c -> c.defaultOpdCode() == null ? null : c.defaultOpdName() + " (" + c.defaultOpdCode() + ")");
        grid.addColumn(Category::replyHours).setHeader(getTranslation("admin.category.col.replyHours"))
                .setTextAlign(ColumnTextAlign.END).setSortable(true).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(Category::fixHours).setHeader(getTranslation("admin.category.col.fixHours"))
                .setTextAlign(ColumnTextAlign.END).setSortable(true).setAutoWidth(true).setFlexGrow(0);
        AdminUi.openRowsWith(grid, "category", Category::code, this::open);
        HorizontalLayout top = AdminUi.titleWithRefresh(this, "admin.nav.categories", "category", this::load);
        add(top, grid);
        expand(grid);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        load();
    }

    private void load() {
        try {
            Agency agency = service.agency(currentStaff.session());
            opds = agency.opds();
            grid.setItems(agency.categories());
        } catch (BackendException e) {
            AdminUi.failed(this, e);
        }
    }

    private void open(Category category) {
        new CategoryDialog(service, currentStaff, new CategoryForm(category), category.name(getLocale()), opds, saved -> load()).open();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("admin.nav.categories") + " · Juare";
    }
}
