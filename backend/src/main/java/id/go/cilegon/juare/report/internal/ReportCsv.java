package id.go.cilegon.juare.report.internal;

import id.go.cilegon.juare.complaint.ComplaintStatus;
import id.go.cilegon.juare.graphql.Vocabulary;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The report as CSV files, one table each, for Excel in an Indonesian locale: UTF-8 with a byte order mark (or Excel
 * reads it as the ANSI code page), {@code ;} between fields (Indonesian Windows' list separator), decimals with a
 * comma ("87,5": Indonesian Excel reads it as a number), times "2026-12-06 10:15" in WIB, CRLF line ends and quotes
 * as RFC 4180. {@link Table#OPDS}: one row per OPD in ranking order and the city's row (kode_opd KOTA);
 * {@link Table#OVERDUE}: one row per overdue complaint. docs/report.md describes every column.
 */
final class ReportCsv {

    static final String CITY_CODE = "KOTA";
    static final List<String> OPD_HEADER = List.of("tanggal", "kode_opd", "nama_opd", "peringkat", "skor", "masuk", "ditangani",
            "belum_ditangani", "terlambat", "menunggu_disposisi", "skor_bawah", "skor_atas", "sedikit_pengaduan");
    static final List<String> OVERDUE_HEADER = List.of("kode_opd", "nomor_pelacakan", "id_pengaduan", "kategori", "kecamatan",
            "status", "diterima_opd", "batas_tanggapan", "batas_selesai", "tanggapan_terlambat", "penyelesaian_terlambat");
    static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final String EOL = "\r\n";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm", Locale.ROOT);

    /** The report's tables, each its own file. */
    enum Table {
        OPDS("opd"),
        OVERDUE("terlambat");

        /** In the file's name: laporan-harian-2026-12-06-opd.csv. */
        final String suffix;

        Table(String suffix) {
            this.suffix = suffix;
        }

        static Table ofSuffix(String suffix) {
            return Stream.of(values()).filter(t -> t.suffix.equals(suffix)).findFirst().orElseThrow();
        }
    }

    private ReportCsv() {
    }

    static byte[] render(ReportContent content, Table table) {
        return switch (table) {
            case OPDS -> opds(content);
            case OVERDUE -> overdue(content);
        };
    }

    static byte[] opds(ReportContent content) {
        StringBuilder csv = new StringBuilder();
        line(csv, OPD_HEADER);
        String day = content.day().toString();
        for (ReportContent.OpdSection opd : content.opds()) {
            ReportContent.Figures f = opd.figures();
            line(csv, List.of(day, opd.opdCode(), opd.opdName(), opd.rank() == null ? "" : opd.rank().toString(), decimal(opd.score()),
                    String.valueOf(f.received()), String.valueOf(f.handled()), String.valueOf(f.notHandled()),
                    String.valueOf(f.overdue()), "", decimal(opd.scoreLow()), decimal(opd.scoreHigh()), opd.fewComplaints() ? "ya" : "tidak"));
        }
        ReportContent.Figures t = content.totals();
        line(csv, List.of(day, CITY_CODE, "Kota Cilegon", "", "", String.valueOf(t.received()), String.valueOf(t.handled()),
                String.valueOf(t.notHandled()), String.valueOf(t.overdue()), String.valueOf(content.awaitingDispatch()), "", "", ""));
        return bytes(csv);
    }

    static byte[] overdue(ReportContent content) {
        StringBuilder csv = new StringBuilder();
        line(csv, OVERDUE_HEADER);
        for (ReportContent.OpdSection opd : content.opds()) {
            for (ReportContent.OverdueComplaint c : opd.overdueComplaints()) {
                line(csv, List.of(opd.opdCode(), c.trackingNumber(), c.complaintId().toString(), c.categoryCode(), c.kecamatanCode(),
                        statusName(c.status()), time(c.receivedAt()), time(c.replyDueAt()), time(c.fixDueAt()),
                        c.replyOverdue() ? "ya" : "tidak", c.fixOverdue() ? "ya" : "tidak"));
            }
        }
        return bytes(csv);
    }

    /** Both files in one zip: what the report stores beside its PDF (daily_report.csv). */
    static byte[] zip(ReportContent content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
            for (Table table : Table.values()) {
                ZipEntry entry = new ZipEntry(filename(content.day(), table));
                // the day, not the moment: the same content gives the same bytes
                entry.setTimeLocal(content.day().atStartOfDay());
                zip.putNextEntry(entry);
                zip.write(render(content, table));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static String filename(java.time.LocalDate day, Table table) {
        return "laporan-harian-" + day + "-" + table.suffix + ".csv";
    }

    /** One decimal, a point: for the PDF, which writes it with a comma itself; empty when there is no score. */
    static String score(Double score) {
        return score == null ? "" : String.format(Locale.ROOT, "%.1f", score);
    }

    /** One decimal with a comma, as Indonesian Excel reads a number; empty when there is none. */
    static String decimal(Double score) {
        return score(score).replace('.', ',');
    }

    /** The status in the shared vocabulary's words (the dashboard's, the PDF's, WhatsApp's). */
    static String statusName(ComplaintStatus status) {
        return Vocabulary.status(status.lifecycle());
    }

    /** "Tanggapan", "Penyelesaian" or both: which clock ran out. */
    static String overdueKind(ReportContent.OverdueComplaint complaint) {
        return Stream.of(complaint.replyOverdue() ? "Tanggapan" : null, complaint.fixOverdue() ? "Penyelesaian" : null)
                .filter(s -> s != null)
                .collect(Collectors.joining(" + "));
    }

    private static String time(Instant instant) {
        return LocalDateTime.ofInstant(instant, IndonesianDates.WIB).format(TIME);
    }

    private static byte[] bytes(StringBuilder csv) {
        byte[] text = csv.toString().getBytes(StandardCharsets.UTF_8);
        byte[] file = new byte[BOM.length + text.length];
        System.arraycopy(BOM, 0, file, 0, BOM.length);
        System.arraycopy(text, 0, file, BOM.length, text.length);
        return file;
    }

    private static void line(StringBuilder csv, List<String> fields) {
        csv.append(fields.stream().map(ReportCsv::field).collect(Collectors.joining(";"))).append(EOL);
    }

    private static String field(String value) {
        if (value.contains(";") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
            return "\"" + value.replace("\"", "\"\"") + "\"";
        }
        return value;
    }
}
