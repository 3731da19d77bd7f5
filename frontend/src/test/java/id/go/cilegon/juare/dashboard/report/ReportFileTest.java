package id.go.cilegon.juare.dashboard.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ReportFileTest {

    @Test
    void aDayAndAKindOnly() {
        assertThat(ReportFile.parse("2026-05-06.pdf")).contains(new ReportFile(LocalDate.of(2026, 5, 6), ReportFile.Kind.PDF));
        assertThat(ReportFile.parse("2026-05-06-opd.csv")).contains(new ReportFile(LocalDate.of(2026, 5, 6), ReportFile.Kind.OPD_CSV));
        assertThat(ReportFile.parse("2026-05-06-terlambat.csv")).contains(new ReportFile(LocalDate.of(2026, 5, 6), ReportFile.Kind.OVERDUE_CSV));
        assertThat(ReportFile.parse("2026-05-06.csv")).as("one file per table now").isEmpty();
        assertThat(ReportFile.parse("2026-02-30.pdf")).isEmpty();
        assertThat(ReportFile.parse("2026-05-06.exe")).isEmpty();
        assertThat(ReportFile.parse("../../api/photos")).isEmpty();
        assertThat(ReportFile.parse("2026-05-06.pdf?x=1")).isEmpty();
        assertThat(ReportFile.parse(null)).isEmpty();
    }

    @Test
    void theLinkAndTheBackendPath() {
        ReportFile csv = new ReportFile(LocalDate.of(2026, 5, 6), ReportFile.Kind.OVERDUE_CSV);
        assertThat(csv.href()).isEqualTo("report-files/2026-05-06-terlambat.csv");
        assertThat(csv.filename()).isEqualTo("laporan-harian-2026-05-06-terlambat.csv");
        DailyReport report = new DailyReport("id", csv.day(), null, null, "SCHEDULE", null, null, 0, null,
                "/api/reports/2026-05-06.pdf", "/api/reports/2026-05-06-opd.csv", "/api/reports/2026-05-06-terlambat.csv", 1, 1, "h");
        assertThat(csv.backendPath(report)).isEqualTo("/api/reports/2026-05-06-terlambat.csv");
        assertThat(new ReportFile(csv.day(), ReportFile.Kind.OPD_CSV).backendPath(report)).isEqualTo("/api/reports/2026-05-06-opd.csv");
        assertThat(new ReportFile(csv.day(), ReportFile.Kind.PDF).backendPath(report)).isEqualTo("/api/reports/2026-05-06.pdf");
    }

    @Test
    void overdueComplaintsComeOpdByOpd() {
        DailyReport.Opd dpupr = new DailyReport.Opd("DPUPR", "Dinas PU");
        DailyReport.Opd dlh = new DailyReport.Opd("DLH", "Dinas LH");
        DailyReport.OverdueComplaint a = new DailyReport.OverdueComplaint("a", "A", "c", "k", "DISPATCHED", null, null, null, true, false);
        DailyReport.OverdueComplaint b = new DailyReport.OverdueComplaint("b", "B", "c", "k", "IN_PROGRESS", null, null, null, false, true);
        DailyReport report = new DailyReport("id", LocalDate.of(2026, 5, 6), null, null, "SCHEDULE", null, null, 0,
                java.util.List.of(new DailyReport.OpdLine(dpupr, null, 1, 90.0, java.util.List.of(a)),
                        new DailyReport.OpdLine(dlh, null, null, null, null),
                        new DailyReport.OpdLine(dlh, null, 2, 50.0, java.util.List.of(b))),
                "/p", "/c", "/o", 1, 1, "h");
        assertThat(report.overdueComplaints()).containsExactly(new DailyReport.Overdue(dpupr, a), new DailyReport.Overdue(dlh, b));
    }
}
