package id.go.cilegon.juare.dashboard.live.ui;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.cilegon.juare.dashboard.live.ComplaintEvent;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The latest-events list: newest on top, each event once, a bounded length. */
class LatestEventsTest {

    private static ComplaintEvent event(long id) {
        return new ComplaintEvent(Long.toString(id), "REPLIED", "IN_PROGRESS", Instant.parse("2026-05-07T07:00:00Z"), "STAFF",
                null, "c-" + id, "JRE-" + id, "DLH", "36.72.01", "SAMPAH", null, null);
    }

    @Test
    void newestOnTopEachOnceAtMostMax() {
        List<ComplaintEvent> shown = LatestEvents.newestFirst(List.of(), List.of(event(8), event(9), event(10)), 4);
        assertThat(shown).extracting(ComplaintEvent::id).containsExactly("10", "9", "8");

        // a batch that overlaps what is shown (the list was started from the server's recent events)
        shown = LatestEvents.newestFirst(shown, List.of(event(10), event(11), event(12)), 4);
        assertThat(shown).extracting(ComplaintEvent::id).containsExactly("12", "11", "10", "9");
    }
}
