package id.go.cilegon.juare.dashboard.admin.ui;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.cilegon.juare.dashboard.admin.CategoryForm;
import id.go.cilegon.juare.dashboard.admin.StaffForm;
import id.go.cilegon.juare.dashboard.backend.StaffRole;
import id.go.cilegon.juare.dashboard.base.i18n.TranslationProvider;
import id.go.cilegon.juare.dashboard.base.ui.MenuViews;
import id.go.cilegon.juare.dashboard.base.ui.Navigation;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The admin screens are in the menu for admins only, and their texts say the same limits as the rules. */
class AdminNavigationTest {

    private static final List<Class<? extends com.vaadin.flow.component.Component>> ADMIN_VIEWS = List.of(StaffView.class, OpdsView.class, CategoriesView.class);
    private final TranslationProvider translations = new TranslationProvider();

    @Test
    void onlyAdminsSeeTheAdminScreens() {
        assertThat(Navigation.visibleTo(StaffRole.ADMIN, MenuViews.all())).extracting(Navigation.Item::view).containsAll(ADMIN_VIEWS);
        for (StaffRole role : new StaffRole[] {StaffRole.OPERATOR, StaffRole.OPD_RESPONDER, StaffRole.OPD_HEAD, StaffRole.MAYOR}) {
            assertThat(Navigation.visibleTo(role, MenuViews.all())).extracting(Navigation.Item::view).as(role.name()).doesNotContainAnyElementsOf(ADMIN_VIEWS);
            for (Class<?> view : ADMIN_VIEWS) {
                assertThat(Navigation.allows(view, role)).as("%s in %s", role, view.getSimpleName()).isFalse();
            }
        }
    }

    @Test
    void theMenuLabelsAreTranslated() {
        for (Navigation.Item item : Navigation.visibleTo(StaffRole.ADMIN, MenuViews.all())) {
            for (Locale locale : TranslationProvider.LOCALES) {
                assertThat(translations.getTranslation(item.labelKey(), locale)).as(item.labelKey()).doesNotStartWith("!");
            }
        }
    }

    @Test
    void theMessagesNameTheRulesLimits() {
        for (Locale locale : TranslationProvider.LOCALES) {
            assertThat(translations.getTranslation("admin.staff.error.password", locale)).contains(String.valueOf(StaffForm.MIN_PASSWORD));
            assertThat(translations.getTranslation("admin.category.error.hours", locale)).contains(String.valueOf(CategoryForm.MAX_HOURS));
            assertThat(translations.getTranslation("admin.category.field.hours.helper", locale, "1", "1440")).startsWith("1–1440");
        }
    }
}
