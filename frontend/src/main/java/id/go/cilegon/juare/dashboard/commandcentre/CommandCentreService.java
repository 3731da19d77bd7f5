package id.go.cilegon.juare.dashboard.commandcentre;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import id.go.cilegon.juare.dashboard.backend.BackendClient;
import id.go.cilegon.juare.dashboard.backend.BackendSession;
import id.go.cilegon.juare.dashboard.base.Wib;
import id.go.cilegon.juare.dashboard.commandcentre.CommandCentreOverview.Intake;
import id.go.cilegon.juare.dashboard.commandcentre.CommandCentreOverview.OpdRow;
import id.go.cilegon.juare.dashboard.commandcentre.CommandCentreOverview.Shift;
import id.go.cilegon.juare.graphql.Lifecycle;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.springframework.graphql.client.ClientGraphQlResponse;
import org.springframework.stereotype.Service;

/** The command centre's figures, from the backend's {@code CommandCentreOverview} operation. */
@Service
public class CommandCentreService {

    private final BackendClient backend;
    private final Clock clock;

    public CommandCentreService(BackendClient backend, Clock clock) {
        this.backend = backend;
        this.clock = clock;
    }

    public CommandCentreOverview overview(BackendSession session) {
        Instant now = clock.instant();
        Map<String, Object> today = Map.of("from", Wib.startOfDay(now).toString());
        ClientGraphQlResponse response = backend.execute(session, "CommandCentreOverview", Map.of("today", today));
        Counts all = response.field("all").toEntity(Counts.class);
        TodayCounts filedToday = response.field("today").toEntity(TodayCounts.class);
        CommandCentre centre = response.field("commandCentre").toEntity(CommandCentre.class);
        return from(now, all, filedToday, centre);
    }

    static CommandCentreOverview from(Instant asOf, Counts all, TodayCounts filedToday, CommandCentre centre) {
        List<OpdRow> opds = all.byOpd().stream()
                .map(g -> new OpdRow(g.code(), g.name(), g.total(), g.open(), g.replyOverdue(), g.fixOverdue(), g.medianReplySeconds()))
                .sorted(OpdRow.WORST_FIRST)
                .toList();
        Shift shift = new Shift(centre.currentShift().shift(), centre.currentShift().start(), centre.currentShift().end(),
                centre.onDuty().stream().map(OnDuty::displayName).toList(),
                centre.intakeToday().stream().map(i -> new Intake(i.shift(), i.submitted(), i.dispatched(), i.rejected())).toList());
        // resolutions in today's three shifts (07:00 WIB today to 07:00 tomorrow), as the command centre counts its day
        int resolvedToday = centre.intakeToday().stream().mapToInt(ShiftIntake::resolved).sum();
        return new CommandCentreOverview(asOf, filedToday.total(), all.count(CommandCentreOverview.OPEN_STATUSES),
                all.replyOverdue(), all.fixOverdue(), resolvedToday, all.count(Lifecycle.names(Lifecycle.WAITING_FOR_OPERATOR)), opds, shift);
    }

    // the shapes of the answer, as the document asks for them

    record StatusCount(String status, int count) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record GroupCount(String code, String name, int total, int open, int replyOverdue, int fixOverdue,
                      Integer medianReplySeconds) {
    }

    record Counts(int total, List<StatusCount> byStatus, int replyOverdue, int fixOverdue, List<GroupCount> byOpd) {

        int count(Collection<String> statuses) {
            return byStatus.stream().filter(s -> statuses.contains(s.status())).mapToInt(StatusCount::count).sum();
        }
    }

    record TodayCounts(int total, List<StatusCount> byStatus) {
    }

    record ShiftWindow(String shift, String start, String end) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record OnDuty(String id, String username, String displayName) {
    }

    record ShiftIntake(String shift, int submitted, int dispatched, int rejected, int resolved) {
    }

    record CommandCentre(ShiftWindow currentShift, List<OnDuty> onDuty, List<ShiftIntake> intakeToday) {
    }
}
