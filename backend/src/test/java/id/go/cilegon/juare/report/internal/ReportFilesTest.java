package id.go.cilegon.juare.report.internal;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.cilegon.juare.complaint.ComplaintStatus;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The files as pure functions of the content: equal content, equal bytes; the content's JSON round trip. */
class ReportFilesTest {

    static ReportContent sample() {
        Instant asOf = Instant.parse("2026-11-28T17:00:00Z");
        ReportContent.OverdueComplaint late = new ReportContent.OverdueComplaint(UUID.fromString("00000000-0000-0000-0000-000000000001"),
                "JUA-2026-000001", "JALAN", "36.72.02", ComplaintStatus.DISPATCHED, Instant.parse("2026-11-20T01:00:00Z"),
                Instant.parse("2026-11-21T01:00:00Z"), Instant.parse("2026-11-23T01:00:00Z"), true, true);
        return new ReportContent(LocalDate.of(2026, 11, 28), asOf, new ReportContent.Figures(12, 7, 30, 1), 2, List.of(
                new ReportContent.OpdSection("DPUPR", "Dinas Pekerjaan Umum dan Penataan Ruang", new ReportContent.Figures(5, 3, 20, 1),
                        1, 87.25, List.of(late)),
                new ReportContent.OpdSection("DLH", "Dinas Lingkungan Hidup", new ReportContent.Figures(4, 4, 10, 0), null, null,
                        List.of())));
    }

    @Test
    void equalContentGivesEqualBytes() throws Exception {
        ReportMaker.Made first = ReportMaker.render(sample());
        // the PDF writer reads the clock: let a second pass so that a date it wrote would differ
        Thread.sleep(1100);
        ReportMaker.Made second = ReportMaker.render(sample());
        if (!java.util.Arrays.equals(first.pdf(), second.pdf())) {
            System.out.println(new String(first.pdf(), StandardCharsets.ISO_8859_1).replaceAll("stream[\\s\\S]*?endstream", "S"));
            System.out.println(new String(second.pdf(), StandardCharsets.ISO_8859_1).replaceAll("stream[\\s\\S]*?endstream", "S"));
        }
        assertThat(second.contentHash()).isEqualTo(first.contentHash());
        assertThat(second.pdf()).isEqualTo(first.pdf());
        assertThat(second.csv()).isEqualTo(first.csv());
    }
}
