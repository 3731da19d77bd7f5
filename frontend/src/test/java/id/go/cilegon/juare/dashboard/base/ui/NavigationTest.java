package id.go.cilegon.juare.dashboard.base.ui;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.cilegon.juare.dashboard.backend.StaffRole;
import id.go.cilegon.juare.dashboard.commandcentre.ui.CommandCentreView;
import id.go.cilegon.juare.dashboard.complaint.ui.IntakeView;
import id.go.cilegon.juare.dashboard.complaint.ui.OpdQueueView;
import id.go.cilegon.juare.dashboard.ranking.ui.MyOpdScorecardView;
import id.go.cilegon.juare.dashboard.ranking.ui.RankingView;
import org.junit.jupiter.api.Test;

/** The menu follows the views' role guards. */
class NavigationTest {

    @Test
    void theCommandCentreIsForOperatorsTheMayorAndAdmins() {
        for (StaffRole role : new StaffRole[] {StaffRole.OPERATOR, StaffRole.MAYOR, StaffRole.ADMIN}) {
            assertThat(Navigation.visibleTo(role, MenuViews.all())).extracting(Navigation.Item::view).as(role.name()).contains(CommandCentreView.class);
        }
        for (StaffRole role : new StaffRole[] {StaffRole.OPD_RESPONDER, StaffRole.OPD_HEAD}) {
            assertThat(Navigation.visibleTo(role, MenuViews.all())).extracting(Navigation.Item::view).as(role.name()).doesNotContain(CommandCentreView.class);
        }
    }

    @Test
    void theIntakeIsForOperatorsAndAdminsTheOpdQueueForOpdStaffAndAdmins() {
        assertThat(Navigation.visibleTo(StaffRole.OPERATOR, MenuViews.all())).extracting(Navigation.Item::view)
                .contains(IntakeView.class).doesNotContain(OpdQueueView.class);
        assertThat(Navigation.visibleTo(StaffRole.ADMIN, MenuViews.all())).extracting(Navigation.Item::view).contains(IntakeView.class, OpdQueueView.class);
        for (StaffRole role : new StaffRole[] {StaffRole.OPD_RESPONDER, StaffRole.OPD_HEAD}) {
            // their start page, then their own OPD's scorecard
            assertThat(Navigation.visibleTo(role, MenuViews.all())).extracting(Navigation.Item::view).as(role.name())
                    .containsExactly(OpdQueueView.class, MyOpdScorecardView.class);
        }
        assertThat(Navigation.visibleTo(StaffRole.MAYOR, MenuViews.all())).extracting(Navigation.Item::view).doesNotContain(IntakeView.class, OpdQueueView.class);
    }

    @Test
    void theRankingIsForTheMayorOperatorsAndAdmins() {
        for (StaffRole role : new StaffRole[] {StaffRole.OPERATOR, StaffRole.MAYOR, StaffRole.ADMIN}) {
            assertThat(Navigation.visibleTo(role, MenuViews.all())).extracting(Navigation.Item::view).as(role.name())
                    .contains(RankingView.class).doesNotContain(MyOpdScorecardView.class);
        }
    }

    @Test
    void theNumberChangesAreForOperatorsOnly() {
        for (StaffRole role : StaffRole.values()) {
            assertThat(Navigation.visibleTo(role, MenuViews.all())).extracting(Navigation.Item::view).as(role.name())
                    .matches(views -> views.contains(id.go.cilegon.juare.dashboard.identity.ui.PhoneChangesView.class) == (role == StaffRole.OPERATOR));
        }
    }

    @Test
    void theVerificationOfFixesIsForOperatorsOnly() {
        for (StaffRole role : StaffRole.values()) {
            assertThat(Navigation.visibleTo(role, MenuViews.all())).extracting(Navigation.Item::view).as(role.name())
                    .matches(views -> views.contains(id.go.cilegon.juare.dashboard.verification.ui.VerificationView.class)
                            == (role == StaffRole.OPERATOR));
        }
    }

    @Test
    void everyMenuItemIsGuarded() {
        assertThat(MenuViews.all()).hasSizeGreaterThanOrEqualTo(11).allSatisfy(view ->
                assertThat(view.getAnnotation(jakarta.annotation.security.RolesAllowed.class)).as(view.getSimpleName()).isNotNull());
    }

    @Test
    void theMenuKeepsItsOrder() {
        assertThat(Navigation.visibleTo(StaffRole.OPERATOR, MenuViews.all())).extracting(Navigation.Item::view).containsExactly(
                CommandCentreView.class, IntakeView.class, id.go.cilegon.juare.dashboard.identity.ui.PhoneChangesView.class,
                id.go.cilegon.juare.dashboard.verification.ui.VerificationView.class, RankingView.class,
                id.go.cilegon.juare.dashboard.report.ui.ReportsView.class);
        assertThat(Navigation.visibleTo(StaffRole.OPERATOR, MenuViews.all())).extracting(Navigation.Item::path)
                .startsWith("command-centre", "intake");
    }

    @Test
    void theFrameShowsANameOnOneLineAndTheScreensTitle() {
        assertThat(MainLayout.initials("Budi Santoso Wijaya")).isEqualTo("BS");
        assertThat(MainLayout.initials("walikota")).isEqualTo("WA");
        assertThat(MainLayout.screenTitle(null)).isEqualTo("Juare");
    }
}
