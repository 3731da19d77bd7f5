package id.go.cilegon.juare.dashboard.commandcentre;

import id.go.cilegon.juare.graphql.Lifecycle;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * What the command centre shows, as of {@link #asOf()}: the counters, the OPDs, and the shift.
 *
 * @param newToday     complaints filed since 00:00 WIB (every complaint starts SUBMITTED)
 * @param open         complaints not finished: SUBMITTED (waiting for an operator), DISPATCHED, IN_PROGRESS, REOPENED
 * @param replyOverdue open complaints whose reply clock ran out
 * @param fixOverdue   open complaints whose fix clock ran out
 * @param resolvedToday resolutions in today's shifts (07:00 WIB today to 07:00 tomorrow); null if unknown
 */
public record CommandCentreOverview(
        Instant asOf,
        int newToday,
        int open,
        int replyOverdue,
        int fixOverdue,
        Integer resolvedToday,
        int waitingForOperator,
        List<OpdRow> opds,
        Shift shift) {

    /** Statuses of a complaint someone in the city still has to act on: waiting for an operator or at an OPD. */
    public static final Set<String> OPEN_STATUSES = Lifecycle.names(Lifecycle.WITH_CITY);

    /**
     * One OPD's line: most overdue first, so the worst is on top. {@code medianReplySeconds}: dispatch to first reply,
     * median over what was dispatched to it in the last 30 days; null when nothing was answered.
     */
    public record OpdRow(String code, String name, int total, int open, int replyOverdue, int fixOverdue,
                         Integer medianReplySeconds) {

        public static final Comparator<OpdRow> WORST_FIRST = Comparator
                .comparingInt((OpdRow row) -> row.replyOverdue() + row.fixOverdue()).reversed()
                .thenComparing(Comparator.comparingInt(OpdRow::open).reversed())
                .thenComparing(OpdRow::code);
    }

    /** The shift on now ({@code start}/{@code end} are HH:mm WIB), who is on it, and today's intake per shift. */
    public record Shift(String shift, String start, String end, List<String> onDuty, List<Intake> intakeToday) {
    }

    public record Intake(String shift, int submitted, int dispatched, int rejected) {
    }
}
