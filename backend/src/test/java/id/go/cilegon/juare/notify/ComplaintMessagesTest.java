package id.go.cilegon.juare.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The Indonesian texts: times in WIB with Indonesian names, each rejection reason, shortened quotes. */
class ComplaintMessagesTest {

    private static final String TRACKING = "K7M-3QXR";
    private static final String OPD = "Dinas Pekerjaan Umum dan Penataan Ruang";
    /** Monday 30 November 2026, 14.00 WIB. */
    private static final Instant MONDAY_2PM_WIB = Instant.parse("2026-11-30T07:00:00Z");

    @Test
    void timesAreInWibWithIndonesianNames() {
        assertThat(ComplaintMessages.wib(MONDAY_2PM_WIB)).isEqualTo("Senin, 30 Nov 2026 14.00 WIB");
    }

    @Test
    void anEveningInUtcIsAlreadyTheNextDayInCilegon() {
        // 17.30 UTC on Monday 30 November is 00.30 WIB on Tuesday 1 December
        assertThat(ComplaintMessages.wib(Instant.parse("2026-11-30T17:30:00Z"))).isEqualTo("Selasa, 1 Des 2026 00.30 WIB");
        assertThat(ComplaintMessages.wib(Instant.parse("2026-12-31T16:59:00Z"))).isEqualTo("Kamis, 31 Des 2026 23.59 WIB");
        assertThat(ComplaintMessages.wib(Instant.parse("2026-12-31T17:00:00Z"))).isEqualTo("Jumat, 1 Jan 2027 00.00 WIB");
    }

    @Test
    void everyDayAndMonthHasItsIndonesianName() {
        List<String> days = IntStream.range(0, 7)
                .mapToObj(i -> ComplaintMessages.wib(MONDAY_2PM_WIB.plus(i, ChronoUnit.DAYS)))
                .map(text -> text.substring(0, text.indexOf(',')))
                .toList();
        assertThat(days).containsExactly("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu");

        List<String> months = IntStream.rangeClosed(1, 12)
                .mapToObj(month -> ComplaintMessages.wib(Instant.parse(String.format("2026-%02d-15T05:00:00Z", month))))
                .map(text -> text.split(" ")[2])
                .toList();
        assertThat(months).containsExactly("Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des");
    }

    @Test
    void dispatchNamesTheOpdAndBothDeadlines() {
        String text = ComplaintMessages.dispatched(TRACKING, OPD, MONDAY_2PM_WIB, MONDAY_2PM_WIB.plus(3, ChronoUnit.DAYS));

        assertThat(text)
                .startsWith("*Juare – Pengaduan K7M-3QXR*")
                .contains("diteruskan ke " + OPD + ".")
                .contains("Tanggapan paling lambat: Senin, 30 Nov 2026 14.00 WIB")
                .contains("Target selesai: Kamis, 3 Des 2026 14.00 WIB");
    }

    @Test
    void theFirstReplyIsQuotedAndALongOneShortened() {
        assertThat(ComplaintMessages.firstReply(TRACKING, OPD, "  Tim kami akan meninjau lokasi besok pagi.  \n"))
                .contains(OPD + " menanggapi pengaduan Anda:\n“Tim kami akan meninjau lokasi besok pagi.”");

        String longReply = "Terima kasih atas laporannya. ".repeat(100);
        String text = ComplaintMessages.firstReply(TRACKING, OPD, longReply);
        String quoted = text.substring(text.indexOf('“') + 1, text.indexOf('”'));
        assertThat(quoted).endsWith("…").startsWith("Terima kasih atas laporannya.");
        assertThat(quoted.length()).isLessThanOrEqualTo(ComplaintMessages.MAX_REPLY_LENGTH);
        assertThat(quoted.length()).isGreaterThan(ComplaintMessages.MAX_REPLY_LENGTH * 4 / 5);
    }

    @Test
    void shorteningCutsAtAWordAndNeverInsideACharacter() {
        assertThat(ComplaintMessages.shorten("jalan berlubang besar sekali", 20)).isEqualTo("jalan berlubang…");
        assertThat(ComplaintMessages.shorten("a".repeat(30), 10)).isEqualTo("a".repeat(9) + "…");
        assertThat(ComplaintMessages.shorten("pendek", 10)).isEqualTo("pendek");
        assertThat(ComplaintMessages.shorten(null, 10)).isEmpty();
        assertThat(ComplaintMessages.shorten("satu\r\n\r\n\r\n\r\ndua  \n", 100)).isEqualTo("satu\n\ndua");

        String emoji = "🙏".repeat(20);
        String shortened = ComplaintMessages.shorten(emoji, 10);
        assertThat(shortened).isEqualTo("🙏".repeat(9) + "…");
        assertThat(new String(shortened.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8)).isEqualTo(shortened);
    }

    @Test
    void resolutionAsksToConfirmOrDisputeWithinTheDays() {
        String text = ComplaintMessages.resolved(TRACKING, OPD, "Lubang sudah ditambal.", 3);

        assertThat(text)
                .contains(OPD + " menyatakan pengaduan Anda sudah selesai ditangani.")
                .contains("Catatan: “Lubang sudah ditambal.”")
                .contains("konfirmasi atau sampaikan keberatan di aplikasi Juare dalam 3 hari")
                .contains("ditutup otomatis");
        assertThat(ComplaintMessages.resolved(TRACKING, OPD, null, 3)).doesNotContain("Catatan");
    }

    @Test
    void closureThanksWithTheRatingIfGiven() {
        assertThat(ComplaintMessages.closed(TRACKING, 4))
                .contains("Pengaduan Anda sudah ditutup.")
                .contains("penilaian Anda (4 dari 5)");
        assertThat(ComplaintMessages.closed(TRACKING, null))
                .contains("Pengaduan Anda sudah ditutup.")
                .contains("Terima kasih")
                .doesNotContain("dari 5");
        assertThatThrownBy(() -> ComplaintMessages.closed(TRACKING, 6)).isInstanceOf(IllegalArgumentException.class);
        assertThat(ComplaintMessages.autoClosed(TRACKING))
                .contains("ditutup otomatis karena tidak ada konfirmasi")
                .contains("pengaduan baru");
    }

    @Test
    void eachRejectReasonIsSaidInWords() {
        assertThat(ComplaintMessages.rejected(TRACKING, "SPAM", null)).contains("bukan pengaduan yang dapat ditindaklanjuti");
        assertThat(ComplaintMessages.rejected(TRACKING, "OUTSIDE_CILEGON", null)).contains("di luar wilayah Kota Cilegon");
        assertThat(ComplaintMessages.rejected(TRACKING, "NOT_CITY_MATTER", null))
                .contains("bukan kewenangan Pemerintah Kota Cilegon")
                .contains("instansi yang berwenang");
        assertThat(ComplaintMessages.rejected(TRACKING, "INCOMPLETE", null))
                .contains("belum cukup lengkap")
                .contains("pengaduan baru dengan keterangan, lokasi, dan foto yang lebih jelas");
        assertThat(ComplaintMessages.rejected(TRACKING, "DUPLICATE", null)).contains("sudah dilaporkan sebelumnya");
        assertThat(ComplaintMessages.rejected(TRACKING, "OTHER", null))
                .contains("Mohon maaf, pengaduan Anda tidak dapat kami proses.");

        Set<String> texts = new HashSet<>();
        for (String code : List.of("SPAM", "OUTSIDE_CILEGON", "NOT_CITY_MATTER", "INCOMPLETE", "DUPLICATE", "OTHER")) {
            String text = ComplaintMessages.rejected(TRACKING, code, null);
            assertThat(text).startsWith("*Juare – Pengaduan K7M-3QXR*").doesNotContain(code).doesNotContain("Catatan petugas");
            texts.add(text);
        }
        assertThat(texts).hasSize(6);
        assertThat(ComplaintMessages.rejected(TRACKING, "SOMETHING_NEW", null))
                .isEqualTo(ComplaintMessages.rejected(TRACKING, "OTHER", null));
    }

    @Test
    void aRejectionCarriesTheOperatorsNote() {
        assertThat(ComplaintMessages.rejected(TRACKING, "DUPLICATE", "Sama dengan pengaduan ABC-2345."))
                .contains("Catatan petugas: “Sama dengan pengaduan ABC-2345.”");
        assertThat(ComplaintMessages.rejected(TRACKING, "OTHER", "   ")).doesNotContain("Catatan petugas");
    }

    @Test
    void escalationsSayWhatWhereAndHowLate() {
        Instant due = MONDAY_2PM_WIB;
        String toHead = ComplaintMessages.replyOverdueToOpdHead(TRACKING, "Jalan rusak atau berlubang", "Cibeber",
                due, due.plus(Duration.ofMinutes(135)));
        assertThat(toHead)
                .contains("Tanggapan terlambat")
                .contains("Pengaduan K7M-3QXR (Jalan rusak atau berlubang, Kecamatan Cibeber) belum ditanggapi.")
                .contains("Batas waktu tanggapan (Senin, 30 Nov 2026 14.00 WIB) sudah lewat 2 jam 15 menit.");

        String fixToHead = ComplaintMessages.fixOverdueToOpdHead(TRACKING, "Sampah menumpuk", "Jombang",
                due, due.plus(Duration.ofHours(28)));
        assertThat(fixToHead)
                .contains("Penyelesaian terlambat")
                .contains("belum selesai ditangani")
                .contains("sudah lewat 1 hari 4 jam.");

        String toCentre = ComplaintMessages.replyOverdueToCommandCentre(TRACKING, OPD, "Jalan rusak atau berlubang", "Cibeber",
                due, due.plus(Duration.ofMinutes(45)));
        assertThat(toCentre)
                .contains("Kecamatan Cibeber) di " + OPD + " belum ditanggapi.")
                .contains("sudah lewat 45 menit.")
                .contains("dikoordinasikan dengan OPD terkait");

        String fixToCentre = ComplaintMessages.fixOverdueToCommandCentre(TRACKING, OPD, "Sampah menumpuk", "Jombang",
                due, due.plus(Duration.ofDays(3)));
        assertThat(fixToCentre)
                .contains("di " + OPD + " belum selesai ditangani.")
                .contains("sudah lewat 3 hari.");
    }

    @Test
    void overdueDurationsReadNaturally() {
        assertThat(ComplaintMessages.overdueFor(Duration.ofSeconds(20))).isEqualTo("kurang dari 1 menit");
        assertThat(ComplaintMessages.overdueFor(Duration.ofMinutes(-5))).isEqualTo("kurang dari 1 menit");
        assertThat(ComplaintMessages.overdueFor(Duration.ofMinutes(1))).isEqualTo("1 menit");
        assertThat(ComplaintMessages.overdueFor(Duration.ofHours(2))).isEqualTo("2 jam");
        assertThat(ComplaintMessages.overdueFor(Duration.ofHours(2).plusMinutes(5))).isEqualTo("2 jam 5 menit");
        assertThat(ComplaintMessages.overdueFor(Duration.ofDays(2).plusMinutes(59))).isEqualTo("2 hari");
    }

    @Test
    void evenWithLongInputsEveryMessageFitsWhatsApp() {
        String longText = "x ".repeat(5000);
        String longName = "Dinas " + "Nama Panjang ".repeat(10);
        List<String> texts = List.of(
                ComplaintMessages.dispatched(TRACKING, longName, MONDAY_2PM_WIB, MONDAY_2PM_WIB),
                ComplaintMessages.firstReply(TRACKING, longName, longText),
                ComplaintMessages.resolved(TRACKING, longName, longText, 7),
                ComplaintMessages.rejected(TRACKING, "INCOMPLETE", longText));
        assertThat(texts).allSatisfy(text -> assertThat(text.length()).isLessThanOrEqualTo(NotificationOutbox.MAX_BODY_LENGTH));
    }

    @Test
    void missingNamesAreAProgrammingError() {
        assertThatThrownBy(() -> ComplaintMessages.dispatched(TRACKING, null, MONDAY_2PM_WIB, MONDAY_2PM_WIB))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ComplaintMessages.dispatched(TRACKING, OPD, null, MONDAY_2PM_WIB))
                .isInstanceOf(NullPointerException.class);
    }
}
