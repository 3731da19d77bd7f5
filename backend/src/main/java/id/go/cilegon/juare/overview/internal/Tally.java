package id.go.cilegon.juare.overview.internal;

import id.go.cilegon.juare.complaint.ComplaintStatus;
import id.go.cilegon.juare.graphql.Lifecycle;
import id.go.cilegon.juare.overview.internal.ComplaintCounts.GroupCount;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/** Adds up the aggregate rows of one group (a few rows per group, never one per complaint). */
final class Tally {

    /** Open for an OPD: at the OPD (dispatched and not yet resolved). */
    static final Set<ComplaintStatus> OPEN = ComplaintStatus.in(Lifecycle.AT_OPD);
    /** Open for a kecamatan: what the city still has to act on, also what waits for an operator. */
    static final Set<ComplaintStatus> OPEN_IN_KECAMATAN = ComplaintStatus.in(Lifecycle.WITH_CITY);

    private final long[] byStatus = new long[ComplaintStatus.values().length];
    private long replyOverdue;
    private long fixOverdue;

    void add(ComplaintCountsRepository.CountRow row) {
        add(row.status(), row.total(), row.replyOverdue(), row.fixOverdue());
    }

    void add(ComplaintStatus status, long count, long replyOverdue, long fixOverdue) {
        byStatus[status.ordinal()] += count;
        this.replyOverdue += replyOverdue;
        this.fixOverdue += fixOverdue;
    }

    int total() {
        return Math.toIntExact(Arrays.stream(byStatus).sum());
    }

    int count(Set<ComplaintStatus> statuses) {
        return Math.toIntExact(statuses.stream().mapToLong(s -> byStatus[s.ordinal()]).sum());
    }

    int replyOverdue() {
        return Math.toIntExact(replyOverdue);
    }

    int fixOverdue() {
        return Math.toIntExact(fixOverdue);
    }

    /** Every status in lifecycle order, zeros included, so a chart's series line up. */
    List<StatusCount> byStatus() {
        return Arrays.stream(ComplaintStatus.values())
                .map(status -> new StatusCount(status, Math.toIntExact(byStatus[status.ordinal()])))
                .toList();
    }

    GroupCount group(String code, String name, Set<ComplaintStatus> open) {
        return new GroupCount(code, name, total(), count(open), replyOverdue(), fixOverdue(), byStatus(), null);
    }
}
