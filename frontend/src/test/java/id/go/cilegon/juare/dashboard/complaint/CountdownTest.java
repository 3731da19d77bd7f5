package id.go.cilegon.juare.dashboard.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.cilegon.juare.dashboard.complaint.Countdown.Level;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CountdownTest {

    private static final Instant NOW = Instant.parse("2026-05-07T07:00:00Z");

    @Test
    void greenUntilAQuarterOfTheSpanIsLeftThenAmberThenRedOnceDue() {
        Duration day = Duration.ofHours(24);
        assertThat(Countdown.level(Duration.ofHours(20), day)).isEqualTo(Level.OK);
        assertThat(Countdown.level(Duration.ofHours(6), day)).isEqualTo(Level.OK);
        assertThat(Countdown.level(Duration.ofHours(6).minusSeconds(1), day)).isEqualTo(Level.WARNING);
        assertThat(Countdown.level(Duration.ofSeconds(1), day)).isEqualTo(Level.WARNING);
        assertThat(Countdown.level(Duration.ZERO, day)).isEqualTo(Level.OVERDUE);
        assertThat(Countdown.level(Duration.ofMinutes(-90), day)).isEqualTo(Level.OVERDUE);
        // a 72-hour fix clock turns amber 18 hours before it is due
        assertThat(Countdown.level(Duration.ofHours(18).plusMinutes(1), Duration.ofHours(72))).isEqualTo(Level.OK);
        assertThat(Countdown.level(Duration.ofHours(17).plusMinutes(59), Duration.ofHours(72))).isEqualTo(Level.WARNING);
        // without a span only overdue can be told
        assertThat(Countdown.level(Duration.ofMinutes(1), null)).isEqualTo(Level.OK);
    }

    @Test
    void theReplyClockRunsUntilTheFirstReplyThenTheFixClock() {
        StaffComplaint dispatched = Samples.atOpd("DISPATCHED", NOW.minus(Duration.ofHours(20)), null, 24, 72);
        Countdown reply = Countdown.of(dispatched, NOW);
        assertThat(reply.clock()).isEqualTo(Countdown.Clock.REPLY);
        assertThat(reply.due()).isEqualTo(dispatched.replyDueAt());
        assertThat(reply.left()).isEqualTo(Duration.ofHours(4));
        assertThat(reply.level()).isEqualTo(Level.WARNING);

        StaffComplaint answered = Samples.atOpd("IN_PROGRESS", NOW.minus(Duration.ofHours(20)), NOW.minus(Duration.ofHours(19)), 24, 72);
        Countdown fix = Countdown.of(answered, NOW);
        assertThat(fix.clock()).isEqualTo(Countdown.Clock.FIX);
        assertThat(fix.left()).isEqualTo(Duration.ofHours(52));
        assertThat(fix.level()).isEqualTo(Level.OK);

        StaffComplaint late = Samples.atOpd("DISPATCHED", NOW.minus(Duration.ofHours(25)), null, 24, 72);
        assertThat(Countdown.of(late, NOW).level()).isEqualTo(Level.OVERDUE);
        assertThat(Countdown.of(late, NOW).left()).isEqualTo(Duration.ofHours(-1));
    }

    @Test
    void noClockOutsideTheOpd() {
        assertThat(Countdown.of(Samples.submitted(), NOW)).isEqualTo(Countdown.NONE);
        StaffComplaint resolved = Samples.withStatus(Samples.atOpd("IN_PROGRESS", NOW.minus(Duration.ofHours(5)), NOW, 24, 72), "RESOLVED");
        assertThat(Countdown.of(resolved, NOW).running()).isFalse();
    }

    @Test
    void withoutTheCategorysHoursTheSpanIsFromDispatchToTheDueTime() {
        StaffComplaint noHours = Samples.atOpd("DISPATCHED", NOW.minus(Duration.ofHours(20)), null, null, null);
        // dispatched 20 h ago, due in 4 h: 4 of 24 hours left
        assertThat(Countdown.of(noHours, NOW).level()).isEqualTo(Level.WARNING);
    }

    @Test
    void thePartsRoundUpWhileTimeIsLeftAndDownWhenOverdue() {
        Countdown soon = Countdown.of(Countdown.Clock.REPLY, NOW.plusSeconds(61), Duration.ofHours(24), null, NOW);
        assertThat(soon.parts()).isEqualTo(new Countdown.Parts(0, 0, 2));
        Countdown longer = Countdown.of(Countdown.Clock.FIX, NOW.plus(Duration.ofHours(50).plusMinutes(5)), Duration.ofHours(72), null, NOW);
        assertThat(longer.parts()).isEqualTo(new Countdown.Parts(2, 2, 5));
        Countdown overdue = Countdown.of(Countdown.Clock.FIX, NOW.minusSeconds(3 * 3600 + 59), Duration.ofHours(72), null, NOW);
        assertThat(overdue.parts()).isEqualTo(new Countdown.Parts(0, 3, 0));
    }
}
