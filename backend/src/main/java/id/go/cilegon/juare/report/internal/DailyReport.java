package id.go.cilegon.juare.report.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** GraphQL DailyReport: a stored report, its content read back from jsonb. */
record DailyReport(UUID id, LocalDate dayValue, Instant asOf, Instant generatedAt, Trigger trigger, String generatedBy,
                   ReportContent content, String contentHash, int pdfBytes, int csvBytes) {

    /** GraphQL ReportTrigger. */
    enum Trigger { SCHEDULE, REGENERATED }

    static DailyReport of(ReportRepository.Stored stored) {
        return new DailyReport(stored.id(), stored.day(), stored.asOf(), stored.generatedAt(), Trigger.valueOf(stored.trigger()),
                stored.generatedBy(), ReportMaker.JSON.readValue(stored.content(), ReportContent.class), stored.contentHash(),
                stored.pdfBytes(), stored.csvBytes());
    }

    public String day() {
        return dayValue.toString();
    }

    public ReportContent.Figures totals() {
        return content.totals();
    }

    public int awaitingDispatch() {
        return content.awaitingDispatch();
    }

    public List<ReportContent.OpdSection> opds() {
        return content.opds();
    }

    public String pdfPath() {
        return ReportFileEndpoint.path(dayValue, ReportRepository.ReportFile.PDF);
    }

    /** Deprecated in the schema: the OPD table's path, what a client that knows one CSV wants most. */
    public String csvPath() {
        return opdCsvPath();
    }

    public String opdCsvPath() {
        return ReportFileEndpoint.path(dayValue, ReportCsv.Table.OPDS);
    }

    public String overdueCsvPath() {
        return ReportFileEndpoint.path(dayValue, ReportCsv.Table.OVERDUE);
    }
}
