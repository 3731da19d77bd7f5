package id.go.cilegon.juare.report.internal;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.cilegon.juare.overview.Seed;
import id.go.cilegon.juare.platform.PersonalDataCipher;
import id.go.cilegon.juare.report.Timeline;
import id.go.cilegon.juare.support.IntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The state at the cut-off by both strategies (the candidates and the whole log) on complaints whose status changed
 * after the cut-off, in March 1966 (after DailyReportTest's 1965, before the other tests' 1970s): the same answer,
 * and the right one.
 */
class AtCutoffTest extends IntegrationTest {

    /** 00:00 WIB of 10 March 1966. */
    static final Instant T = Instant.parse("1966-03-09T17:00:00Z");
    /** Before any event of this test and after every event of DailyReportTest. */
    static final Instant BEFORE = T.minus(Duration.ofDays(10));

    @Autowired ReportRepository repository;
    @Autowired PersonalDataCipher cipher;

    private static Instant h(double hours) {
        return T.plus(Duration.ofMinutes(Math.round(hours * 60)));
    }

    @Test
    void bothStrategiesFindTheStatusOfTheLastEventBeforeTheCutOff() {
        Seed seed = Seed.with(db, cipher);
        Timeline timeline = new Timeline(db, seed);
        // open at the cut-off, resolved and confirmed after it: open (found by its later events)
        Timeline.Complaint closedLater = timeline.filed(h(-60)).dispatched("DPUPR", h(-50)).resolved(h(1)).confirmed(h(2));
        // open at the cut-off and still open: open (found by its row's status)
        Timeline.Complaint stillOpen = timeline.filed(h(-40)).dispatched("DLH", h(-39)).replied(h(-30));
        // resolved before the cut-off, disputed after it, now closed: not open
        Timeline.Complaint reopenedLater = timeline.filed(h(-100)).dispatched("DPUPR", h(-99)).resolved(h(-20)).disputed(h(1))
                .resolved(h(3)).confirmed(h(4));
        // filed before the cut-off, dispatched after it: awaiting dispatch
        Timeline.Complaint dispatchedLater = timeline.filed(h(-5)).dispatched("DPUPR", h(1)).resolved(h(2)).confirmed(h(3));
        // filed after the cut-off: nowhere
        Timeline.Complaint filedLater = timeline.filed(h(0.5)).dispatched("DPUPR", h(0.6));
        // a row with an OPD and no event: nowhere
        UUID noEvents = seed.complaint().filedAt(h(-8)).status("DISPATCHED").opd("DPUPR").insert().id();
        Set<UUID> mine = Set.of(closedLater.id(), stillOpen.id(), reopenedLater.id(), dispatchedLater.id(), filedLater.id(), noEvents);

        ReportRepository.AtCutoff candidates = repository.atCutoff(T, ReportRepository.Strategy.CANDIDATES).block();
        ReportRepository.AtCutoff wholeLog = repository.atCutoff(T, ReportRepository.Strategy.WHOLE_LOG).block();
        assertThat(candidates.awaitingDispatch()).isEqualTo(wholeLog.awaitingDispatch());
        assertThat(candidates.backlog()).containsExactlyInAnyOrderElementsOf(wholeLog.backlog());
        assertThat(repository.atCutoff(T).block().backlog()).containsExactlyInAnyOrderElementsOf(wholeLog.backlog());

        Set<UUID> open = candidates.backlog().stream()
                .map(ReportRepository.OpenComplaint::complaintId)
                .filter(mine::contains)
                .collect(Collectors.toSet());
        assertThat(open).containsExactlyInAnyOrder(closedLater.id(), stillOpen.id());
        ReportRepository.OpenComplaint closed = candidates.backlog().stream()
                .filter(c -> c.complaintId().equals(closedLater.id()))
                .findFirst()
                .orElseThrow();
        assertThat(closed.status().name()).isEqualTo("DISPATCHED");
        assertThat(closed.opdCode()).isEqualTo("DPUPR");
        // nothing of this test happened between BEFORE and its first event: the difference is this test's
        for (ReportRepository.Strategy strategy : ReportRepository.Strategy.values()) {
            int before = repository.atCutoff(BEFORE, strategy).block().awaitingDispatch();
            assertThat(repository.atCutoff(T, strategy).block().awaitingDispatch() - before).as(strategy.name()).isEqualTo(1);
        }
    }
}
