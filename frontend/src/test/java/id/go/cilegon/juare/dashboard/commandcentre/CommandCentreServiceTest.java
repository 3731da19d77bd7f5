package id.go.cilegon.juare.dashboard.commandcentre;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.cilegon.juare.dashboard.commandcentre.CommandCentreOverview.OpdRow;
import id.go.cilegon.juare.dashboard.commandcentre.CommandCentreService.CommandCentre;
import id.go.cilegon.juare.dashboard.commandcentre.CommandCentreService.Counts;
import id.go.cilegon.juare.dashboard.commandcentre.CommandCentreService.GroupCount;
import id.go.cilegon.juare.dashboard.commandcentre.CommandCentreService.OnDuty;
import id.go.cilegon.juare.dashboard.commandcentre.CommandCentreService.ShiftIntake;
import id.go.cilegon.juare.dashboard.commandcentre.CommandCentreService.ShiftWindow;
import id.go.cilegon.juare.dashboard.commandcentre.CommandCentreService.StatusCount;
import id.go.cilegon.juare.dashboard.commandcentre.CommandCentreService.TodayCounts;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How the backend's counts become the command centre's counters. */
class CommandCentreServiceTest {

    private static final Instant NOW = Instant.parse("2026-05-07T03:00:00Z");

    private static final CommandCentre CENTRE = new CommandCentre(new ShiftWindow("PAGI", "07:00", "15:00"),
            List.of(new OnDuty("1", "operator", "Rina")), List.of(new ShiftIntake("PAGI", 4, 3, 1, 2), new ShiftIntake("SIANG", 1, 0, 0, 3)));

    @Test
    void openCountsWhatSomeoneStillHasToActOnAndNothingFinished() {
        Counts all = new Counts(100, List.of(
                new StatusCount("SUBMITTED", 5), new StatusCount("DISPATCHED", 7), new StatusCount("IN_PROGRESS", 11),
                new StatusCount("REOPENED", 2), new StatusCount("RESOLVED", 13), new StatusCount("CLOSED", 50),
                new StatusCount("REJECTED", 12)), 3, 4, List.of());

        CommandCentreOverview overview = CommandCentreService.from(NOW, all,
                new TodayCounts(9, List.of(new StatusCount("SUBMITTED", 9))), CENTRE);

        assertThat(overview.open()).isEqualTo(5 + 7 + 11 + 2);
        assertThat(overview.waitingForOperator()).isEqualTo(5);
        assertThat(overview.newToday()).isEqualTo(9);
        assertThat(overview.replyOverdue()).isEqualTo(3);
        assertThat(overview.fixOverdue()).isEqualTo(4);
        assertThat(overview.resolvedToday()).as("summed over today's shifts").isEqualTo(5);
        assertThat(overview.shift().onDuty()).containsExactly("Rina");
    }

    @Test
    void theOpdsMostOverdueComeFirst() {
        Counts all = new Counts(0, List.of(), 0, 0, List.of(
                new GroupCount("DLH", "Dinas Lingkungan Hidup", 10, 6, 0, 0, 1800),
                new GroupCount("DPUPR", "Dinas PUPR", 30, 12, 2, 3, 12000),
                new GroupCount("DISHUB", "Dinas Perhubungan", 8, 4, 5, 1, null)));

        CommandCentreOverview overview = CommandCentreService.from(NOW, all, new TodayCounts(0, List.of()), CENTRE);

        assertThat(overview.opds()).extracting(OpdRow::code).containsExactly("DISHUB", "DPUPR", "DLH");
        assertThat(overview.opds()).extracting(OpdRow::medianReplySeconds).containsExactly(null, 12000, 1800);
    }
}
