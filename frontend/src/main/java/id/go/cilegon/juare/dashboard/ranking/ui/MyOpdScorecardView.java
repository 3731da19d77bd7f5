package id.go.cilegon.juare.dashboard.ranking.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import id.go.cilegon.juare.dashboard.backend.StaffAccount;
import id.go.cilegon.juare.dashboard.base.ui.MainLayout;
import id.go.cilegon.juare.dashboard.security.CurrentStaff;
import jakarta.annotation.security.RolesAllowed;

/** "Kinerja OPD" in the menu of OPD staff: leads to their own OPD's scorecard (a menu item cannot carry the code). */
@Route(value = "ranking/my-opd", layout = MainLayout.class)
@Menu(title = "ranking.nav.myOpd", order = 70)
@RolesAllowed({"OPD_RESPONDER", "OPD_HEAD"})
public class MyOpdScorecardView extends Div implements BeforeEnterObserver {

    private final CurrentStaff currentStaff;

    public MyOpdScorecardView(CurrentStaff currentStaff) {
        this.currentStaff = currentStaff;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        StaffAccount account = currentStaff.account();
        if (account.opd() == null) {
            setText(getTranslation("ranking.scorecard.noOpd"));
            return;
        }
        event.forwardTo(ScorecardView.class, new RouteParameters("opdCode", account.opd().code()));
    }
}
