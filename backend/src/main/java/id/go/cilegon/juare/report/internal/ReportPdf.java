package id.go.cilegon.juare.report.internal;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;
import org.openpdf.text.Document;
import org.openpdf.text.Element;
import org.openpdf.text.Font;
import org.openpdf.text.Image;
import org.openpdf.text.PageSize;
import org.openpdf.text.Paragraph;
import org.openpdf.text.Phrase;
import org.openpdf.text.pdf.BaseFont;
import org.openpdf.text.pdf.ColumnText;
import org.openpdf.text.pdf.PdfContentByte;
import org.openpdf.text.pdf.PdfDate;
import org.openpdf.text.pdf.PdfDictionary;
import org.openpdf.text.pdf.PdfEncryption;
import org.openpdf.text.pdf.PdfName;
import org.openpdf.text.pdf.PdfPCell;
import org.openpdf.text.pdf.PdfPTable;
import org.openpdf.text.pdf.PdfPageEventHelper;
import org.openpdf.text.pdf.PdfTemplate;
import org.openpdf.text.pdf.PdfWriter;

/**
 * The report as an A4 PDF in Bahasa Indonesia (OpenPDF, the standard Helvetica fonts): the city's header, the totals,
 * a table per OPD, a bar chart of received, handled and overdue per OPD, the overdue complaints per OPD, and a footer
 * with the data's cut-off, the content's fingerprint and page numbers.
 * <p>
 * Reproducible: a function of the content alone. OpenPDF writes the current time as creation date and a random file
 * ID by default; both are set here from the content (the cut-off and the content hash), and the footer shows the
 * cut-off rather than the moment it was made (which the stored report keeps), so equal content gives equal bytes.
 */
final class ReportPdf {

    /**
     * The most overdue complaints listed per OPD; the rest are counted ("dan N lainnya") and are in the CSV and the API.
     * The reader (the mayor) reads the top of the list; the whole list of a large backlog made the file half a megabyte.
     */
    static final int OVERDUE_LISTED_PER_OPD = 50;

    private static final Color INK = new Color(0x21, 0x21, 0x21);
    private static final Color MUTED = new Color(0x61, 0x61, 0x61);
    private static final Color HEAD = new Color(0x0D, 0x47, 0xA1);
    private static final Color HEAD_FILL = new Color(0xE3, 0xEB, 0xF6);
    private static final Color RECEIVED = new Color(0x19, 0x76, 0xD2);
    private static final Color HANDLED = new Color(0x38, 0x8E, 0x3C);
    private static final Color OVERDUE = new Color(0xD3, 0x2F, 0x2F);

    /*
     * Fonts with an explicit base font (the standard Helvetica, WinAnsi, not embedded): a Font without one makes OpenPDF
     * embed a fallback TrueType subset for any character above U+00FF (a dash), with a random subset name, and so
     * different bytes every time.
     */
    private static final BaseFont REGULAR = standard(BaseFont.HELVETICA);
    private static final BaseFont BOLD = standard(BaseFont.HELVETICA_BOLD);
    private static final Font TITLE = new Font(BOLD, 16, Font.NORMAL, HEAD);
    private static final Font SUBTITLE = new Font(BOLD, 12, Font.NORMAL, INK);
    private static final Font SECTION = new Font(BOLD, 12, Font.NORMAL, HEAD);
    private static final Font TEXT = new Font(REGULAR, 9, Font.NORMAL, INK);
    private static final Font SMALL = new Font(REGULAR, 8, Font.NORMAL, MUTED);
    private static final Font CELL = new Font(REGULAR, 8, Font.NORMAL, INK);
    private static final Font CELL_BOLD = new Font(BOLD, 8, Font.NORMAL, INK);
    private static final Font BIG = new Font(BOLD, 18, Font.NORMAL, INK);

    private static BaseFont standard(String name) {
        try {
            return BaseFont.createFont(name, BaseFont.CP1252, BaseFont.NOT_EMBEDDED);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private ReportPdf() {
    }

    static byte[] render(ReportContent content, String contentHash) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, 40, 40, 40, 56);
        PdfWriter writer = PdfWriter.getInstance(document, out);
        writer.setPageEvent(new Footer(content, contentHash));
        document.addTitle("Laporan Harian Pengaduan " + content.day());
        document.addAuthor("Pemerintah Kota Cilegon");
        document.addCreator("Juare");
        document.addSubject("Laporan harian pengaduan per OPD, " + IndonesianDates.longDate(content.day()));
        document.open();
        fixMetadata(writer.getInfo(), content.asOf(), contentHash);
        header(document, content);
        totals(document, content);
        opdTable(document, content);
        chart(document, writer, content);
        overdueLists(document, content);
        document.close();
        return out.toByteArray();
    }

    /** Creation and modification date = the cut-off; file ID = the first 16 bytes of the content hash. */
    private static void fixMetadata(PdfDictionary info, Instant asOf, String contentHash) {
        Calendar at = new GregorianCalendar(TimeZone.getTimeZone(IndonesianDates.WIB), Locale.ROOT);
        at.setTimeInMillis(asOf.toEpochMilli());
        PdfDate date = new PdfDate(at);
        info.put(PdfName.CREATIONDATE, date);
        info.put(PdfName.MODDATE, date);
        byte[] id = HexFormat.of().parseHex(contentHash.substring(0, 32));
        info.put(PdfName.FILEID, PdfEncryption.createInfoId(id, id));
    }

    private static void header(Document document, ReportContent content) {
        Paragraph city = new Paragraph("PEMERINTAH KOTA CILEGON", TITLE);
        city.setAlignment(Element.ALIGN_CENTER);
        document.add(city);
        Paragraph title = new Paragraph("Juare \u2014 Laporan Harian Pengaduan", SUBTITLE);
        title.setAlignment(Element.ALIGN_CENTER);
        document.add(title);
        Paragraph day = new Paragraph(IndonesianDates.longDate(content.day()), SUBTITLE);
        day.setAlignment(Element.ALIGN_CENTER);
        document.add(day);
        Paragraph asOf = new Paragraph("Semua angka per " + IndonesianDates.dateTime(content.asOf())
                + " (akhir hari), dihitung dari riwayat pengaduan.", SMALL);
        asOf.setAlignment(Element.ALIGN_CENTER);
        asOf.setSpacingAfter(10);
        document.add(asOf);
    }

    private static void totals(Document document, ReportContent content) {
        document.add(section("Ringkasan Kota"));
        ReportContent.Figures t = content.totals();
        PdfPTable table = new PdfPTable(5);
        table.setWidthPercentage(100);
        table.setSpacingAfter(10);
        box(table, "Pengaduan diterima", t.received());
        box(table, "Ditangani", t.handled());
        box(table, "Belum ditangani", t.notHandled());
        box(table, "Terlambat", t.overdue());
        box(table, "Menunggu diteruskan", content.awaitingDispatch());
        document.add(table);
    }

    private static void box(PdfPTable table, String label, int value) {
        PdfPCell cell = new PdfPCell();
        cell.setBorderColor(HEAD_FILL);
        cell.setPadding(6);
        Paragraph number = new Paragraph(String.valueOf(value), BIG);
        number.setAlignment(Element.ALIGN_CENTER);
        Paragraph caption = new Paragraph(label, SMALL);
        caption.setAlignment(Element.ALIGN_CENTER);
        cell.addElement(number);
        cell.addElement(caption);
        table.addCell(cell);
    }

    private static void opdTable(Document document, ReportContent content) {
        document.add(section("Per OPD (urutan peringkat 30 hari terakhir)"));
        PdfPTable table = new PdfPTable(new float[] {6, 30, 18, 10, 11, 13, 12});
        table.setWidthPercentage(100);
        table.setHeaderRows(1);
        table.setSpacingAfter(10);
        for (String heading : List.of("Per.", "OPD", "Skor", "Diterima", "Ditangani", "Belum ditangani", "Terlambat")) {
            PdfPCell cell = new PdfPCell(new Phrase(heading, CELL_BOLD));
            cell.setBackgroundColor(HEAD_FILL);
            cell.setHorizontalAlignment(heading.equals("OPD") ? Element.ALIGN_LEFT : Element.ALIGN_CENTER);
            cell.setPadding(4);
            table.addCell(cell);
        }
        for (ReportContent.OpdSection opd : content.opds()) {
            ReportContent.Figures f = opd.figures();
            table.addCell(number(opd.rank() == null ? "\u2013" : String.valueOf(opd.rank()), false));
            PdfPCell name = new PdfPCell(new Phrase(opd.opdName() + " (" + opd.opdCode() + ")", CELL));
            name.setPadding(3);
            table.addCell(name);
            table.addCell(number(scoreText(opd), false));
            table.addCell(number(String.valueOf(f.received()), false));
            table.addCell(number(String.valueOf(f.handled()), false));
            table.addCell(number(String.valueOf(f.notHandled()), false));
            table.addCell(number(String.valueOf(f.overdue()), f.overdue() > 0));
        }
        ReportContent.Figures t = content.totals();
        table.addCell(number("", false));
        table.addCell(new PdfPCell(new Phrase("Kota Cilegon (pengaduan diterima = dikirim warga)", CELL_BOLD)));
        table.addCell(number("", false));
        table.addCell(number(String.valueOf(t.received()), true));
        table.addCell(number(String.valueOf(t.handled()), true));
        table.addCell(number(String.valueOf(t.notHandled()), true));
        table.addCell(number(String.valueOf(t.overdue()), true));
        document.add(table);
        if (content.opds().stream().anyMatch(opd -> opd.scoreLow() != null || opd.fewComplaints())) {
            document.add(new Paragraph("Skor (rentang 95 %): skor yang memperhitungkan jumlah pengaduan; * = sedikit pengaduan, "
                    + "skor masih bisa banyak berubah.", SMALL));
        }
    }

    /** "62,3 (58,1–66,5)*": the score, its 95 % interval when published, * for few complaints (explained below). */
    private static String scoreText(ReportContent.OpdSection opd) {
        if (opd.score() == null) {
            return "\u2013";
        }
        String text = ReportCsv.score(opd.score()).replace('.', ',');
        if (opd.scoreLow() != null && opd.scoreHigh() != null) {
            text += " (" + ReportCsv.score(opd.scoreLow()).replace('.', ',') + "\u2013"
                    + ReportCsv.score(opd.scoreHigh()).replace('.', ',') + ")";
        }
        return opd.fewComplaints() ? text + "*" : text;
    }

    private static PdfPCell number(String text, boolean bold) {
        PdfPCell cell = new PdfPCell(new Phrase(text, bold ? CELL_BOLD : CELL));
        cell.setHorizontalAlignment(Element.ALIGN_RIGHT);
        cell.setPadding(3);
        return cell;
    }

    /** Horizontal bars per OPD with any figure: received, handled and overdue, on one scale. */
    private static void chart(Document document, PdfWriter writer, ReportContent content) {
        List<ReportContent.OpdSection> shown = content.opds().stream()
                .filter(opd -> opd.figures().received() > 0 || opd.figures().handled() > 0 || opd.figures().overdue() > 0)
                .toList();
        document.add(section("Grafik: diterima, ditangani dan terlambat per OPD"));
        if (shown.isEmpty()) {
            document.add(new Paragraph("Tidak ada pengaduan diterima, ditangani atau terlambat pada hari ini.", TEXT));
            return;
        }
        int max = shown.stream()
                .mapToInt(opd -> Math.max(opd.figures().received(), Math.max(opd.figures().handled(), opd.figures().overdue())))
                .max()
                .orElse(1);
        float width = document.right() - document.left();
        float labelWidth = 150;
        float barArea = width - labelWidth - 30;
        float rowHeight = 22;
        float legend = 16;
        float height = legend + shown.size() * rowHeight + 4;
        PdfTemplate template = writer.getDirectContent().createTemplate(width, height);
        BaseFont font = REGULAR;
        // legend at the top
        float y = height - 10;
        legendItem(template, font, 0, y, RECEIVED, "Diterima");
        legendItem(template, font, 70, y, HANDLED, "Ditangani");
        legendItem(template, font, 160, y, OVERDUE, "Terlambat");
        for (int i = 0; i < shown.size(); i++) {
            ReportContent.OpdSection opd = shown.get(i);
            float top = height - legend - i * rowHeight;
            template.beginText();
            template.setFontAndSize(font, 8);
            template.setColorFill(INK);
            template.showTextAligned(PdfContentByte.ALIGN_LEFT, shorten(opd.opdName(), 34), 0, top - 12, 0);
            template.endText();
            bar(template, font, labelWidth, top - 6, barArea, max, opd.figures().received(), RECEIVED);
            bar(template, font, labelWidth, top - 12, barArea, max, opd.figures().handled(), HANDLED);
            bar(template, font, labelWidth, top - 18, barArea, max, opd.figures().overdue(), OVERDUE);
        }
        Image image = Image.getInstance(template);
        image.setSpacingAfter(10);
        document.add(image);
    }

    private static void legendItem(PdfTemplate template, BaseFont font, float x, float y, Color color, String label) {
        template.setColorFill(color);
        template.rectangle(x, y - 1, 8, 6);
        template.fill();
        template.beginText();
        template.setFontAndSize(font, 8);
        template.setColorFill(INK);
        template.showTextAligned(PdfContentByte.ALIGN_LEFT, label, x + 11, y, 0);
        template.endText();
    }

    private static void bar(PdfTemplate template, BaseFont font, float x, float y, float area, int max, int value, Color color) {
        float length = max == 0 ? 0 : area * value / max;
        template.setColorFill(color);
        template.rectangle(x, y, Math.max(length, value > 0 ? 1 : 0), 5);
        template.fill();
        template.beginText();
        template.setFontAndSize(font, 6);
        template.setColorFill(MUTED);
        template.showTextAligned(PdfContentByte.ALIGN_LEFT, String.valueOf(value), x + length + 3, y, 0);
        template.endText();
    }

    private static String shorten(String text, int length) {
        return text.length() <= length ? text : text.substring(0, length - 1) + "\u2026";
    }

    private static void overdueLists(Document document, ReportContent content) {
        document.add(section("Pengaduan terlambat per OPD (paling lama terlambat di atas; paling banyak "
                + OVERDUE_LISTED_PER_OPD + " per OPD, semuanya di CSV)"));
        boolean any = false;
        for (ReportContent.OpdSection opd : content.opds()) {
            if (opd.overdueComplaints().isEmpty()) {
                continue;
            }
            any = true;
            Paragraph name = new Paragraph(opd.opdName() + " (" + opd.opdCode() + "): " + opd.overdueComplaints().size()
                    + " terlambat", CELL_BOLD);
            name.setSpacingBefore(4);
            name.setSpacingAfter(3);
            document.add(name);
            PdfPTable table = new PdfPTable(new float[] {18, 12, 13, 14, 14, 14, 15});
            table.setWidthPercentage(100);
            table.setHeaderRows(1);
            for (String heading : List.of("No. pelacakan", "Kategori", "Status", "Diterima OPD", "Batas tanggapan", "Batas selesai",
                    "Terlambat")) {
                PdfPCell cell = new PdfPCell(new Phrase(heading, CELL_BOLD));
                cell.setBackgroundColor(HEAD_FILL);
                cell.setPadding(3);
                table.addCell(cell);
            }
            List<ReportContent.OverdueComplaint> listed = opd.overdueComplaints().stream()
                    .limit(OVERDUE_LISTED_PER_OPD)
                    .toList();
            for (ReportContent.OverdueComplaint c : listed) {
                table.addCell(plain(c.trackingNumber()));
                table.addCell(plain(c.categoryCode()));
                table.addCell(plain(ReportCsv.statusName(c.status())));
                table.addCell(plain(IndonesianDates.compact(c.receivedAt())));
                table.addCell(plain(IndonesianDates.compact(c.replyDueAt())));
                table.addCell(plain(IndonesianDates.compact(c.fixDueAt())));
                table.addCell(plain(ReportCsv.overdueKind(c)));
            }
            document.add(table);
            int more = opd.overdueComplaints().size() - listed.size();
            if (more > 0) {
                Paragraph rest = new Paragraph("dan " + more + " lainnya \u2014 lihat CSV", TEXT);
                rest.setSpacingBefore(2);
                document.add(rest);
            }
        }
        if (!any) {
            document.add(new Paragraph("Tidak ada pengaduan terlambat pada akhir hari.", TEXT));
        }
    }

    private static PdfPCell plain(String text) {
        PdfPCell cell = new PdfPCell(new Phrase(text, CELL));
        cell.setPadding(3);
        return cell;
    }

    private static Paragraph section(String title) {
        Paragraph paragraph = new Paragraph(title, SECTION);
        paragraph.setSpacingBefore(6);
        paragraph.setSpacingAfter(6);
        return paragraph;
    }

    /** "Halaman 1 dari 3": the total is a template filled in when the document closes. */
    private static final class Footer extends PdfPageEventHelper {

        private final String left;
        private PdfTemplate total;
        private BaseFont font;

        Footer(ReportContent content, String contentHash) {
            this.left = "Juare \u2014 dibuat dari data per " + IndonesianDates.dateTime(content.asOf()) + " \u00b7 sidik konten "
                    + contentHash.substring(0, 12);
        }

        @Override
        public void onOpenDocument(PdfWriter writer, Document document) {
            total = writer.getDirectContent().createTemplate(30, 12);
            font = REGULAR;
        }

        @Override
        public void onEndPage(PdfWriter writer, Document document) {
            PdfContentByte canvas = writer.getDirectContent();
            float y = document.bottom() - 24;
            ColumnText.showTextAligned(canvas, Element.ALIGN_LEFT, new Phrase(left, SMALL), document.left(), y, 0);
            String page = "Halaman " + writer.getPageNumber() + " dari ";
            float pageWidth = font.getWidthPoint(page, 8);
            float x = document.right() - 30 - pageWidth;
            ColumnText.showTextAligned(canvas, Element.ALIGN_LEFT, new Phrase(page, SMALL), x, y, 0);
            canvas.addTemplate(total, x + pageWidth, y);
            canvas.setColorStroke(HEAD_FILL);
            canvas.moveTo(document.left(), y + 10);
            canvas.lineTo(document.right(), y + 10);
            canvas.stroke();
        }

        @Override
        public void onCloseDocument(PdfWriter writer, Document document) {
            total.beginText();
            total.setFontAndSize(font, 8);
            total.setColorFill(MUTED);
            // the last page has ended: the writer already counts the next one
            total.showText(String.valueOf(writer.getPageNumber() - 1));
            total.endText();
        }
    }
}
