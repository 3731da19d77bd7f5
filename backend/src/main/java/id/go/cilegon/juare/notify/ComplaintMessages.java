package id.go.cilegon.juare.notify;

import id.go.cilegon.juare.graphql.Lifecycle;
import id.go.cilegon.juare.graphql.Vocabulary;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Objects;

/**
 * The WhatsApp texts about a complaint, in Bahasa Indonesia: to the resident as it moves on, and escalations to an
 * OPD head and the command centre when a reply or a fix is overdue. Times are shown in WIB (Asia/Jakarta).
 * Texts quoted from people (replies, notes) are shortened so that a message stays readable. A message that moves the
 * complaint to a status names it in the shared {@link Vocabulary}'s words, as the dashboard and the report do.
 */
public final class ComplaintMessages {

    public static final ZoneId WIB = ZoneId.of("Asia/Jakarta");
    /** Longest quoted reply, in characters; the whole reply is in the app. */
    public static final int MAX_REPLY_LENGTH = 700;
    /** Longest quoted note (resolution, rejection). */
    public static final int MAX_NOTE_LENGTH = 500;

    // the JDK's CLDR data for "id": Senin … Minggu, Jan … Des; CLDR writes times as 14.00
    private static final DateTimeFormatter DATE_TIME =
            DateTimeFormatter.ofPattern("EEEE, d MMM yyyy HH.mm 'WIB'", Locale.forLanguageTag("id-ID")).withZone(WIB);
    private static final String THANKS = "Terima kasih atas kepedulian Anda terhadap Kota Cilegon.";

    private ComplaintMessages() {
    }

    /** To the resident: the complaint went to an OPD, with the deadlines for a reply and a fix. */
    public static String dispatched(String trackingNumber, String opdName, Instant replyDueAt, Instant fixDueAt) {
        return header(trackingNumber, Lifecycle.Status.DISPATCHED)
                + "Pengaduan Anda sudah diteruskan ke " + required(opdName) + ".\n"
                + "Tanggapan paling lambat: " + wib(replyDueAt) + "\n"
                + "Target selesai: " + wib(fixDueAt) + "\n\n"
                + "Pantau perkembangannya di aplikasi Juare. Terima kasih.";
    }

    /** To the resident: the OPD's first reply, quoted (shortened to {@link #MAX_REPLY_LENGTH}). */
    public static String firstReply(String trackingNumber, String opdName, String replyText) {
        String reply = shorten(replyText, MAX_REPLY_LENGTH);
        return header(trackingNumber)
                + required(opdName) + " menanggapi pengaduan Anda" + (reply.isEmpty() ? ".\n\n" : ":\n" + quote(reply) + "\n\n")
                + "Selengkapnya di aplikasi Juare.";
    }

    /** To the resident: the OPD says it is fixed; confirm or dispute within {@code confirmWithinDays}, or it closes. */
    public static String resolved(String trackingNumber, String opdName, String note, int confirmWithinDays) {
        String shortNote = shorten(note, MAX_NOTE_LENGTH);
        return header(trackingNumber, Lifecycle.Status.RESOLVED)
                + required(opdName) + " menyatakan pengaduan Anda sudah selesai ditangani.\n"
                + (shortNote.isEmpty() ? "" : "Catatan: " + quote(shortNote) + "\n")
                + "\nMohon periksa hasilnya, lalu konfirmasi atau sampaikan keberatan di aplikasi Juare dalam "
                + confirmWithinDays + " hari. Tanpa tanggapan dari Anda, pengaduan akan ditutup otomatis.";
    }

    /** To the resident: they confirmed and it is closed; {@code rating} 1–5, or null if they gave none. */
    public static String closed(String trackingNumber, Integer rating) {
        if (rating != null && (rating < 1 || rating > 5)) {
            throw new IllegalArgumentException("rating must be 1 to 5");
        }
        String thanks = rating == null
                ? THANKS
                : "Terima kasih atas penilaian Anda (" + rating + " dari 5) dan kepedulian Anda terhadap Kota Cilegon.";
        return header(trackingNumber, Lifecycle.Status.CLOSED)
                + "Pengaduan Anda sudah ditutup. " + thanks;
    }

    /** To the resident: closed by itself, as the resident did not answer the resolution in time. */
    public static String autoClosed(String trackingNumber) {
        return header(trackingNumber, Lifecycle.Status.CLOSED)
                + "Pengaduan Anda ditutup otomatis karena tidak ada konfirmasi dalam batas waktu setelah dinyatakan selesai. "
                + "Bila masalahnya ternyata belum tuntas, silakan buat pengaduan baru di aplikasi Juare.\n\n"
                + THANKS;
    }

    /**
     * To the resident: the command centre rejected the complaint.
     *
     * @param reasonCode   SPAM, OUTSIDE_CILEGON, NOT_CITY_MATTER, INCOMPLETE, DUPLICATE or OTHER (unknown codes read as OTHER)
     * @param operatorNote the operator's explanation, or null
     */
    public static String rejected(String trackingNumber, String reasonCode, String operatorNote) {
        String note = shorten(operatorNote, MAX_NOTE_LENGTH);
        String code = reasonCode == null ? "OTHER" : reasonCode;
        return header(trackingNumber, Lifecycle.Status.REJECTED)
                + "Mohon maaf, pengaduan Anda tidak dapat kami proses" + rejectReason(code) + ".\n"
                + (note.isEmpty() ? "" : "Catatan petugas: " + quote(note) + "\n")
                + rejectAdvice(code)
                + "\nTerima kasih atas pengertian Anda.";
    }

    private static String rejectReason(String code) {
        return switch (code) {
            case "SPAM" -> " karena isinya bukan pengaduan yang dapat ditindaklanjuti";
            case "OUTSIDE_CILEGON" -> " karena lokasinya berada di luar wilayah Kota Cilegon";
            case "NOT_CITY_MATTER" -> " karena masalah ini bukan kewenangan Pemerintah Kota Cilegon";
            case "INCOMPLETE" -> " karena keterangannya belum cukup lengkap untuk ditindaklanjuti";
            case "DUPLICATE" -> " karena masalah yang sama sudah dilaporkan sebelumnya dan sedang ditangani";
            default -> "";
        };
    }

    private static String rejectAdvice(String code) {
        return switch (code) {
            case "INCOMPLETE" -> "Silakan kirim pengaduan baru dengan keterangan, lokasi, dan foto yang lebih jelas.\n";
            case "NOT_CITY_MATTER" -> "Silakan sampaikan kepada instansi yang berwenang.\n";
            default -> "";
        };
    }

    /** To the head of the OPD: the first reply is overdue. */
    public static String replyOverdueToOpdHead(String trackingNumber, String categoryName, String kecamatanName,
                                               Instant replyDueAt, Instant now) {
        return overdue(Clock.REPLY, subject(trackingNumber, categoryName, kecamatanName), replyDueAt, now, TO_OPD_HEAD);
    }

    /** To the head of the OPD: the fix is overdue. */
    public static String fixOverdueToOpdHead(String trackingNumber, String categoryName, String kecamatanName,
                                             Instant fixDueAt, Instant now) {
        return overdue(Clock.FIX, subject(trackingNumber, categoryName, kecamatanName), fixDueAt, now, TO_OPD_HEAD);
    }

    /** To the command centre: an OPD's first reply is overdue. */
    public static String replyOverdueToCommandCentre(String trackingNumber, String opdName, String categoryName,
                                                     String kecamatanName, Instant replyDueAt, Instant now) {
        return overdue(Clock.REPLY, subject(trackingNumber, categoryName, kecamatanName) + " di " + required(opdName),
                replyDueAt, now, TO_COMMAND_CENTRE);
    }

    /** To the command centre: an OPD's fix is overdue. */
    public static String fixOverdueToCommandCentre(String trackingNumber, String opdName, String categoryName,
                                                   String kecamatanName, Instant fixDueAt, Instant now) {
        return overdue(Clock.FIX, subject(trackingNumber, categoryName, kecamatanName) + " di " + required(opdName),
                fixDueAt, now, TO_COMMAND_CENTRE);
    }

    private static final String TO_OPD_HEAD = "Mohon segera ditindaklanjuti melalui dasbor Juare.";
    private static final String TO_COMMAND_CENTRE = "Mohon dipantau dan dikoordinasikan dengan OPD terkait.";

    /** The two clocks, in the words of an escalation. */
    private enum Clock {
        REPLY("Tanggapan terlambat", "belum ditanggapi", "Batas waktu tanggapan"),
        FIX("Penyelesaian terlambat", "belum selesai ditangani", "Target penyelesaian");

        final String title;
        final String state;
        final String deadline;

        Clock(String title, String state, String deadline) {
            this.title = title;
            this.state = state;
            this.deadline = deadline;
        }
    }

    private static String overdue(Clock clock, String subject, Instant dueAt, Instant now, String closing) {
        return "*Juare – " + clock.title + "*\n\n"
                + subject + " " + clock.state + ". "
                + clock.deadline + " (" + wib(dueAt) + ") sudah lewat " + overdue(dueAt, now) + ".\n\n"
                + closing;
    }

    /** A moment as people in Cilegon read it: "Senin, 30 Nov 2026 14.00 WIB". */
    public static String wib(Instant instant) {
        return DATE_TIME.format(Objects.requireNonNull(instant, "instant"));
    }

    /** How late, roughly: "45 menit", "2 jam 15 menit", "3 hari 4 jam"; under a minute "kurang dari 1 menit". */
    public static String overdueFor(Duration late) {
        long minutes = late.isNegative() ? 0 : late.toMinutes();
        if (minutes < 1) {
            return "kurang dari 1 menit";
        }
        long days = minutes / (24 * 60);
        long hours = minutes / 60 % 24;
        if (days > 0) {
            return days + " hari" + (hours > 0 ? " " + hours + " jam" : "");
        }
        long rest = minutes % 60;
        if (hours > 0) {
            return hours + " jam" + (rest > 0 ? " " + rest + " menit" : "");
        }
        return rest + " menit";
    }

    /**
     * Text from a person, tidied for a message: trimmed, at most two line breaks in a row, and if longer than
     * {@code max} characters cut (at a word if one ends near the limit, never inside a character) with "…".
     */
    public static String shorten(String text, int max) {
        if (max < 1) {
            throw new IllegalArgumentException("max must be positive");
        }
        if (text == null) {
            return "";
        }
        String tidy = text.replace("\r\n", "\n")
                .replace('\r', '\n')
                .replaceAll("[ \\t]+\\n", "\n")
                .replaceAll("\\n{3,}", "\n\n")
                .strip();
        if (tidy.codePointCount(0, tidy.length()) <= max) {
            return tidy;
        }
        int end = tidy.offsetByCodePoints(0, max - 1);
        int lastSpace = lastWhitespace(tidy, end);
        // cut at a word only if that loses little; one very long word is cut inside
        int cut = lastSpace >= end * 4 / 5 ? lastSpace : end;
        return stripTrailingPunctuation(tidy.substring(0, cut)) + "…";
    }

    private static int lastWhitespace(String text, int end) {
        for (int i = end; i > 0; i--) {
            if (Character.isWhitespace(text.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    private static String stripTrailingPunctuation(String text) {
        int end = text.length();
        while (end > 0 && (Character.isWhitespace(text.charAt(end - 1)) || ",;:-".indexOf(text.charAt(end - 1)) >= 0)) {
            end--;
        }
        return text.substring(0, end);
    }

    private static String header(String trackingNumber) {
        return "*Juare – Pengaduan " + required(trackingNumber) + "*\n\n";
    }

    /** The header with the status the complaint is now in, in the vocabulary's words. */
    private static String header(String trackingNumber, Lifecycle.Status status) {
        return "*Juare – Pengaduan " + required(trackingNumber) + "*\n" + statusLine(status) + "\n\n";
    }

    /** "Status: Diteruskan". */
    public static String statusLine(Lifecycle.Status status) {
        return "Status: " + Vocabulary.status(status);
    }

    private static String subject(String trackingNumber, String categoryName, String kecamatanName) {
        return "Pengaduan " + required(trackingNumber) + " (" + required(categoryName) + ", Kecamatan " + required(kecamatanName) + ")";
    }

    private static String quote(String text) {
        return "“" + text + "”";
    }

    private static String overdue(Instant dueAt, Instant now) {
        return overdueFor(Duration.between(dueAt, now));
    }

    private static String required(String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("a name or number for the message is missing");
        }
        return value.strip();
    }
}
