package id.go.cilegon.juare.overview.internal;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.cilegon.juare.overview.Seed;
import id.go.cilegon.juare.overview.internal.CommandCentre.ShiftIntake;
import id.go.cilegon.juare.overview.internal.CommandCentre.ShiftWindow;
import id.go.cilegon.juare.support.IntegrationTest;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The command centre at a fixed clock, against PostgreSQL: the day is one in the 1980s that only this test files
 * complaints on, so the counts are exact.
 */
class ShiftIntakeTest extends IntegrationTest {

    @org.springframework.beans.factory.annotation.Autowired
    id.go.cilegon.juare.platform.PersonalDataCipher cipher;

    @Autowired ShiftSchedule schedule;
    @Autowired CommandCentreRepository repository;

    private final LocalDate day = LocalDate.of(1980, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(3650));

    private Instant wib(LocalDate date, String time) {
        return date.atTime(java.time.LocalTime.parse(time)).atZone(ShiftSchedule.WIB).toInstant();
    }

    private CommandCentreController controllerAt(Instant now) {
        return new CommandCentreController(schedule, repository, Clock.fixed(now, ShiftSchedule.WIB));
    }

    @Test
    void todaysIntakeIsCountedPerShiftWithTheNightRunningIntoTomorrow() {
        LocalDate tomorrow = day.plusDays(1);
        Seed seed = Seed.with(db, cipher);
        seed.complaint().filedAt(wib(day, "06:59:59")).insert();              // yesterday's MALAM
        Seed.ComplaintSpec morning = seed.complaint().filedAt(wib(day, "07:00")).status("DISPATCHED").opd("DPUPR").insert();
        seed.complaint().filedAt(wib(day, "14:59:59")).insert();              // PAGI
        Seed.ComplaintSpec afternoon = seed.complaint().filedAt(wib(day, "15:00")).status("REJECTED").insert();
        seed.complaint().filedAt(wib(day, "23:30")).insert();                 // MALAM
        Seed.ComplaintSpec night = seed.complaint().filedAt(wib(tomorrow, "02:00")).status("REJECTED").insert();
        seed.complaint().filedAt(wib(tomorrow, "07:00")).insert();            // tomorrow's PAGI

        seed.event(morning, "DISPATCHED", wib(day, "08:00"));
        seed.event(morning, "REPLIED", wib(day, "09:00"));                    // not intake
        seed.event(morning, "MARKED_DUPLICATE", wib(day, "10:00"));
        seed.event(afternoon, "DISPATCHED", wib(day, "16:00"));
        seed.event(afternoon, "DISPATCHED", wib(day, "22:59:59"));
        seed.event(afternoon, "REJECTED", wib(day, "23:00"));
        seed.event(morning, "RESOLVED", wib(day, "15:30"));                   // SIANG resolution
        seed.event(night, "REJECTED", wib(tomorrow, "06:59:59"));
        seed.event(night, "DISPATCHED", wib(day, "06:59:59"));                // yesterday's MALAM
        seed.event(night, "DISPATCHED", wib(tomorrow, "07:00"));              // tomorrow's PAGI

        CommandCentreController afternoonController = controllerAt(wib(day, "16:30"));
        CommandCentre centre = afternoonController.centreAt(wib(day, "16:30"));
        assertThat(centre.currentShift()).isEqualTo(new ShiftWindow(Shift.SIANG, "15:00", "23:00"));
        assertThat(centre.today()).isEqualTo(day);
        assertThat(afternoonController.intakeToday(centre).block()).containsExactly(
                new ShiftIntake(Shift.PAGI, 2, 1, 1, 0),
                new ShiftIntake(Shift.SIANG, 1, 2, 0, 1),
                new ShiftIntake(Shift.MALAM, 2, 0, 2, 0));

        // at 03:00 the next morning the MALAM shift of "day" is on, and "today" has moved on to tomorrow
        CommandCentre nextNight = controllerAt(wib(tomorrow, "03:00")).centreAt(wib(tomorrow, "03:00"));
        assertThat(nextNight.currentShift()).isEqualTo(new ShiftWindow(Shift.MALAM, "23:00", "07:00"));
        assertThat(nextNight.today()).isEqualTo(tomorrow);
        assertThat(afternoonController.intakeToday(nextNight).block()).containsExactly(
                new ShiftIntake(Shift.PAGI, 1, 1, 0, 0),
                new ShiftIntake(Shift.SIANG, 0, 0, 0, 0),
                new ShiftIntake(Shift.MALAM, 0, 0, 0, 0));
    }
}
