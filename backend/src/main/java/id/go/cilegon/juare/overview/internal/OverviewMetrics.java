package id.go.cilegon.juare.overview.internal;

import id.go.cilegon.juare.complaint.ComplaintScope;
import id.go.cilegon.juare.overview.internal.ComplaintCountsRepository.CountRow;
import id.go.cilegon.juare.overview.internal.ComplaintCountsRepository.Grouping;
import id.go.cilegon.juare.platform.DatabaseGauges;
import io.micrometer.core.instrument.Tags;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The city's complaints as Prometheus gauges, from the same counts the command centre shows (one query per
 * refresh): complaints by status, and replies and fixes overdue now per OPD.
 */
@Component
class OverviewMetrics {

    private final ComplaintCountsRepository counts;
    private final Clock clock;
    private final DatabaseGauges.Family byStatus;
    private final DatabaseGauges.Family overdue;

    OverviewMetrics(ComplaintCountsRepository counts, Clock clock, DatabaseGauges gauges) {
        this.counts = counts;
        this.clock = clock;
        this.byStatus = gauges.family("juare.complaints", "Complaints by status, city-wide (the same on every replica)");
        this.overdue = gauges.family("juare.complaints.overdue", "Open complaints past their reply or fix deadline now, per OPD");
        gauges.onRefresh(this::read);
    }

    private Mono<Void> read() {
        return counts.countRows(ComplaintScope.EVERYTHING, clock.instant())
                .collectList()
                .doOnNext(rows -> {
                    byStatus.set(statusGauges(rows));
                    overdue.set(overdueGauges(rows));
                })
                .then();
    }

    private static Map<Tags, Long> statusGauges(List<CountRow> rows) {
        Map<Tags, Long> gauges = new HashMap<>();
        rows.stream().filter(row -> row.grouping() == Grouping.STATUS)
                .forEach(row -> gauges.put(Tags.of("status", row.status().name()), row.total()));
        return gauges;
    }

    private static Map<Tags, Long> overdueGauges(List<CountRow> rows) {
        Map<Tags, Long> gauges = new HashMap<>();
        rows.stream().filter(row -> row.grouping() == Grouping.OPD && row.opdCode() != null).forEach(row -> {
            gauges.merge(Tags.of("opd", row.opdCode(), "kind", "reply"), row.replyOverdue(), Long::sum);
            gauges.merge(Tags.of("opd", row.opdCode(), "kind", "fix"), row.fixOverdue(), Long::sum);
        });
        return gauges;
    }
}
