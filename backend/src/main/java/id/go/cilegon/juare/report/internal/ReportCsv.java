package id.go.cilegon.juare.report.internal;

import id.go.cilegon.juare.complaint.ComplaintStatus;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The report as CSV (UTF-8, ';'-separated, CRLF line ends as RFC 4180, decimals with a point, times ISO-8601 in WIB):
 * two sections separated by an empty line, each with its header row. First one row per OPD in ranking order and the
 * city's row (kode_opd KOTA); then one row per overdue complaint. docs/report.md describes every column.
 */
final class ReportCsv {

    static final String CITY_CODE = "KOTA";
    static final List<String> OPD_HEADER = List.of("tanggal", "kode_opd", "nama_opd", "peringkat", "skor", "masuk", "ditangani",
            "belum_ditangani", "terlambat", "menunggu_disposisi", "skor_bawah", "skor_atas", "sedikit_pengaduan");
    static final List<String> OVERDUE_HEADER = List.of("kode_opd", "nomor_pelacakan", "id_pengaduan", "kategori", "kecamatan",
            "status", "diterima_opd", "batas_tanggapan", "batas_selesai", "tanggapan_terlambat", "penyelesaian_terlambat");
    private static final String EOL = "\r\n";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    private ReportCsv() {
    }

    static byte[] render(ReportContent content) {
        StringBuilder csv = new StringBuilder();
        line(csv, OPD_HEADER);
        String day = content.day().toString();
        for (ReportContent.OpdSection opd : content.opds()) {
            ReportContent.Figures f = opd.figures();
            line(csv, List.of(day, opd.opdCode(), opd.opdName(), opd.rank() == null ? "" : opd.rank().toString(), score(opd.score()),
                    String.valueOf(f.received()), String.valueOf(f.handled()), String.valueOf(f.notHandled()),
                    String.valueOf(f.overdue()), "", score(opd.scoreLow()), score(opd.scoreHigh()), opd.fewComplaints() ? "ya" : "tidak"));
        }
        ReportContent.Figures t = content.totals();
        line(csv, List.of(day, CITY_CODE, "Kota Cilegon", "", "", String.valueOf(t.received()), String.valueOf(t.handled()),
                String.valueOf(t.notHandled()), String.valueOf(t.overdue()), String.valueOf(content.awaitingDispatch()), "", "", ""));
        csv.append(EOL);
        line(csv, OVERDUE_HEADER);
        for (ReportContent.OpdSection opd : content.opds()) {
            for (ReportContent.OverdueComplaint c : opd.overdueComplaints()) {
                line(csv, List.of(opd.opdCode(), c.trackingNumber(), c.complaintId().toString(), c.categoryCode(), c.kecamatanCode(),
                        c.status().name(), time(c.receivedAt()), time(c.replyDueAt()), time(c.fixDueAt()),
                        c.replyOverdue() ? "ya" : "tidak", c.fixOverdue() ? "ya" : "tidak"));
            }
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** One decimal, a point; empty when there is no score. */
    static String score(Double score) {
        return score == null ? "" : String.format(Locale.ROOT, "%.1f", score);
    }

    static String statusName(ComplaintStatus status) {
        return switch (status) {
            case DISPATCHED -> "Diteruskan";
            case IN_PROGRESS -> "Diproses";
            case REOPENED -> "Dibuka kembali";
            case SUBMITTED -> "Diajukan";
            case RESOLVED -> "Diselesaikan";
            case CLOSED -> "Ditutup";
            case REJECTED -> "Ditolak";
        };
    }

    /** "Tanggapan", "Penyelesaian" or both: which clock ran out. */
    static String overdueKind(ReportContent.OverdueComplaint complaint) {
        return Stream.of(complaint.replyOverdue() ? "Tanggapan" : null, complaint.fixOverdue() ? "Penyelesaian" : null)
                .filter(s -> s != null)
                .collect(Collectors.joining(" + "));
    }

    private static String time(Instant instant) {
        return OffsetDateTime.ofInstant(instant, IndonesianDates.WIB).format(TIME);
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
