package id.go.cilegon.juare.resident.internal;

/** WhatsApp texts about the resident's account, Bahasa Indonesia first. Numbers appear only masked. */
final class ResidentTexts {

    private static final String NOT_YOU = " Bukan Anda? Segera hubungi layanan pengaduan Kota Cilegon / Not you? Contact the Cilegon complaint service at once.";

    private ResidentTexts() {
    }

    static String changedToOld(String newMasked) {
        return "Juare: nomor WhatsApp akun Anda telah diganti ke " + newMasked + ". Pemberitahuan berikutnya dikirim ke nomor itu."
                + " / Your account's WhatsApp number was changed to " + newMasked + "." + NOT_YOU;
    }

    static String changedToNew() {
        return "Juare: nomor ini sekarang menjadi nomor WhatsApp akun Anda. / This is now your account's WhatsApp number.";
    }

    static String requested(boolean photo) {
        return "Juare: permintaan ganti nomor diterima dan menunggu pemeriksaan petugas. "
                + (photo ? "Kirim foto KTP Anda di aplikasi." : "Tunjukkan KTP Anda di kantor kelurahan.")
                + " / Your number change request is waiting for an operator's check. "
                + (photo ? "Send the photo of your KTP in the app." : "Show your KTP at the kelurahan office.");
    }

    static String requestedToOld(String newMasked) {
        return "Juare: ada permintaan mengganti nomor WhatsApp akun Anda ke " + newMasked + "; petugas akan memeriksa KTP."
                + " / Someone asked to change your account's WhatsApp number to " + newMasked + "; an operator will check the KTP." + NOT_YOU;
    }

    static String approved(String newMasked) {
        return "Juare: permintaan ganti nomor disetujui. Nomor WhatsApp akun Anda sekarang " + newMasked + "; silakan masuk dengan nomor ini."
                + " / Your number change was approved. Your account's number is now " + newMasked + "; sign in with it.";
    }

    static String rejected(String reason) {
        return "Juare: permintaan ganti nomor ditolak. Alasan: " + reason + " / Your number change request was rejected. Reason: " + reason;
    }
}
