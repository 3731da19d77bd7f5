package id.go.cilegon.juare.overview.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.go.cilegon.juare.overview.internal.ShiftSchedule.Window;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Shift arithmetic at fixed instants; WIB is UTC+7, so 07:00 WIB is 00:00Z. */
class ShiftScheduleTest {

    private final ShiftSchedule defaults = new ShiftSchedule(new ShiftProperties(null, null, null));

    private static Instant wib(String localDateTime) {
        return java.time.LocalDateTime.parse(localDateTime).atZone(ShiftSchedule.WIB).toInstant();
    }

    @Test
    void theShiftOnAtEachHourBoundary() {
        assertThat(defaults.shiftAt(Instant.parse("2026-03-10T00:00:00Z"))).isEqualTo(Shift.PAGI);   // 07:00 WIB
        assertThat(defaults.shiftAt(Instant.parse("2026-03-09T23:59:59Z"))).isEqualTo(Shift.MALAM);  // 06:59:59 WIB
        assertThat(defaults.shiftAt(wib("2026-03-10T14:59:59.999"))).isEqualTo(Shift.PAGI);
        assertThat(defaults.shiftAt(wib("2026-03-10T15:00"))).isEqualTo(Shift.SIANG);
        assertThat(defaults.shiftAt(wib("2026-03-10T22:59"))).isEqualTo(Shift.SIANG);
        assertThat(defaults.shiftAt(wib("2026-03-10T23:00"))).isEqualTo(Shift.MALAM);
        assertThat(defaults.shiftAt(wib("2026-03-11T00:00"))).isEqualTo(Shift.MALAM);
        assertThat(defaults.shiftAt(wib("2026-03-11T03:30"))).isEqualTo(Shift.MALAM);
    }

    @Test
    void theNightShiftOfADayStartsThatEveningAndEndsTheNextMorning() {
        assertThat(defaults.windowsOf(LocalDate.parse("2026-12-31"))).containsExactly(
                new Window(Shift.PAGI, Instant.parse("2026-12-31T00:00:00Z"), Instant.parse("2026-12-31T08:00:00Z")),
                new Window(Shift.SIANG, Instant.parse("2026-12-31T08:00:00Z"), Instant.parse("2026-12-31T16:00:00Z")),
                new Window(Shift.MALAM, Instant.parse("2026-12-31T16:00:00Z"), Instant.parse("2027-01-01T00:00:00Z")));
    }

    @Test
    void todayIsTheDateInWibNotInUtc() {
        // 2026-03-10T20:00Z is already 03:00 on the 11th in Cilegon
        assertThat(defaults.dateAt(Instant.parse("2026-03-10T20:00:00Z"))).isEqualTo(LocalDate.parse("2026-03-11"));
        assertThat(defaults.dateAt(Instant.parse("2026-03-10T16:59:59Z"))).isEqualTo(LocalDate.parse("2026-03-10"));
    }

    @Test
    void otherHoursCanBeConfigured() {
        ShiftSchedule custom = new ShiftSchedule(new ShiftProperties("06:00-14:00", "14:00 - 22:00", "22:00–06:00"));
        assertThat(custom.shiftAt(wib("2026-03-10T06:00"))).isEqualTo(Shift.PAGI);
        assertThat(custom.shiftAt(wib("2026-03-10T05:59"))).isEqualTo(Shift.MALAM);
        assertThat(custom.shiftAt(wib("2026-03-10T22:00"))).isEqualTo(Shift.MALAM);
        assertThat(custom.windowsOf(LocalDate.parse("2026-03-10")).getLast())
                .isEqualTo(new Window(Shift.MALAM, wib("2026-03-10T22:00"), wib("2026-03-11T06:00")));

        // a night shift that starts at midnight belongs to the day it starts on
        ShiftSchedule midnight = new ShiftSchedule(new ShiftProperties("08:00-16:00", "16:00-00:00", "00:00-08:00"));
        assertThat(midnight.shiftAt(wib("2026-03-10T23:59"))).isEqualTo(Shift.SIANG);
        assertThat(midnight.shiftAt(wib("2026-03-10T00:00"))).isEqualTo(Shift.MALAM);
        assertThat(midnight.windowsOf(LocalDate.parse("2026-03-10"))).containsExactly(
                new Window(Shift.PAGI, wib("2026-03-10T08:00"), wib("2026-03-10T16:00")),
                new Window(Shift.SIANG, wib("2026-03-10T16:00"), wib("2026-03-11T00:00")),
                new Window(Shift.MALAM, wib("2026-03-10T00:00"), wib("2026-03-10T08:00")));
    }

    @Test
    void shiftsThatLeaveAGapOrOverlapAreRefusedAtStartUp() {
        assertThatThrownBy(() -> new ShiftSchedule(new ShiftProperties("07:00-14:00", "15:00-23:00", "23:00-07:00")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("round the clock");
        // contiguous, but twice round the clock
        assertThatThrownBy(() -> new ShiftSchedule(new ShiftProperties("07:00-20:00", "20:00-10:00", "10:00-07:00")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("24 hours");
        assertThatThrownBy(() -> new ShiftSchedule(new ShiftProperties("pagi", "15:00-23:00", "23:00-07:00")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("juare.shifts.pagi");
    }
}
