package id.go.cilegon.juare.dashboard.complaint;

import java.time.Duration;
import java.time.Instant;

/**
 * The clock an OPD works against, as of a moment: the reply clock until the first reply, then the fix clock; none when
 * the complaint is not at an OPD. Computed from the due time and "now", so a screen can re-render it every few
 * seconds without asking the backend.
 *
 * <p>Colour rule (documented in the OPD queue's legend): {@link Level#WARNING} (amber) when less than a quarter of the
 * clock's span is left, the span being the category's hours for that clock (when the answer has them) or else the time
 * from dispatch to the due time; {@link Level#OVERDUE} (red) once the due time has passed.
 */
public record Countdown(Clock clock, Instant due, Duration left, Level level) {

    /** Which clock runs. */
    public enum Clock { REPLY, FIX, NONE }

    public enum Level { OK, WARNING, OVERDUE, NONE }

    /** A quarter of the span: amber below it. */
    static final double WARNING_FRACTION = 0.25;

    public static final Countdown NONE = new Countdown(Clock.NONE, null, null, Level.NONE);

    public static Countdown of(StaffComplaint complaint, Instant now) {
        if (!complaint.isAtOpd()) {
            return NONE;
        }
        if (complaint.firstReplyAt() == null && complaint.replyDueAt() != null) {
            Duration span = complaint.category() == null ? null : complaint.category().replySpan();
            return of(Clock.REPLY, complaint.replyDueAt(), span, complaint.dispatchedAt(), now);
        }
        if (complaint.fixDueAt() != null) {
            Duration span = complaint.category() == null ? null : complaint.category().fixSpan();
            return of(Clock.FIX, complaint.fixDueAt(), span, complaint.dispatchedAt(), now);
        }
        return NONE;
    }

    static Countdown of(Clock clock, Instant due, Duration span, Instant started, Instant now) {
        Duration left = Duration.between(now, due);
        return new Countdown(clock, due, left, level(left, span != null ? span : spanFrom(started, due)));
    }

    private static Duration spanFrom(Instant started, Instant due) {
        return started == null || !started.isBefore(due) ? null : Duration.between(started, due);
    }

    static Level level(Duration left, Duration span) {
        if (left.isNegative() || left.isZero()) {
            return Level.OVERDUE;
        }
        if (span != null && left.toSeconds() < span.toSeconds() * WARNING_FRACTION) {
            return Level.WARNING;
        }
        return Level.OK;
    }

    public boolean running() {
        return clock != Clock.NONE;
    }

    /** Days, hours and minutes of the time left (or, when overdue, of the time since), for the screen's words. */
    public record Parts(long days, long hours, long minutes) {
    }

    public Parts parts() {
        Duration d = left == null ? Duration.ZERO : left.abs();
        // minutes rounded up while time is left ("1 min" until it is gone), down when overdue
        long totalMinutes = level == Level.OVERDUE ? d.toMinutes() : (d.toSeconds() + 59) / 60;
        return new Parts(totalMinutes / (24 * 60), totalMinutes / 60 % 24, totalMinutes % 60);
    }
}
