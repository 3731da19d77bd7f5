package id.go.cilegon.juare.dashboard.commandcentre;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CounterTest {

    @Test
    void fiveCountersInOrderOverdueOnesAlarmAndAnUnknownFigureShowsADash() {
        CommandCentreOverview o = new CommandCentreOverview(Instant.EPOCH, 7, 40, 3, 0, null, 5, List.of(), null);

        List<Counter> counters = Counter.of(o);

        assertThat(counters).extracting(Counter::id)
                .containsExactly("new-today", "open", "reply-overdue", "fix-overdue", "resolved-today");
        assertThat(counters).extracting(Counter::shownValue).containsExactly("7", "40", "3", "0", "—");
        assertThat(counters).extracting(Counter::alarm).containsExactly(false, false, true, false, false);
        assertThat(counters.get(1).hintParam()).isEqualTo(5);
        assertThat(counters.get(4).hintKey()).isEqualTo("cc.counter.resolvedToday.missing");
    }
}
