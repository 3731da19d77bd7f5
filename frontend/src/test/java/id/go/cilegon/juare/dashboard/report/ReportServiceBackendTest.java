package id.go.cilegon.juare.dashboard.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.go.cilegon.juare.dashboard.backend.BackendClient;
import id.go.cilegon.juare.dashboard.backend.BackendException;
import id.go.cilegon.juare.dashboard.backend.BackendSession;
import id.go.cilegon.juare.dashboard.backend.Outcome;
import id.go.cilegon.juare.dashboard.backend.RunningBackend;
import id.go.cilegon.juare.dashboard.backend.UserError;
import id.go.cilegon.juare.dashboard.base.Wib;
import id.go.cilegon.juare.dashboard.ranking.RankingService;
import java.time.Clock;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The report service against the real backend with its demo data: the list, one day, an admin's regeneration. */
class ReportServiceBackendTest {

    private static BackendClient client;
    private static ReportService service;
    private static BackendSession admin;
    private static BackendSession mayor;
    private static LocalDate yesterday;

    @BeforeAll
    static void signIn() {
        client = new BackendClient(RunningBackend.get().properties(), Clock.systemUTC());
        service = new ReportService(client, new RankingService(client));
        admin = client.login("diskominfo", RunningBackend.DEMO_PASSWORD);
        mayor = client.login("walikota", RunningBackend.DEMO_PASSWORD);
        yesterday = LocalDate.now(Wib.ZONE).minusDays(1);
    }

    @Test
    void anAdminMakesYesterdaysReportAgainAndTheMayorReadsIt() {
        Outcome<DailyReport> made = service.regenerate(admin, yesterday);
        assertThat(made.errors()).isEmpty();
        assertThat(made.value().day()).isEqualTo(yesterday);
        assertThat(made.value().trigger()).isEqualTo("REGENERATED");
        assertThat(made.value().generatedBy()).isEqualTo("diskominfo");

        DailyReport read = service.report(mayor, yesterday).orElseThrow();
        assertThat(read.contentHash()).isEqualTo(made.value().contentHash());
        assertThat(read.opds()).isNotEmpty();
        assertThat(read.pdfPath()).startsWith("/");
        assertThat(new ReportFile(yesterday, ReportFile.Kind.PDF).backendPath(read)).isEqualTo(read.pdfPath());
        // the list, newest first, has it without its OPDs
        DailyReport listed = service.reports(mayor, null).reports().stream()
                .filter(r -> r.day().equals(yesterday)).findFirst().orElseThrow();
        assertThat(listed.totals()).isEqualTo(read.totals());
        assertThat(listed.opds()).isEmpty();
    }

    @Test
    void todayCannotBeMadeAgainAndTheAnswerSaysWhy() {
        Outcome<DailyReport> refused = service.regenerate(admin, LocalDate.now(Wib.ZONE));
        assertThat(refused.value()).isNull();
        assertThat(refused.errors()).extracting(UserError::code).containsExactly("INVALID_INPUT");
        assertThat(refused.errors().getFirst().message()).contains("hari yang sudah lewat");
    }

    @Test
    void onlyAnAdminMakesAReportAgain() {
        assertThatThrownBy(() -> service.regenerate(mayor, yesterday))
                .isInstanceOfSatisfying(BackendException.class, e -> assertThat(e.code()).isEqualTo("FORBIDDEN"));
    }

    @Test
    void aDayWithoutAReportIsEmpty() {
        assertThat(service.report(mayor, LocalDate.of(2001, 1, 1))).isEmpty();
    }
}
