package id.go.cilegon.juare.overview;

import static id.go.cilegon.juare.support.Api.operation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import id.go.cilegon.juare.auth.TokenService;
import id.go.cilegon.juare.support.IntegrationTest;
import java.time.Clock;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;

/**
 * commandCentre over HTTP, at the real time (the shift arithmetic at fixed instants is in ShiftScheduleTest, today's
 * intake at a fixed clock in ShiftIntakeTest).
 */
class OverviewCommandCentreTest extends IntegrationTest {

    @org.springframework.beans.factory.annotation.Autowired
    id.go.cilegon.juare.platform.PersonalDataCipher cipher;

    @Autowired TokenService tokens;
    @Autowired Clock clock;

    /** The default shifts, worked out independently of the server's code. */
    private String shiftNow() {
        int hour = LocalTime.now(clock.withZone(ZoneId.of("Asia/Jakarta"))).getHour();
        return hour >= 7 && hour < 15 ? "PAGI" : hour >= 15 && hour < 23 ? "SIANG" : "MALAM";
    }

    private static String other(String shift) {
        return shift.equals("PAGI") ? "SIANG" : "PAGI";
    }

    @Test
    void anOperatorSeesTheCurrentShiftWhoIsOnItAndTodaysIntake() {
        Seed seed = Seed.with(db, cipher);
        String before = shiftNow();
        UUID onDuty = seed.staff("OPERATOR", null, before, true);
        UUID disabled = seed.staff("OPERATOR", null, before, false);
        UUID otherShift = seed.staff("OPERATOR", null, other(before), true);
        UUID noShift = seed.staff("OPERATOR", null, null, true);
        UUID responder = seed.staff("OPD_RESPONDER", "DPUPR", before, true);

        GraphQlTester.Response response = operation(api().as(Seed.staffToken(db, tokens, "OPERATOR", null)), "CommandCentre").execute();
        // a shift change between seeding and answering would make the expectations wrong: rare, and skipped then
        assumeThat(shiftNow()).isEqualTo(before);

        response.path("commandCentre.currentShift.shift").entity(String.class).isEqualTo(before);
        response.path("commandCentre.currentShift.start").entity(String.class)
                .isEqualTo(switch (before) { case "PAGI" -> "07:00"; case "SIANG" -> "15:00"; default -> "23:00"; });
        response.path("commandCentre.currentShift.end").entity(String.class)
                .isEqualTo(switch (before) { case "PAGI" -> "15:00"; case "SIANG" -> "23:00"; default -> "07:00"; });
        response.path("commandCentre.onDuty[*].id").entityList(String.class)
                .contains(onDuty.toString())
                .doesNotContain(disabled.toString(), otherShift.toString(), noShift.toString(), responder.toString());
        assertThat(response.path("commandCentre.onDuty[*].role").entityList(String.class).get()).containsOnly("OPERATOR");
        assertThat(response.path("commandCentre.onDuty[*].shift").entityList(String.class).get()).containsOnly(before);
        response.path("commandCentre.intakeToday[*].shift").entityList(String.class).containsExactly("PAGI", "SIANG", "MALAM");
    }

    @Test
    void theMayorAndAdminsMayLookToo() {
        for (String role : List.of("MAYOR", "ADMIN")) {
            operation(api().as(Seed.staffToken(db, tokens, role, null)), "CommandCentre").execute()
                    .path("commandCentre.intakeToday").entityList(Object.class).hasSize(3);
        }
    }

    @Test
    void opdStaffResidentsAndStrangersMayNot() {
        OverviewErrors.hasCode(operation(api().as(Seed.staffToken(db, tokens, "OPD_RESPONDER", "DPUPR")), "CommandCentre").execute(), "FORBIDDEN");
        OverviewErrors.hasCode(operation(api().as(Seed.staffToken(db, tokens, "OPD_HEAD", "DLH")), "CommandCentre").execute(), "FORBIDDEN");
        OverviewErrors.hasCode(operation(api().as(Seed.residentToken(db, tokens)), "CommandCentre").execute(), "FORBIDDEN");
        OverviewErrors.hasCode(operation(api().anonymous(), "CommandCentre").execute(), "UNAUTHENTICATED");
    }
}
