package id.go.cilegon.juare.complaint.internal;

/** Short texts for the timeline, in Bahasa Indonesia. */
final class ComplaintTexts {

    private ComplaintTexts() {
    }

    static String rejectReason(String reason) {
        return switch (reason) {
            case "SPAM" -> "Ditolak: bukan pengaduan (spam)";
            case "OUTSIDE_CILEGON" -> "Ditolak: lokasi di luar Kota Cilegon";
            case "NOT_CITY_MATTER" -> "Ditolak: bukan kewenangan Pemerintah Kota Cilegon";
            case "INCOMPLETE" -> "Ditolak: keterangan belum lengkap, silakan kirim ulang dengan lebih jelas";
            case "DUPLICATE" -> "Ditolak: sudah dilaporkan sebelumnya";
            default -> "Ditolak";
        };
    }
}
