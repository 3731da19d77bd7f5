package id.go.cilegon.juare.dashboard.base.ui;

import com.vaadin.flow.component.Component;
import id.go.cilegon.juare.dashboard.admin.ui.CategoriesView;
import id.go.cilegon.juare.dashboard.admin.ui.OpdsView;
import id.go.cilegon.juare.dashboard.admin.ui.StaffView;
import id.go.cilegon.juare.dashboard.backend.StaffRole;
import id.go.cilegon.juare.dashboard.commandcentre.ui.CommandCentreView;
import id.go.cilegon.juare.dashboard.complaint.ui.IntakeView;
import id.go.cilegon.juare.dashboard.complaint.ui.OpdQueueView;
import id.go.cilegon.juare.dashboard.identity.ui.PhoneChangesView;
import id.go.cilegon.juare.dashboard.verification.ui.VerificationView;
import id.go.cilegon.juare.dashboard.ranking.ui.MyOpdScorecardView;
import id.go.cilegon.juare.dashboard.ranking.ui.RankingView;
import id.go.cilegon.juare.dashboard.report.ui.ReportsView;
import jakarta.annotation.security.RolesAllowed;
import java.util.Arrays;
import java.util.List;

/**
 * The menu: each view with its translation key, shown to the roles its {@code @RolesAllowed} lets in, so the menu
 * and the route guard cannot disagree.
 */
public final class Navigation {

    public record Item(String labelKey, Class<? extends Component> view) {
    }

    static final List<Item> ITEMS = List.of(
            new Item("nav.commandCentre", CommandCentreView.class),
            new Item("complaint.nav.intake", IntakeView.class),
            new Item("complaint.nav.opdQueue", OpdQueueView.class),
            new Item("identity.nav", PhoneChangesView.class),
            new Item("verification.nav", VerificationView.class),
            new Item("ranking.nav.ranking", RankingView.class),
            new Item("ranking.nav.myOpd", MyOpdScorecardView.class),
            new Item("report.nav.reports", ReportsView.class),
            new Item("admin.nav.staff", StaffView.class),
            new Item("admin.nav.opds", OpdsView.class),
            new Item("admin.nav.categories", CategoriesView.class));

    private Navigation() {
    }

    public static List<Item> visibleTo(StaffRole role) {
        return ITEMS.stream().filter(item -> allows(item.view(), role)).toList();
    }

    public static boolean allows(Class<?> view, StaffRole role) {
        RolesAllowed allowed = view.getAnnotation(RolesAllowed.class);
        return allowed != null && Arrays.asList(allowed.value()).contains(role.name());
    }
}
