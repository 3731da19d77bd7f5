package id.go.cilegon.juare.dashboard.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasElement;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.RouterLayout;
import id.go.cilegon.juare.dashboard.backend.StaffAccount;
import id.go.cilegon.juare.dashboard.base.SignedInStaff;
import jakarta.annotation.security.PermitAll;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The frame of every signed-in screen: the menu for the role, what features put in the header (the live dot), who is
 * signed in, the language, logout. The screen itself goes into the page's one {@code main} landmark, under a
 * level-one heading with the screen's title (for screen readers: the screens show their own title as they like).
 */
@PermitAll
@StyleSheet("context://juare/hidden.css")
@StyleSheet("context://juare/access.css")
public class MainLayout extends AppLayout implements RouterLayout, AfterNavigationObserver {

    /** The screens' page titles end so; the heading leaves it off. */
    private static final String TITLE_SUFFIX = " · Juare";

    private final Main main = new Main();
    private final H1 heading = new H1();

    public MainLayout(SignedInStaff signedIn, List<HeaderItem> headerItems) {
        StaffAccount account = signedIn.current().orElse(null);

        Span title = new Span("Juare");
        title.addClassName("juare-brand");

        HorizontalLayout header = new HorizontalLayout(new DrawerToggle(), title);
        header.addClassName("juare-header");
        // the bar is the page's banner landmark, the drawer its navigation: no content outside a landmark
        header.getElement().setAttribute("role", "banner");
        headerItems.forEach(item -> header.add(item.create()));
        Span user = new Span();
        user.setId("current-user");
        user.addClassName("juare-user");
        if (account != null) {
            String who = account.displayName() + " · " + getTranslation("role." + account.role().name())
                    + (account.opd() == null ? "" : " · " + account.opd().code());
            // in full on a desk; on a phone the initials, the full text in the tooltip (a name never wraps the bar)
            Span full = new Span(who);
            full.addClassName("juare-user-full");
            Span initials = new Span(initials(account.displayName()));
            initials.addClassName("juare-user-initials");
            user.add(full, initials);
            user.getElement().setAttribute("title", who);
        }
        header.add(user, new LanguageSwitch());
        header.expand(user);
        if (account != null) {
            Button logout = new Button(getTranslation("nav.logout"), click -> signedIn.logout());
            logout.setId("logout");
            logout.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            header.add(logout);
        }
        header.setAlignItems(FlexComponent.Alignment.CENTER);
        header.setWidthFull();
        addToNavbar(header);

        SideNav nav = new SideNav();
        nav.getElement().setAttribute("aria-label", getTranslation("nav.menu"));
        if (account != null) {
            for (Navigation.Item item : Navigation.current(account.role())) {
                nav.addItem(new SideNavItem(getTranslation(item.labelKey()), item.path()));
            }
        }
        Span drawerTitle = new Span("Juare");
        drawerTitle.addClassName("juare-drawer-title");
        // the brand again, for the eye only (the bar has it)
        drawerTitle.getElement().setAttribute("aria-hidden", "true");
        addToDrawer(drawerTitle, nav);

        heading.addClassName("juare-visually-hidden");
        heading.setId("screen-title");
        main.addClassName("juare-main");
        main.add(heading);
        super.setContent(main);
    }

    @Override
    public void showRouterLayoutContent(HasElement content) {
        // the screen goes inside main, after the heading (AppLayout would put it in place of main)
        main.getChildren().filter(child -> child != heading).toList().forEach(main::remove);
        if (content != null) {
            main.getElement().appendChild(Objects.requireNonNull(content.getElement()));
        }
    }

    @Override
    public void removeRouterLayoutContent(HasElement oldContent) {
        main.getChildren().filter(child -> child != heading).toList().forEach(main::remove);
    }

    @Override
    public void afterNavigation(AfterNavigationEvent event) {
        List<HasElement> chain = event.getActiveChain();
        HasElement screen = chain.isEmpty() ? null : chain.getFirst();
        heading.setText(screenTitle(screen));
    }

    /** The screen's page title without the app's name: its {@code HasDynamicTitle}, else its {@code @PageTitle}. */
    static String screenTitle(Object screen) {
        String title = null;
        if (screen instanceof HasDynamicTitle dynamic) {
            title = dynamic.getPageTitle();
        } else if (screen != null && screen.getClass().isAnnotationPresent(PageTitle.class)) {
            title = screen.getClass().getAnnotation(PageTitle.class).value();
        }
        if (title == null || title.isBlank()) {
            return "Juare";
        }
        return title.endsWith(TITLE_SUFFIX) ? title.substring(0, title.length() - TITLE_SUFFIX.length()) : title;
    }

    /** "Budi Santoso" → "BS"; one word → its first two letters. */
    static String initials(String name) {
        if (name == null || name.isBlank()) {
            return "?";
        }
        String[] words = name.trim().split("\\s+");
        if (words.length == 1) {
            return words[0].substring(0, Math.min(2, words[0].length())).toUpperCase(Locale.ROOT);
        }
        return Arrays.stream(words).limit(2).map(w -> w.substring(0, 1)).collect(Collectors.joining()).toUpperCase(Locale.ROOT);
    }

    /** Not for callers: the layout's content is its main landmark; screens come through the router. */
    @Override
    public void setContent(Component content) {
        showRouterLayoutContent(content);
    }
}
