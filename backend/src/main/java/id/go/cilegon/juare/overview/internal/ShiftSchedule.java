package id.go.cilegon.juare.overview.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Shift arithmetic in WIB. A day's shifts are the three windows that <em>start</em> on that date: with the defaults,
 * 07:00–15:00, 15:00–23:00 and 23:00 to 07:00 the next morning. So between midnight and 07:00 the current shift
 * (MALAM, started yesterday) belongs to yesterday's shifts, not today's.
 */
@Component
class ShiftSchedule {

    /** Western Indonesia Time, UTC+7 all year. */
    static final ZoneId WIB = ZoneId.of("Asia/Jakarta");

    private final Map<Shift, Hours> hours;

    ShiftSchedule(ShiftProperties properties) {
        this.hours = new EnumMap<>(Map.of(
                Shift.PAGI, Hours.parse("juare.shifts.pagi", properties.pagi()),
                Shift.SIANG, Hours.parse("juare.shifts.siang", properties.siang()),
                Shift.MALAM, Hours.parse("juare.shifts.malam", properties.malam())));
        checkRoundTheClock();
    }

    /** Fails at start-up for shifts that leave a gap, overlap, or are missing. */
    private void checkRoundTheClock() {
        Shift[] order = Shift.values();
        Duration total = Duration.ZERO;
        for (int i = 0; i < order.length; i++) {
            Hours current = hours.get(order[i]);
            Hours next = hours.get(order[(i + 1) % order.length]);
            if (!current.end().equals(next.start())) {
                throw new IllegalArgumentException("juare.shifts: PAGI, SIANG and MALAM must follow one another round "
                        + "the clock (each ends where the next starts), got " + hours);
            }
            total = total.plus(current.length());
        }
        if (!total.equals(Duration.ofDays(1))) {
            throw new IllegalArgumentException("juare.shifts must make 24 hours together, got " + total + ": " + hours);
        }
    }

    /** The shift on at an instant. */
    Shift shiftAt(Instant instant) {
        LocalTime time = LocalTime.ofInstant(instant, WIB);
        return Arrays.stream(Shift.values())
                .filter(shift -> hours.get(shift).contains(time))
                .findFirst()
                .orElseThrow();
    }

    Hours hours(Shift shift) {
        return hours.get(shift);
    }

    /** The WIB date of an instant: whose shifts "today" means. */
    LocalDate dateAt(Instant instant) {
        return LocalDate.ofInstant(instant, WIB);
    }

    /** The windows of the shifts that start on a WIB date, in shift order. */
    List<Window> windowsOf(LocalDate date) {
        return Arrays.stream(Shift.values())
                .map(shift -> window(shift, date))
                .toList();
    }

    private Window window(Shift shift, LocalDate date) {
        Hours h = hours.get(shift);
        LocalDate endDate = h.crossesMidnight() ? date.plusDays(1) : date;
        Instant start = date.atTime(h.start()).atZone(WIB).toInstant();
        return new Window(shift, start, endDate.atTime(h.end()).atZone(WIB).toInstant());
    }

    /** A shift's hours of the day; {@code end} at or before {@code start} means it ends the next day. */
    record Hours(LocalTime start, LocalTime end) {

        static Hours parse(String property, String text) {
            String[] parts = text.trim().split("\\s*[-–]\\s*");
            try {
                if (parts.length != 2) {
                    throw new DateTimeParseException("two times expected", text, 0);
                }
                return new Hours(LocalTime.parse(parts[0]), LocalTime.parse(parts[1]));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(property + " must look like 07:00-15:00, got \"" + text + "\"", e);
            }
        }

        boolean crossesMidnight() {
            return !end.isAfter(start);
        }

        boolean contains(LocalTime time) {
            return crossesMidnight()
                    ? !time.isBefore(start) || time.isBefore(end)
                    : !time.isBefore(start) && time.isBefore(end);
        }

        Duration length() {
            Duration d = Duration.between(start, end);
            return d.isPositive() ? d : d.plusDays(1);
        }

        @Override
        public String toString() {
            return start + "-" + end;
        }
    }

    /** One shift's window on one day: [start, end). */
    record Window(Shift shift, Instant start, Instant end) {
    }
}
