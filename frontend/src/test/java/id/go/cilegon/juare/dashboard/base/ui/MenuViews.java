package id.go.cilegon.juare.dashboard.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.router.Menu;
import java.util.List;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.util.ClassUtils;

/** Every view with {@code @Menu} in the dashboard, as Vaadin's menu configuration finds them at run time. */
public final class MenuViews {

    private MenuViews() {
    }

    @SuppressWarnings("unchecked")
    public static List<Class<? extends Component>> all() {
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Menu.class));
        return scanner.findCandidateComponents("id.go.cilegon.juare.dashboard").stream()
                .<Class<? extends Component>>map(definition -> (Class<? extends Component>) ClassUtils.resolveClassName(definition.getBeanClassName(), null))
                .toList();
    }
}
