package id.go.cilegon.juare.report.internal;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.cilegon.juare.complaint.ComplaintStatus;
import id.go.cilegon.juare.graphql.Vocabulary;
import id.go.cilegon.juare.notify.ComplaintMessages;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/**
 * Every status has the same label in the backend's texts for people as on the dashboard (whose keys the frontend's
 * VocabularyTest checks): the daily report's CSV and PDF, and the WhatsApp texts that name a status.
 */
class VocabularyPathsTest {

    private static final Instant AS_OF = Instant.parse("2026-11-28T17:00:00Z");

    /** One overdue complaint in each status. */
    private static ReportContent everyStatus() {
        List<ReportContent.OverdueComplaint> late = Arrays.stream(ComplaintStatus.values())
                .map(s -> new ReportContent.OverdueComplaint(new UUID(0, s.ordinal() + 1), "JUA-2026-%06d".formatted(s.ordinal() + 1),
                        "JALAN", "36.72.02", s, AS_OF.minus(Duration.ofDays(9)), AS_OF.minus(Duration.ofDays(8)),
                        AS_OF.minus(Duration.ofDays(6)), true, true))
                .toList();
        return new ReportContent(LocalDate.of(2026, 11, 28), AS_OF, new ReportContent.Figures(0, 0, late.size(), late.size()), 0,
                List.of(new ReportContent.OpdSection("DPUPR", "Dinas Pekerjaan Umum dan Penataan Ruang",
                        new ReportContent.Figures(0, 0, late.size(), late.size()), 1, 50.0, late)));
    }

    @Test
    void theCsvAndThePdfNameEachStatusAsTheVocabularyDoes() throws Exception {
        ReportContent content = everyStatus();
        String[] rows = new String(ReportCsv.overdue(content), StandardCharsets.UTF_8).split("\r\n");
        String pdf;
        try (PDDocument document = Loader.loadPDF(ReportMaker.render(content).pdf())) {
            pdf = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
        for (ComplaintStatus status : ComplaintStatus.values()) {
            String label = Vocabulary.status(status.lifecycle());
            String row = Arrays.stream(rows).filter(r -> r.contains("JUA-2026-%06d".formatted(status.ordinal() + 1))).findFirst().orElseThrow();
            assertThat(row.split(";", -1)[5]).as("CSV status of %s", status).isEqualTo(label);
            assertThat(pdf).as("PDF row of %s", status).contains("JUA-2026-%06d JALAN %s".formatted(status.ordinal() + 1, label));
        }
    }

    @Test
    void theWhatsAppTextsNameTheStatusTheComplaintIsNowIn() {
        Instant due = Instant.parse("2026-11-30T07:00:00Z");
        String tracking = "JUA-2026-000001";
        assertThat(ComplaintMessages.dispatched(tracking, "DPUPR", due, due)).contains("Status: " + label(ComplaintStatus.DISPATCHED));
        assertThat(ComplaintMessages.resolved(tracking, "DPUPR", "Sudah", 3)).contains("Status: " + label(ComplaintStatus.RESOLVED));
        assertThat(ComplaintMessages.closed(tracking, 5)).contains("Status: " + label(ComplaintStatus.CLOSED));
        assertThat(ComplaintMessages.autoClosed(tracking)).contains("Status: " + label(ComplaintStatus.CLOSED));
        assertThat(ComplaintMessages.rejected(tracking, "SPAM", null)).contains("Status: " + label(ComplaintStatus.REJECTED));
        for (ComplaintStatus status : ComplaintStatus.values()) {
            assertThat(ComplaintMessages.statusLine(status.lifecycle())).isEqualTo("Status: " + label(status));
        }
    }

    private static String label(ComplaintStatus status) {
        return Vocabulary.status(status.lifecycle());
    }
}
