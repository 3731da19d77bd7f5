package id.go.cilegon.juare.report;

import static id.go.cilegon.juare.support.Api.operation;
import static org.assertj.core.api.Assertions.assertThat;

import id.go.cilegon.juare.auth.TokenService;
import id.go.cilegon.juare.overview.Seed;
import id.go.cilegon.juare.platform.PersonalDataCipher;
import id.go.cilegon.juare.support.IntegrationTest;
import id.go.cilegon.juare.support.Staff;
import id.go.cilegon.juare.graphql.Lifecycle;
import id.go.cilegon.juare.graphql.Vocabulary;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.http.HttpHeaders;

/**
 * The report of Tuesday 17 August 1965 (WIB) over a hand-written history with known answers (other tests write events
 * from 1970 on, and the complaints they leave open are in the backlog of every later day): every figure, the overdue
 * list, events after the cut-off that must not change it, equal content hash and PDF bytes when made again, the PDF's
 * text, the CSV, the files over HTTP and the API's refusals.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DailyReportTest extends IntegrationTest {

    static final LocalDate DAY = LocalDate.of(1965, 8, 17);
    static final ZoneId WIB = ZoneId.of("Asia/Jakarta");
    /** 00:00 WIB of the day, and the cut-off: 00:00 WIB of the next. */
    static final Instant F = DAY.atStartOfDay(WIB).toInstant();
    static final Instant T = DAY.plusDays(1).atStartOfDay(WIB).toInstant();

    @Autowired PersonalDataCipher cipher;
    @Autowired TokenService tokens;
    @Autowired Clock clock;

    private String admin;
    private String mayor;
    private Timeline timeline;
    private Timeline.Complaint c1;
    private Timeline.Complaint c3;
    private Timeline.Complaint c5;
    private Timeline.Complaint c8;
    private Timeline.Complaint c12;

    private static Instant h(Instant from, double hours) {
        return from.plus(Duration.ofMinutes(Math.round(hours * 60)));
    }

    @BeforeAll
    void writeHistory() {
        admin = new Staff(api()).adminToken();
        mayor = Seed.staffToken(db, tokens, "MAYOR", null);
        Seed seed = Seed.with(db, cipher);
        timeline = new Timeline(db, seed);
        // C1: DPUPR since 5 days, never answered: open, reply and fix clocks run out
        c1 = timeline.filed(h(F, -120)).dispatched("DPUPR", h(F, -119));
        // C2: filed and dispatched during the day, answered: open, on time
        timeline.filed(h(F, 2)).dispatched("DPUPR", h(F, 3)).replied(h(F, 5));
        // C3: resolved during the day (handled); the resident confirms after the cut-off
        c3 = timeline.filed(h(F, -24)).dispatched("DPUPR", h(F, -23)).replied(h(F, -20)).resolved(h(F, 10));
        // C4: DLH asked for a transfer 3 days ago, the operators have not decided: open, not overdue
        timeline.filed(h(F, -96)).dispatched("DLH", h(F, -96)).transferRequested(h(F, -72));
        // C5: filed during the day, not dispatched by the cut-off (dispatched after it)
        c5 = timeline.filed(h(F, 1));
        // C6: reopened 2 days ago: the dispute's new fix clock (72 h) has not run out, the first one long has
        timeline.filed(h(F, -240)).dispatched("DLH", h(F, -240)).replied(h(F, -239)).resolved(h(F, -200)).disputed(h(F, -47));
        // C7: rerouted from DPUPR to DLH during the day: DLH received it
        timeline.filed(h(F, -144)).dispatched("DPUPR", h(F, -143)).rerouted("DLH", h(F, 4));
        // C8: DPUPR, no answer, both clocks out at the cut-off (answered and resolved only after it)
        c8 = timeline.filed(h(F, -73)).dispatched("DPUPR", h(F, -72));
        // C9: resolved the day before, confirmed during the day (handled)
        timeline.filed(h(F, -72)).dispatched("DPUPR", h(F, -71)).replied(h(F, -70)).resolved(h(F, -24)).confirmed(h(F, 6));
        // C10: filed exactly at the cut-off: the next day's
        timeline.filed(T);
        // C11: filed exactly at the day's start, rejected: counted as filed, not awaiting dispatch
        timeline.filed(F).rejected(h(F, 1));
        // C12: DLH resolved it 2 days before (closed at the cut-off); the resident disputes it after the cut-off
        c12 = timeline.filed(h(F, -100)).dispatched("DLH", h(F, -99)).replied(h(F, -98)).resolved(h(F, -50));
        // C13: a complaint row with an OPD but no event at all (as load-test data writes them): in no figure
        seed.complaint().filedAt(h(F, -10)).status("DISPATCHED").opd("DPUPR").insert();
    }

    /** Events after the cut-off: none may change the report. */
    private void laterEvents() {
        c3.confirmed(h(T, 1));
        c5.dispatched("DLH", h(T, 2));
        c8.replied(h(T, 0.2)).resolved(h(T, 0.5));
        c1.rerouted("DLH", h(T, 3));
        c12.disputed(h(T, 1));
        timeline.filed(h(T, 0.1)).dispatched("DPUPR", h(T, 0.2)).resolved(h(T, 5));
    }

    private GraphQlTester.Response regenerate(String token, String day) {
        return operation(api().as(token), "RegenerateDailyReport")
                .variable("input", Map.of("day", day))
                .execute();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> opd(Map<String, Object> report, String code) {
        return ((List<Map<String, Object>>) report.get("opds")).stream()
                .filter(o -> code.equals(((Map<String, Object>) o.get("opd")).get("code")))
                .findFirst()
                .orElseThrow();
    }

    private static Map<String, Object> figures(int received, int handled, int notHandled, int overdue) {
        return Map.of("received", received, "handled", handled, "notHandled", notHandled, "overdue", overdue);
    }

    private byte[] download(String token, String path) {
        return api().http().get().uri(path)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.CONTENT_DISPOSITION,
                        "attachment; filename=\"laporan-harian-" + path.substring(path.lastIndexOf('/') + 1) + "\"")
                .expectBody(byte[].class)
                .returnResult()
                .getResponseBody();
    }

    @Test
    @SuppressWarnings("unchecked")
    void figuresAsOfTheCutOffStayTheSameWhenMadeAgainAfterLaterEvents() throws Exception {
        GraphQlTester.Response first = regenerate(admin, DAY.toString());
        first.path("regenerateDailyReport.errors").entityList(Object.class).hasSize(0);
        Map<String, Object> report = first.path("regenerateDailyReport.report").entity(Map.class).get();

        assertThat(report.get("day")).isEqualTo("1965-08-17");
        assertThat(report.get("asOf")).isEqualTo("1965-08-17T17:00:00Z");
        assertThat(report.get("trigger")).isEqualTo("REGENERATED");
        assertThat(report.get("generatedBy")).isEqualTo(Staff.ADMIN_USERNAME);
        // filed: C2, C5, C11; handled: C3, C9; open with an OPD: C1, C2, C8, C4, C6, C7; overdue: C1, C8; waiting: C5
        assertThat(report.get("totals")).isEqualTo(figures(3, 2, 6, 2));
        assertThat(report.get("awaitingDispatch")).isEqualTo(1);
        Map<String, Object> dpupr = opd(report, "DPUPR");
        assertThat(dpupr.get("figures")).isEqualTo(figures(1, 2, 3, 2));
        List<Map<String, Object>> overdue = (List<Map<String, Object>>) dpupr.get("overdueComplaints");
        // most overdue first: C1's reply clock ran out 4 days before the cut-off, C8's 2 days
        assertThat(overdue).extracting(o -> o.get("trackingNumber")).containsExactly(c1.trackingNumber(), c8.trackingNumber());
        assertThat(overdue.getFirst()).containsEntry("complaintId", c1.id().toString())
                .containsEntry("status", "DISPATCHED")
                .containsEntry("categoryCode", "JALAN")
                .containsEntry("kecamatanCode", "36.72.02")
                .containsEntry("receivedAt", h(F, -119).toString())
                .containsEntry("replyDueAt", h(F, -95).toString())
                .containsEntry("fixDueAt", h(F, -47).toString())
                .containsEntry("replyOverdue", true)
                .containsEntry("fixOverdue", true);
        assertThat(overdue.get(1)).containsEntry("fixDueAt", F.toString()).containsEntry("fixOverdue", true)
                .containsEntry("replyOverdue", true);
        // DLH: received C7 (C5 came after the cut-off); open C4 (transfer pending), C6 (new fix clock), C7
        Map<String, Object> dlh = opd(report, "DLH");
        assertThat(dlh.get("figures")).isEqualTo(figures(1, 0, 3, 0));
        assertThat((List<?>) dlh.get("overdueComplaints")).isEmpty();
        assertThat(((Map<String, Object>) dpupr.get("opd")).get("name")).isEqualTo("Dinas Pekerjaan Umum dan Penataan Ruang");

        String hash = (String) report.get("contentHash");
        byte[] pdf = download(mayor, (String) report.get("pdfPath"));
        byte[] opdCsv = download(mayor, (String) report.get("opdCsvPath"));
        byte[] overdueCsv = download(mayor, (String) report.get("overdueCsvPath"));
        assertThat(pdf).hasSize((Integer) report.get("pdfBytes"));

        laterEvents();
        Map<String, Object> again = regenerate(admin, DAY.toString()).path("regenerateDailyReport.report").entity(Map.class).get();
        assertThat(again.get("id")).isEqualTo(report.get("id"));
        assertThat(again.get("contentHash")).isEqualTo(hash);
        assertThat(again.get("totals")).isEqualTo(report.get("totals"));
        assertThat(again.get("opds")).isEqualTo(report.get("opds"));
        assertThat(Instant.parse((String) again.get("generatedAt"))).isAfterOrEqualTo(Instant.parse((String) report.get("generatedAt")));
        assertThat(download(mayor, (String) again.get("pdfPath"))).isEqualTo(pdf);
        assertThat(download(mayor, (String) again.get("opdCsvPath"))).isEqualTo(opdCsv);
        assertThat(download(mayor, (String) again.get("overdueCsvPath"))).isEqualTo(overdueCsv);

        // the stored report reads the same through the queries
        Map<String, Object> stored = operation(api().as(mayor), "DailyReport").variable("day", "1965-08-17").execute()
                .path("dailyReport").entity(Map.class).get();
        assertThat(stored.get("contentHash")).isEqualTo(hash);
        assertThat(stored.get("opds")).isEqualTo(report.get("opds"));
        List<Map<String, Object>> page = operation(api().as(mayor), "DailyReports").variable("first", 100).execute()
                .path("dailyReports.edges[*].node").entityList(Map.class).get().stream().map(m -> (Map<String, Object>) m).toList();
        assertThat(page).extracting(n -> n.get("day")).contains("1965-08-17");
        assertThat(page).extracting(n -> (String) n.get("day")).isSortedAccordingTo(java.util.Comparator.reverseOrder());

        pdfSaysIt(pdf, hash);
        csvSaysIt(opdCsv, overdueCsv);
    }

    private void pdfSaysIt(byte[] pdf, String hash) throws Exception {
        assertThat(new String(pdf, 0, 8, StandardCharsets.ISO_8859_1)).startsWith("%PDF-");
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            int pages = document.getNumberOfPages();
            assertThat(document.getPage(0).getMediaBox().getWidth()).isCloseTo(595.0f, org.assertj.core.data.Offset.offset(1f));
            assertThat(text).contains("PEMERINTAH KOTA CILEGON")
                    .contains("Juare \u2014 Laporan Harian Pengaduan")
                    .contains("Selasa, 17 Agustus 1965")
                    .contains("18 Agustus 1965 00.00 WIB")
                    .contains("Dinas Pekerjaan Umum dan Penataan Ruang (DPUPR)")
                    .contains("Dinas Lingkungan Hidup (DLH)")
                    .contains("Pengaduan diterima").contains("Menunggu diteruskan")
                    .contains(c1.trackingNumber()).contains(c8.trackingNumber())
                    .contains("Tanggapan + Penyelesaian")
                    .contains("sidik konten " + hash.substring(0, 12))
                    .contains("Halaman 1 dari " + pages);
            assertThat(document.getDocumentInformation().getCreationDate().toInstant()).isEqualTo(T);
        }
    }

    /** One table per file, each UTF-8 with a BOM and one header, parsed back; decimals with a comma; statuses in the vocabulary's words. */
    private void csvSaysIt(byte[] opdCsv, byte[] overdueCsv) {
        List<String[]> opds = parseCsv(opdCsv);
        assertThat(opds.getFirst()).containsExactly("tanggal", "kode_opd", "nama_opd", "peringkat", "skor", "masuk", "ditangani",
                "belum_ditangani", "terlambat", "menunggu_disposisi", "skor_bawah", "skor_atas", "sedikit_pengaduan");
        assertThat(opds.subList(1, opds.size())).as("one header").noneMatch(r -> r[0].equals("tanggal"))
                .allMatch(r -> r.length == 13, "13 fields a row");
        String[] dpupr = opds.stream().filter(r -> r[1].equals("DPUPR")).findFirst().orElseThrow();
        assertThat(dpupr).containsSequence("1965-08-17", "DPUPR", "Dinas Pekerjaan Umum dan Penataan Ruang");
        assertThat(Arrays.copyOfRange(dpupr, 5, 9)).containsExactly("1", "2", "3", "2");
        assertThat(opds.stream().skip(1).map(r -> r[4]).filter(s -> !s.isEmpty())).as("scores with a decimal comma").isNotEmpty().allMatch(s -> s.matches("\\d+,\\d"));
        String[] city = opds.getLast();
        assertThat(city).containsExactly("1965-08-17", "KOTA", "Kota Cilegon", "", "", "3", "2", "6", "2", "1", "", "", "");

        List<String[]> late = parseCsv(overdueCsv);
        assertThat(late.getFirst()).containsExactly("kode_opd", "nomor_pelacakan", "id_pengaduan", "kategori", "kecamatan",
                "status", "diterima_opd", "batas_tanggapan", "batas_selesai", "tanggapan_terlambat", "penyelesaian_terlambat");
        assertThat(late.subList(1, late.size())).extracting(r -> r[1]).containsExactly(c1.trackingNumber(), c8.trackingNumber());
        assertThat(late.get(1)).containsSequence("DPUPR", c1.trackingNumber(), c1.id().toString(), "JALAN", "36.72.02",
                Vocabulary.status(Lifecycle.Status.DISPATCHED), "1965-08-12 01:00", "1965-08-13 01:00", "1965-08-15 01:00");
        assertThat(late.get(1)[9]).isEqualTo("ya");
    }

    /** A file of ours: the BOM, then CRLF-ended rows of ';'-separated fields (none of these needs quotes). */
    private static List<String[]> parseCsv(byte[] file) {
        assertThat(Arrays.copyOf(file, 3)).as("UTF-8 byte order mark").containsExactly(0xEF, 0xBB, 0xBF);
        String text = new String(file, 3, file.length - 3, StandardCharsets.UTF_8);
        assertThat(text).endsWith("\r\n").doesNotContain("\r\n\r\n");
        return Arrays.stream(text.split("\r\n")).map(line -> line.split(";", -1)).toList();
    }

    @Test
    void filesNeedTheMayorAnOperatorOrAnAdmin() {
        regenerate(admin, "2017-08-16").path("regenerateDailyReport.errors").entityList(Object.class).hasSize(0);
        String path = "/api/reports/2017-08-16.pdf";
        api().http().get().uri(path).exchange().expectStatus().isUnauthorized();
        for (String token : List.of(Seed.staffToken(db, tokens, "OPD_RESPONDER", "DPUPR"), Seed.staffToken(db, tokens, "OPD_HEAD", "DPUPR"),
                Seed.residentToken(db, tokens))) {
            api().http().get().uri(path).header(HttpHeaders.AUTHORIZATION, "Bearer " + token).exchange()
                    .expectStatus().isForbidden();
        }
        for (String role : List.of("MAYOR", "OPERATOR", "ADMIN")) {
            api().http().get().uri(path).header(HttpHeaders.AUTHORIZATION, "Bearer " + Seed.staffToken(db, tokens, role, null)).exchange()
                    .expectStatus().isOk()
                    .expectHeader().contentType("application/pdf");
        }
        for (String table : List.of("opd", "terlambat")) {
            api().http().get().uri("/api/reports/2017-08-16-" + table + ".csv").header(HttpHeaders.AUTHORIZATION, "Bearer " + mayor).exchange()
                    .expectStatus().isOk()
                    .expectHeader().contentType("text/csv;charset=UTF-8")
                    .expectHeader().valueEquals(HttpHeaders.CONTENT_DISPOSITION,
                            "attachment; filename=\"laporan-harian-2017-08-16-" + table + ".csv\"");
        }
        // the two tables are two files now: the old one-file name is no file
        api().http().get().uri("/api/reports/2017-08-16.csv").header(HttpHeaders.AUTHORIZATION, "Bearer " + mayor).exchange()
                .expectStatus().isNotFound();
        api().http().get().uri("/api/reports/1999-01-01.pdf").header(HttpHeaders.AUTHORIZATION, "Bearer " + mayor).exchange()
                .expectStatus().isNotFound();
        api().http().get().uri("/api/reports/laporan.exe").header(HttpHeaders.AUTHORIZATION, "Bearer " + mayor).exchange()
                .expectStatus().isNotFound();
    }

    @Test
    @SuppressWarnings("unchecked")
    void onlyAPastDayCanBeMadeAgain() {
        LocalDate today = LocalDate.ofInstant(clock.instant(), WIB);
        for (String bad : List.of("17-08-2017", "2017-02-30", "", today.toString(), today.plusDays(3).toString())) {
            GraphQlTester.Response response = regenerate(admin, bad);
            response.path("regenerateDailyReport.report").valueIsNull();
            response.path("regenerateDailyReport.errors[0].code").entity(String.class).isEqualTo("INVALID_INPUT");
            response.path("regenerateDailyReport.errors[0].field").entity(String.class).isEqualTo("day");
        }
        // before the city's data starts: an empty report
        Map<String, Object> empty = regenerate(admin, "1950-01-01").path("regenerateDailyReport.report").entity(Map.class).get();
        assertThat(empty.get("totals")).isEqualTo(figures(0, 0, 0, 0));
        assertThat(empty.get("awaitingDispatch")).isEqualTo(0);
        assertThat((List<Map<String, Object>>) empty.get("opds")).allSatisfy(o -> assertThat(o.get("figures")).isEqualTo(figures(0, 0, 0, 0)));
        operation(api().as(mayor), "DailyReport").variable("day", "1950-01-02").execute().path("dailyReport").valueIsNull();
        operation(api().as(mayor), "DailyReport").variable("day", "bukan tanggal").execute()
                .errors().satisfy(errors -> assertThat(errors).extracting(e -> e.getExtensions().get("code")).containsExactly("INVALID_INPUT"));
    }
}
