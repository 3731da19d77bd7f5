package id.go.cilegon.juare.dashboard.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.go.cilegon.juare.dashboard.commandcentre.CommandCentreOverview;
import id.go.cilegon.juare.dashboard.commandcentre.CommandCentreOverview.OpdRow;
import id.go.cilegon.juare.dashboard.commandcentre.CommandCentreService;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The dashboard's client against the real backend with its demo data: sign-in, refresh, the command centre. */
class BackendClientTest {

    private static BackendClient client;

    @BeforeAll
    static void startBackend() {
        client = new BackendClient(RunningBackend.get().properties(), Clock.systemUTC());
    }

    @Test
    void staffSignInWithTheirBackendAccountAndGetTheirRole() {
        BackendSession mayor = client.login("walikota", RunningBackend.DEMO_PASSWORD);
        assertThat(mayor.account().role()).isEqualTo(StaffRole.MAYOR);
        assertThat(mayor.account().displayName()).isNotBlank();
        assertThat(mayor.tokens().accessToken()).isNotBlank();
        assertThat(mayor.tokens().accessTokenExpiresAt()).isAfter(java.time.Instant.now());

        BackendSession responder = client.login("dpupr", RunningBackend.DEMO_PASSWORD);
        assertThat(responder.account().role()).isEqualTo(StaffRole.OPD_RESPONDER);
        assertThat(responder.account().opd().code()).isEqualTo("DPUPR");
    }

    @Test
    void aWrongPasswordIsRefusedAsSuch() {
        assertThatThrownBy(() -> client.login("operator2", "not-the-password"))
                .isInstanceOfSatisfying(BackendException.class, e -> assertThat(e.code()).isNotEqualTo(BackendException.UNAVAILABLE));
    }

    @Test
    void anAccessTokenAboutToExpireIsRefreshedAndTheOldRefreshTokenIsSpent() {
        BackendSession session = client.login("operator3", RunningBackend.DEMO_PASSWORD);
        Tokens before = session.tokens();
        // a clock 20 minutes ahead: the 15-minute access token is as good as expired
        Clock later = Clock.offset(Clock.systemUTC(), Duration.ofMinutes(20));
        BackendClient clientLater = new BackendClient(RunningBackend.get().properties(), later);

        String username = clientLater.execute(session, "MyStaffAccount", Map.of()).field("myStaffAccount.username").getValue();
        assertThat(username).isEqualTo("operator3");
        // the access token may come out the same within one second (same claims); the refresh token rotates
        assertThat(session.tokens().refreshToken()).isNotEqualTo(before.refreshToken());
        assertThat(session.tokens().accessTokenExpiresAt()).isAfterOrEqualTo(before.accessTokenExpiresAt());
        assertThatThrownBy(() -> client.refresh(before.refreshToken()))
                .isInstanceOf(SessionOverException.class);
    }

    @Test
    void theCommandCentreAddsUpForAnOperator() {
        BackendSession operator = client.login("operator", RunningBackend.DEMO_PASSWORD);
        CommandCentreOverview overview = new CommandCentreService(client, Clock.systemUTC()).overview(operator);

        assertThat(overview.opds()).isNotEmpty();
        int openAtOpds = overview.opds().stream().mapToInt(OpdRow::open).sum();
        // the city's open count also holds what still waits for an operator (not at any OPD yet)
        assertThat(overview.open()).isEqualTo(openAtOpds + overview.waitingForOperator());
        assertThat(overview.replyOverdue()).isEqualTo(overview.opds().stream().mapToInt(OpdRow::replyOverdue).sum());
        assertThat(overview.fixOverdue()).isEqualTo(overview.opds().stream().mapToInt(OpdRow::fixOverdue).sum());
        assertThat(overview.open()).isPositive();
        assertThat(overview.opds()).isSortedAccordingTo(OpdRow.WORST_FIRST);
        assertThat(overview.shift().shift()).isIn("PAGI", "SIANG", "MALAM");
        assertThat(overview.shift().start()).matches("\\d\\d:\\d\\d");
        assertThat(overview.shift().intakeToday()).extracting(CommandCentreOverview.Intake::shift)
                .containsExactlyInAnyOrder("PAGI", "SIANG", "MALAM");
        // the demo data files complaints over the last four days, so not all of them today
        assertThat(overview.newToday()).isBetween(0, overview.opds().stream().mapToInt(OpdRow::total).sum() + overview.waitingForOperator());
    }

    @Test
    void anOpdResponderIsNotLetIntoTheCommandCentre() {
        BackendSession responder = client.login("dlh", RunningBackend.DEMO_PASSWORD);
        CommandCentreService service = new CommandCentreService(client, Clock.systemUTC());
        assertThatThrownBy(() -> service.overview(responder))
                .isInstanceOfSatisfying(BackendException.class, e -> assertThat(e.code()).isEqualTo("FORBIDDEN"));
    }

    @Test
    void anUnreachableBackendIsReportedAsUnavailable() {
        BackendProperties nowhere = new BackendProperties(java.net.URI.create("http://127.0.0.1:1"),
                Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(60));
        assertThatThrownBy(() -> new BackendClient(nowhere, Clock.systemUTC()).login("operator", "x"))
                .isInstanceOfSatisfying(BackendException.class, e -> assertThat(e.code()).isEqualTo(BackendException.UNAVAILABLE));
    }

    @Test
    void aComplaintFiledByAResidentThroughTheApiIsInTheOperatorsIntakeQueue() throws InterruptedException {
        Resident resident = Resident.signUp(RunningBackend.get(), "Warga Uji");
        Resident.Filed filed = resident.submit("JALAN", "Jalan berlubang besar di depan sekolah, bahaya untuk motor.",
                -6.0169, 106.0538);
        assertThat(filed.status()).isEqualTo("SUBMITTED");

        BackendSession operator = client.login("operator", RunningBackend.DEMO_PASSWORD);
        java.util.List<String> queued = client.execute(operator, "IntakeQueue", Map.of("first", 100))
                .field("intakeQueue.edges").toEntityList(Map.class).stream()
                .map(edge -> (String) ((Map<?, ?>) edge.get("node")).get("trackingNumber"))
                .toList();
        assertThat(queued).contains(filed.trackingNumber());
    }
}
