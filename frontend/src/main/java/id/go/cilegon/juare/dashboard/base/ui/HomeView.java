package id.go.cilegon.juare.dashboard.base.ui;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import id.go.cilegon.juare.dashboard.backend.StaffAccount;
import id.go.cilegon.juare.dashboard.base.SignedInStaff;
import jakarta.annotation.security.PermitAll;
import java.util.List;

/** The start page: goes on to the first view of the role's menu; says so when the role has none yet. */
@Route(value = "", layout = MainLayout.class)
@PermitAll
public class HomeView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final SignedInStaff signedIn;

    public HomeView(SignedInStaff signedIn) {
        this.signedIn = signedIn;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        List<Navigation.Item> items = signedIn.current().map(StaffAccount::role).map(Navigation::current).orElse(List.of());
        if (!items.isEmpty()) {
            event.forwardTo(items.getFirst().view());
            return;
        }
        removeAll();
        add(new H2(getTranslation("home.noViews.title")), new Paragraph(getTranslation("home.noViews.text")));
    }

    @Override
    public String getPageTitle() {
        return "Juare";
    }
}
