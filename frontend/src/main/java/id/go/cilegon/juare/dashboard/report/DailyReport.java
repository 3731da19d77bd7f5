package id.go.cilegon.juare.dashboard.report;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A stored daily report as the backend answers it ({@code DailyReport}); in the list ({@code DailyReports}) without
 * its OPDs ({@code opds} empty). Every figure is as of {@code asOf}, the end of the reported WIB day.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DailyReport(
        String id,
        LocalDate day,
        Instant asOf,
        Instant generatedAt,
        String trigger,
        String generatedBy,
        Figures totals,
        int awaitingDispatch,
        List<OpdLine> opds,
        String pdfPath,
        String opdCsvPath,
        String overdueCsvPath,
        int pdfBytes,
        int csvBytes,
        String contentHash) {

    public DailyReport {
        opds = opds == null ? List.of() : List.copyOf(opds);
    }

    /** Every overdue complaint of the report, OPD by OPD in ranking order, each most overdue first. */
    public List<Overdue> overdueComplaints() {
        return opds.stream()
                .flatMap(line -> line.overdueComplaints().stream().map(c -> new Overdue(line.opd(), c)))
                .toList();
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Figures(int received, int handled, int notHandled, int overdue) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Opd(String code, String name) {
    }

    /** One OPD's line: its figures, its place in the report's ranking (null: not ranked), its overdue complaints. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record OpdLine(Opd opd, Figures figures, Integer rank, Double score, List<OverdueComplaint> overdueComplaints) {

        public OpdLine {
            overdueComplaints = overdueComplaints == null ? List.of() : List.copyOf(overdueComplaints);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record OverdueComplaint(String complaintId, String trackingNumber, String categoryCode, String kecamatanCode,
                                   String status, Instant receivedAt, Instant replyDueAt, Instant fixDueAt,
                                   boolean replyOverdue, boolean fixOverdue) {
    }

    /** An overdue complaint with the OPD that has it. */
    public record Overdue(Opd opd, OverdueComplaint complaint) {
    }
}
