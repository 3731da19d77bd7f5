package id.go.cilegon.juare.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ReplyRuleTest {

    private static final int MIN = ReplyRule.DEFAULT_MIN_CHARACTERS;

    @Test
    void tooShortCountsLettersAndDigitsOnly() {
        assertThat(ReplyRule.tooShort("ok", MIN)).isTrue();
        assertThat(ReplyRule.tooShort("siap . . . . . . . . . . . . .", MIN)).isTrue();
        assertThat(ReplyRule.tooShort("Baik, segera kami cek", MIN)).isFalse();
        assertThat(ReplyRule.meaningfulCharacters("Jl. Merdeka 12!")).isEqualTo(11);
        assertThat(ReplyRule.meaningfulCharacters(null)).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "okokokokokokokok",
            "OK OK OK OK OK OK OK OK",
            "sudah sudah sudah sudah",
            "Siap, siap, siap, siap!!!",
            "ok siap ok siap ok siap ok siap",
            "hahahahahahahahahaha",
            "JUA-2026-000123 ok",
            "123456789012345678",
            "o k o k o k o k o k o k o k o k",
            "sudahsudahsudahsudah",
            "baik baik baik baik baik baik ok"})
    void repeatedTokensAndPatternsAreRepetitive(String reply) {
        assertThat(ReplyRule.repetitive(reply, MIN)).as(reply).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Laporan sedang kami proses",
            "Petugas kami akan datang besok pagi ke lokasi",
            "Sudah kami cek, sudah kami perbaiki, terima kasih",
            "Kakak, lampu jalan sudah kami ganti",
            "Hati-hati, jalan sedang diperbaiki sampai Jumat",
            "Terima kasih, tim kebersihan menuju lokasi"})
    void realRepliesAreNot(String reply) {
        assertThat(ReplyRule.repetitive(reply, MIN)).as(reply).isFalse();
    }

    @Test
    void normalisedDropsCaseSpacingPunctuationAndDigits() {
        assertThat(ReplyRule.normalised("  Laporan  JUA-2026-000123 sedang   DIPROSES, terima kasih! "))
                .isEqualTo("laporan jua sedang diproses terima kasih");
        assertThat(ReplyRule.normalised("12.345 ...")).isEmpty();
    }

    @Test
    void sameBoilerplateHasOneFingerprint() {
        String a = ReplyRule.fingerprint("Laporan JUA-2026-000123 sedang kami proses. Terima kasih.");
        String b = ReplyRule.fingerprint("laporan jua-2026-000987 SEDANG kami proses terima kasih");
        String c = ReplyRule.fingerprint("Laporan sedang kami proses, petugas datang besok.");
        assertThat(a).isEqualTo(b).hasSize(32).isNotEqualTo(c);
    }

    @Test
    void unitNeedsThreeRepeats() {
        assertThat(ReplyRule.unit("okokok")).isEqualTo("ok");
        assertThat(ReplyRule.unit("okokoko")).isEqualTo("ok");
        assertThat(ReplyRule.unit("kakak")).isEqualTo("kakak");
        assertThat(ReplyRule.unit("sudah")).isEqualTo("sudah");
        assertThat(ReplyRule.unit("aaa")).isEqualTo("a");
    }
}
