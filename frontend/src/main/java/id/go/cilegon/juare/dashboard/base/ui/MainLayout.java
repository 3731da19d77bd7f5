package id.go.cilegon.juare.dashboard.base.ui;

import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.RouterLayout;
import id.go.cilegon.juare.dashboard.backend.StaffAccount;
import id.go.cilegon.juare.dashboard.live.LiveEvents;
import id.go.cilegon.juare.dashboard.live.ui.LiveStatus;
import id.go.cilegon.juare.dashboard.security.CurrentStaff;
import jakarta.annotation.security.PermitAll;

/**
 * The frame of every signed-in screen: the menu for the role, whether live updates arrive (a dot), who is signed in,
 * the language, logout.
 */
@PermitAll
public class MainLayout extends AppLayout implements RouterLayout {

    public MainLayout(CurrentStaff currentStaff, LiveEvents live) {
        StaffAccount account = currentStaff.account();

        Span title = new Span("Juare");
        title.getStyle().set("font-weight", "600").set("font-size", "var(--lumo-font-size-l)");

        String who = account.displayName() + " · " + getTranslation("role." + account.role().name())
                + (account.opd() == null ? "" : " · " + account.opd().code());
        Span user = new Span(who);
        user.setId("current-user");
        Button logout = new Button(getTranslation("nav.logout"), click -> currentStaff.logout());
        logout.setId("logout");
        logout.addThemeVariants(ButtonVariant.LUMO_TERTIARY);

        HorizontalLayout header = new HorizontalLayout(title, new LiveStatus(live, false), user, new LanguageSwitch(), logout);
        header.setAlignItems(FlexComponent.Alignment.CENTER);
        header.expand(user);
        header.setWidthFull();
        header.getStyle().set("padding-right", "var(--lumo-space-m)");
        addToNavbar(new DrawerToggle(), header);

        SideNav nav = new SideNav();
        for (Navigation.Item item : Navigation.visibleTo(account.role())) {
            nav.addItem(new SideNavItem(getTranslation(item.labelKey()), item.view()));
        }
        addToDrawer(nav);
    }
}
