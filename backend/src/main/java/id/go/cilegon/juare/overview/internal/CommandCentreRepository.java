package id.go.cilegon.juare.overview.internal;

import id.go.cilegon.juare.staff.StaffAccount;
import id.go.cilegon.juare.staff.StaffDirectory;

import id.go.cilegon.juare.overview.internal.CommandCentre.ShiftIntake;
import id.go.cilegon.juare.overview.internal.ShiftSchedule.Window;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;

/** Who is on duty, and what came in and went out per shift. */
@Repository
class CommandCentreRepository {

    private final DatabaseClient db;

    CommandCentreRepository(DatabaseClient db) {
        this.db = db;
    }

    /** Active operators assigned to a shift, by name. */
    Flux<StaffAccount> operatorsOn(Shift shift) {
        return db.sql("""
                        SELECT id, username, display_name, role, opd_code, phone_masked, shift, active, locked_until, created_at
                        FROM staff
                        WHERE active AND role = 'OPERATOR' AND shift = :shift
                        ORDER BY display_name, username""")
                .bind("shift", shift.name())
                .map(StaffDirectory::toAccount)
                .all();
    }

    /**
     * Per window, in one query: complaints filed (created_at), dispatched (DISPATCHED events) and turned away
     * (REJECTED or MARKED_DUPLICATE events). Each table is read once, for the span of all the windows.
     */
    Flux<ShiftIntake> intake(List<Window> windows) {
        String values = IntStream.range(0, windows.size())
                .mapToObj(CommandCentreRepository::windowRow)
                .collect(Collectors.joining(",\n"));
        DatabaseClient.GenericExecuteSpec spec = db.sql("""
                        WITH shift_window (shift, position, start_at, end_at) AS (
                            VALUES %s
                        ),
                        happening (kind, at) AS (
                            SELECT 'SUBMITTED', created_at
                            FROM complaint
                            WHERE created_at >= :spanStart AND created_at < :spanEnd
                            UNION ALL
                            SELECT CASE type WHEN 'DISPATCHED' THEN 'DISPATCHED' WHEN 'RESOLVED' THEN 'RESOLVED' ELSE 'REJECTED' END, occurred_at
                            FROM complaint_event
                            WHERE type IN ('DISPATCHED', 'REJECTED', 'MARKED_DUPLICATE', 'RESOLVED')
                              AND occurred_at >= :spanStart AND occurred_at < :spanEnd
                        )
                        SELECT w.shift,
                               count(h.at) FILTER (WHERE h.kind = 'SUBMITTED') AS submitted,
                               count(h.at) FILTER (WHERE h.kind = 'DISPATCHED') AS dispatched,
                               count(h.at) FILTER (WHERE h.kind = 'REJECTED') AS rejected,
                               count(h.at) FILTER (WHERE h.kind = 'RESOLVED') AS resolved
                        FROM shift_window w
                        LEFT JOIN happening h ON h.at >= w.start_at AND h.at < w.end_at
                        GROUP BY w.shift, w.position
                        ORDER BY w.position""".formatted(values))
                .bind("spanStart", windows.stream().map(Window::start).min(Comparator.naturalOrder()).orElseThrow())
                .bind("spanEnd", windows.stream().map(Window::end).max(Comparator.naturalOrder()).orElseThrow());
        for (int i = 0; i < windows.size(); i++) {
            Window window = windows.get(i);
            spec = spec.bind("shift" + i, window.shift().name())
                    .bind("start" + i, window.start())
                    .bind("end" + i, window.end());
        }
        return spec.map(CommandCentreRepository::toIntake)
                .all();
    }

    /** One VALUES row of bound parameters for the i-th window. */
    private static String windowRow(int i) {
        return "(CAST(:shift%1$d AS text), %1$d, CAST(:start%1$d AS timestamptz), CAST(:end%1$d AS timestamptz))".formatted(i);
    }

    private static ShiftIntake toIntake(Readable row) {
        return new ShiftIntake(
                Shift.valueOf(row.get("shift", String.class)),
                Math.toIntExact(row.get("submitted", Long.class)),
                Math.toIntExact(row.get("dispatched", Long.class)),
                Math.toIntExact(row.get("rejected", Long.class)),
                Math.toIntExact(row.get("resolved", Long.class)));
    }
}
