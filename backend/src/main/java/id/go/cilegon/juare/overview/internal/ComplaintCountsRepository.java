package id.go.cilegon.juare.overview.internal;

import id.go.cilegon.juare.complaint.ComplaintStatus;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;

/** Complaint counts in one aggregate query: per status, per OPD and status, per kecamatan and status. */
@Repository
class ComplaintCountsRepository {

    private final DatabaseClient db;

    ComplaintCountsRepository(DatabaseClient db) {
        this.db = db;
    }

    /**
     * One row per (status), (OPD, status) and (kecamatan, status) with complaints; the overdue rules are the
     * clock job's (V3's partial indexes), evaluated at {@code now}.
     */
    Flux<CountRow> countRows(ComplaintScope scope, Instant now) {
        DatabaseClient.GenericExecuteSpec spec = db.sql("""
                        SELECT GROUPING(opd_code, kecamatan_code) AS grouping_level, opd_code, kecamatan_code, status,
                               count(*) AS total,
                               count(*) FILTER (WHERE status IN ('DISPATCHED', 'REOPENED') AND first_reply_at IS NULL
                                                  AND reply_due_at < :now) AS reply_overdue,
                               count(*) FILTER (WHERE status IN ('DISPATCHED', 'IN_PROGRESS', 'REOPENED')
                                                  AND fix_due_at < :now) AS fix_overdue
                        FROM complaint
                        WHERE %s
                        GROUP BY GROUPING SETS ((status), (opd_code, status), (kecamatan_code, status))"""
                        .formatted(scope.condition()))
                .bind("now", now);
        return scope.bindTo(spec)
                .map(ComplaintCountsRepository::toRow)
                .all();
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
