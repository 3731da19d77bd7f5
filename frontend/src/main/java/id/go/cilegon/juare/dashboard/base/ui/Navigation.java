package id.go.cilegon.juare.dashboard.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteConfiguration;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.server.menu.MenuEntry;
import id.go.cilegon.juare.dashboard.backend.StaffRole;
import jakarta.annotation.security.RolesAllowed;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The menu: the views that carry Vaadin's {@link Menu} (its {@code title} is a translation key, its {@code order} the
 * place), shown to the roles their {@code @RolesAllowed} lets in, so the menu and the route guard cannot disagree.
 * Each feature puts {@code @Menu} on its own views: this package imports none of them.
 */
public final class Navigation {

    /** One menu entry: the label's translation key, the path, the view. */
    public record Item(String labelKey, String path, Class<? extends Component> view, double order) {
    }

    private Navigation() {
    }

    /**
     * The menu of the signed-in user: Vaadin's menu entries (already filtered by its navigation access control for
     * this request), kept to those the role may open.
     */
    public static List<Item> current(StaffRole role) {
        List<Class<? extends Component>> views = MenuConfiguration.getMenuEntries().stream()
                .<Class<? extends Component>>map(MenuEntry::menuClass)
                .filter(Objects::nonNull)
                .toList();
        return visibleTo(role, views);
    }

    /** The menu items among {@code views} that {@code role} may open, in their {@code @Menu} order. */
    public static List<Item> visibleTo(StaffRole role, Collection<Class<? extends Component>> views) {
        return views.stream()
                .filter(view -> view.isAnnotationPresent(Menu.class) && allows(view, role))
                .map(Navigation::item)
                .distinct()
                .sorted(Comparator.comparingDouble(Item::order).thenComparing(Item::path))
                .toList();
    }

    public static boolean allows(Class<?> view, StaffRole role) {
        RolesAllowed allowed = view.getAnnotation(RolesAllowed.class);
        return allowed != null && Arrays.asList(allowed.value()).contains(role.name());
    }

    private static Item item(Class<? extends Component> view) {
        Menu menu = view.getAnnotation(Menu.class);
        return new Item(menu.title(), path(view), view, menu.order());
    }

    private static String path(Class<? extends Component> view) {
        Route route = view.getAnnotation(Route.class);
        return route == null ? RouteConfiguration.forApplicationScope().getUrl(view) : route.value();
    }
}
