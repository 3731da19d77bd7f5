package id.go.cilegon.juare.overview.internal;

import id.go.cilegon.juare.staff.StaffAccount;

import id.go.cilegon.juare.auth.CurrentCaller;
import id.go.cilegon.juare.overview.internal.CommandCentre.ShiftIntake;
import id.go.cilegon.juare.overview.internal.CommandCentre.ShiftWindow;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/** CommandCentre: the current shift, the operators on it, and today's intake per shift (see {@link ShiftSchedule}). */
@Controller
class CommandCentreController {

    private static final DateTimeFormatter HOURS = DateTimeFormatter.ofPattern("HH:mm");

    private final ShiftSchedule schedule;
    private final CommandCentreRepository repository;
    private final Clock clock;

    CommandCentreController(ShiftSchedule schedule, CommandCentreRepository repository, Clock clock) {
        this.schedule = schedule;
        this.repository = repository;
        this.clock = clock;
    }

    @QueryMapping
    Mono<CommandCentre> commandCentre() {
        return CurrentCaller.staffWithRole("OPERATOR", "MAYOR", "ADMIN")
                .map(caller -> centreAt(clock.instant()));
    }

    CommandCentre centreAt(Instant now) {
        Shift shift = schedule.shiftAt(now);
        ShiftSchedule.Hours hours = schedule.hours(shift);
        ShiftWindow current = new ShiftWindow(shift, hours.start().format(HOURS), hours.end().format(HOURS));
        return new CommandCentre(current, schedule.dateAt(now));
    }

    @SchemaMapping(typeName = "CommandCentre")
    Mono<List<StaffAccount>> onDuty(CommandCentre centre) {
        return repository.operatorsOn(centre.currentShift().shift())
                .collectList();
    }

    @SchemaMapping(typeName = "CommandCentre")
    Mono<List<ShiftIntake>> intakeToday(CommandCentre centre) {
        return repository.intake(schedule.windowsOf(centre.today()))
                .collectList();
    }
}
