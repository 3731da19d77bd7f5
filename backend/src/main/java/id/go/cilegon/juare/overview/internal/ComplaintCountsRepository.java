package id.go.cilegon.juare.overview.internal;

import id.go.cilegon.juare.complaint.ComplaintStatus;
import id.go.cilegon.juare.complaint.ComplaintScope;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;

/**
 * Complaint counts in one aggregate query: per status, per OPD and status, per kecamatan and status; and, when asked
 * for, the OPDs' median reply times in a second one.
 */
@Repository
class ComplaintCountsRepository {

    private final DatabaseClient db;

    ComplaintCountsRepository(DatabaseClient db) {
        this.db = db;
    }

    /**
     * One row per (status), (OPD, status) and (kecamatan, status) with complaints; the overdue rules are the
     * clock job's (V3's partial indexes), evaluated at {@code now}: ComplaintScope's, the same the overdue filter uses.
     */
    Flux<CountRow> countRows(ComplaintScope scope, Instant now) {
        DatabaseClient.GenericExecuteSpec spec = db.sql("""
                        SELECT GROUPING(opd_code, kecamatan_code) AS grouping_level, opd_code, kecamatan_code, status,
                               count(*) AS total,
                               count(*) FILTER (WHERE %1$s) AS reply_overdue,
                               count(*) FILTER (WHERE %2$s) AS fix_overdue
                        FROM complaint
                        WHERE %3$s
                        GROUP BY GROUPING SETS ((status), (opd_code, status), (kecamatan_code, status))"""
                        .formatted(ComplaintScope.replyOverdue(":now"), ComplaintScope.fixOverdue(":now"), scope.condition()))
                .bind("now", now);
        return scope.bindTo(spec)
                .map(ComplaintCountsRepository::toRow)
                .all();
    }

    /**
     * Per OPD, in one query: the median seconds from dispatch to the first reply over the complaints in scope that
     * were dispatched at or after {@code since} and have a reply. A reroute starts both over (new dispatched_at, no
     * first reply yet), so each complaint counts for the OPD it is with now, from when it got there.
     */
    Flux<MedianReply> medianReplySeconds(ComplaintScope scope, Instant since) {
        DatabaseClient.GenericExecuteSpec spec = db.sql("""
                        SELECT opd_code,
                               percentile_cont(0.5) WITHIN GROUP (
                                   ORDER BY extract(epoch FROM first_reply_at - dispatched_at)) AS median_seconds
                        FROM complaint
                        WHERE %s
                          AND opd_code IS NOT NULL AND dispatched_at >= :since AND first_reply_at IS NOT NULL
                        GROUP BY opd_code"""
                        .formatted(scope.condition()))
                .bind("since", since);
        return scope.bindTo(spec)
                .map(row -> new MedianReply(row.get("opd_code", String.class),
                        Math.toIntExact(Math.round(row.get("median_seconds", Double.class)))))
                .all();
    }

    record MedianReply(String opdCode, int seconds) {
    }

    private static CountRow toRow(Readable row) {
        int level = row.get("grouping_level", Integer.class);
        return new CountRow(
                Grouping.of(level),
                row.get("opd_code", String.class),
                row.get("kecamatan_code", String.class),
                ComplaintStatus.valueOf(row.get("status", String.class)),
                row.get("total", Long.class),
                row.get("reply_overdue", Long.class),
                row.get("fix_overdue", Long.class));
    }

    /** Which grouping set a row belongs to. */
    enum Grouping {
        STATUS, OPD, KECAMATAN;

        /** GROUPING(opd_code, kecamatan_code): a set bit is a column not grouped by. */
        static Grouping of(int level) {
            return switch (level) {
                case 3 -> STATUS;
                case 1 -> OPD;
                case 2 -> KECAMATAN;
                default -> throw new IllegalStateException("Unexpected grouping level " + level);
            };
        }
    }

    record CountRow(Grouping grouping, String opdCode, String kecamatanCode, ComplaintStatus status, long total,
                    long replyOverdue, long fixOverdue) {
    }
}
