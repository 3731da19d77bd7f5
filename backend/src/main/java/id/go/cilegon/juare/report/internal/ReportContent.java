package id.go.cilegon.juare.report.internal;

import id.go.cilegon.juare.complaint.ComplaintStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * What a daily report says: only figures as of its cut-off, nothing about when or by whom it was made, so that the
 * same data always gives the same content (and the same hash, PDF and CSV). Stored as jsonb.
 *
 * @param day              the reported WIB day
 * @param asOf             the cut-off: 00:00 WIB of the next day
 * @param totals           the city's figures (received = complaints filed during the day)
 * @param awaitingDispatch complaints not dispatched to any OPD at the cut-off (status SUBMITTED)
 * @param opds             every OPD with figures, in ranking order
 */
record ReportContent(LocalDate day, Instant asOf, Figures totals, int awaitingDispatch, List<OpdSection> opds) {

    /** GraphQL DailyReportFigures. */
    record Figures(int received, int handled, int notHandled, int overdue) {

        static final Figures NONE = new Figures(0, 0, 0, 0);

        boolean isEmpty() {
            return received == 0 && handled == 0 && notHandled == 0 && overdue == 0;
        }
    }

    /**
     * One OPD's part. The name is the one it had when the report was made, as printed in the PDF. The score's 95 %
     * interval (null when the ranking definition at the cut-off published none) and the "few complaints" mark are
     * printed beside it.
     */
    record OpdSection(String opdCode, String opdName, Figures figures, Integer rank, Double score,
                      List<OverdueComplaint> overdueComplaints, Double scoreLow, Double scoreHigh, boolean fewComplaints) {

        OpdSection(String opdCode, String opdName, Figures figures, Integer rank, Double score,
                   List<OverdueComplaint> overdueComplaints) {
            this(opdCode, opdName, figures, rank, score, overdueComplaints, null, null, false);
        }
    }

    /** GraphQL DailyReportOverdueComplaint. */
    record OverdueComplaint(UUID complaintId, String trackingNumber, String categoryCode, String kecamatanCode,
                            ComplaintStatus status, Instant receivedAt, Instant replyDueAt, Instant fixDueAt,
                            boolean replyOverdue, boolean fixOverdue) {

        /** The clock that ran out first: the report lists the most overdue first. */
        Instant breachedAt() {
            if (replyOverdue && fixOverdue) {
                return replyDueAt.isBefore(fixDueAt) ? replyDueAt : fixDueAt;
            }
            return replyOverdue ? replyDueAt : fixDueAt;
        }
    }
}
