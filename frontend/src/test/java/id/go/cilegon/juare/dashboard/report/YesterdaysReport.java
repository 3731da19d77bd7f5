package id.go.cilegon.juare.dashboard.report;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.cilegon.juare.dashboard.backend.BackendClient;
import id.go.cilegon.juare.dashboard.backend.Outcome;
import id.go.cilegon.juare.dashboard.backend.RunningBackend;
import id.go.cilegon.juare.dashboard.base.Wib;
import id.go.cilegon.juare.dashboard.base.i18n.TranslationProvider;
import id.go.cilegon.juare.dashboard.ranking.RankingService;
import java.time.Clock;
import java.time.LocalDate;

/** Yesterday's daily report in the test backend, for browser tests, whatever the hour they run at. */
public final class YesterdaysReport {

    private YesterdaysReport() {
    }

    public static LocalDate day() {
        return LocalDate.now(Wib.ZONE).minusDays(1);
    }

    /** The day as the reports list shows it ("Sab, 28 Nov 2026"). */
    public static String listed() {
        return Wib.shortDay(day(), TranslationProvider.INDONESIAN);
    }

    /** The stored one: the backend makes it at start-up once the morning's time has passed; before that, an admin does. */
    public static DailyReport stored() {
        ReportService service = service();
        BackendClient client = client();
        return service.report(client.login("walikota", RunningBackend.DEMO_PASSWORD), day())
                .orElseGet(YesterdaysReport::regenerated);
    }

    /** Made again now by the admin diskominfo (from the demo data as it is now). */
    public static DailyReport regenerated() {
        Outcome<DailyReport> made = service().regenerate(client().login("diskominfo", RunningBackend.DEMO_PASSWORD), day());
        assertThat(made.errors()).isEmpty();
        return made.value();
    }

    private static BackendClient client() {
        return new BackendClient(RunningBackend.get().properties(), Clock.systemUTC());
    }

    private static ReportService service() {
        BackendClient client = client();
        return new ReportService(client, new RankingService(client));
    }
}
