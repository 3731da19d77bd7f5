package id.go.cilegon.juare.report.internal;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.cilegon.juare.complaint.ComplaintStatus;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/** The files as pure functions of the content: equal content, equal bytes; the PDF's list capped per OPD, the CSV's not. */
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

    @Test
    void thePdfListsTheFiftyMostOverduePerOpdAndTheCsvAll() throws Exception {
        Instant asOf = Instant.parse("2026-11-28T17:00:00Z");
        List<ReportContent.OverdueComplaint> late = IntStream.rangeClosed(1, 57)
                .mapToObj(i -> new ReportContent.OverdueComplaint(new UUID(0, i), "JUA-2026-%06d".formatted(i), "JALAN", "36.72.02",
                        ComplaintStatus.DISPATCHED, Instant.parse("2026-11-01T01:00:00Z").plusSeconds(i * 3600L),
                        Instant.parse("2026-11-02T01:00:00Z").plusSeconds(i * 3600L), Instant.parse("2026-11-04T01:00:00Z").plusSeconds(i * 3600L),
                        true, true))
                .toList();
        ReportContent content = new ReportContent(LocalDate.of(2026, 11, 28), asOf, new ReportContent.Figures(0, 0, 60, 57), 0, List.of(
                new ReportContent.OpdSection("DPUPR", "Dinas Pekerjaan Umum dan Penataan Ruang", new ReportContent.Figures(0, 0, 60, 57),
                        1, 50.0, late)));
        ReportMaker.Made made = ReportMaker.render(content);
        try (PDDocument document = Loader.loadPDF(made.pdf())) {
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            assertThat(text).contains("Dinas Pekerjaan Umum dan Penataan Ruang (DPUPR): 57 terlambat")
                    .contains("JUA-2026-000001")
                    .contains("JUA-2026-000050")
                    .doesNotContain("JUA-2026-000051")
                    .contains("dan 7 lainnya \u2014 lihat CSV");
        }
        String csv = new String(ReportCsv.overdue(content), StandardCharsets.UTF_8);
        assertThat(csv).contains("JUA-2026-000051").contains("JUA-2026-000057");
        try (PDDocument document = Loader.loadPDF(ReportMaker.render(sample()).pdf())) {
            assertThat(new PDFTextStripper().getText(document)).doesNotContain("lainnya");
        }
    }

    @Test
    void theStoredZipHoldsTheTwoTablesAsServed() throws Exception {
        ReportContent content = sample();
        java.util.Map<String, byte[]> entries = new java.util.LinkedHashMap<>();
        try (java.util.zip.ZipInputStream zip = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(ReportMaker.render(content).csv()))) {
            for (java.util.zip.ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                entries.put(entry.getName(), zip.readAllBytes());
            }
        }
        String day = content.day().toString();
        assertThat(entries).containsOnlyKeys("laporan-harian-" + day + "-opd.csv", "laporan-harian-" + day + "-terlambat.csv");
        assertThat(entries.get("laporan-harian-" + day + "-opd.csv")).isEqualTo(ReportCsv.render(content, ReportCsv.Table.OPDS));
        assertThat(entries.get("laporan-harian-" + day + "-terlambat.csv")).isEqualTo(ReportCsv.render(content, ReportCsv.Table.OVERDUE));
    }
}
