package id.go.cilegon.juare.demo.internal;

import java.util.List;
import java.util.Map;
import java.util.Random;

/** The words of the demo, in Bahasa Indonesia: people, streets of Cilegon, complaints and answers. */
final class DemoTexts {

    private DemoTexts() {
    }

    record Person(String name, boolean woman) {
    }

    static final List<Person> RESIDENTS = List.of(
            new Person("Siti Aminah", true), new Person("Ahmad Fauzi", false), new Person("Nur Hasanah", true),
            new Person("Ujang Saepudin", false), new Person("Euis Rohaeti", true), new Person("Dedi Supriyadi", false),
            new Person("Neng Yuliani", true), new Person("Tb. Hasanudin", false), new Person("Ratu Fatimah", true),
            new Person("Asep Saefullah", false), new Person("Yeni Marlina", true), new Person("Mulyadi", false),
            new Person("Lia Amalia", true), new Person("Rudi Hartono", false), new Person("Iis Solihat", true),
            new Person("Ade Irawan", false), new Person("Maya Sopiah", true), new Person("Hendra Kurniawan", false),
            new Person("Rohmah Wati", true), new Person("Jaja Sudarja", false), new Person("Tuti Alawiyah", true),
            new Person("Eko Prasetyo", false), new Person("Ani Suryani", true), new Person("Iwan Setiawan", false),
            new Person("Fitri Handayani", true), new Person("Mamat Rahmat", false), new Person("Ida Farida", true),
            new Person("Rizky Ramadhan", false), new Person("Dewi Kartika", true), new Person("Budi Santoso", false),
            new Person("Sri Mulyani Hasan", true), new Person("Dadang Suhendar", false), new Person("Ratna Juwita", true),
            new Person("Agus Firmansyah", false));

    /** Mobile prefixes of Indonesian operators (08…). */
    static final List<String> PHONE_PREFIXES = List.of("0812", "0813", "0821", "0822", "0852", "0853", "0857", "0858",
            "0877", "0878", "0896", "0838", "0819", "0881");

    /** Streets by kecamatan code. */
    static final Map<String, List<String>> STREETS = Map.of(
            "36.72.01", List.of("Jl. Lingkar Selatan", "Jl. Kubang Laban", "Jl. Raya Cibeber", "Jl. Kalitimbang", "Jl. Cikerai Raya"),
            "36.72.02", List.of("Jl. Jenderal Sudirman", "Jl. Ciwedus", "Jl. Bendungan Raya", "Jl. Ketileng", "Jl. Lingkar Selatan"),
            "36.72.03", List.of("Jl. Raya Merak", "Jl. Raya Suralaya", "Jl. Lebakgede", "Jl. Mekarsari", "Jl. Tamansari"),
            "36.72.04", List.of("Jl. Raya Anyer", "Jl. Raya Ciwandan", "Jl. Kubangsari", "Jl. Gunung Sugih", "Jl. Tegal Ratu"),
            "36.72.05", List.of("Jl. S.A. Tirtayasa", "Jl. Ki Mas Jong", "Jl. Sukmajaya", "Jl. Masigit", "Jl. Panggung Rawi"),
            "36.72.06", List.of("Jl. Raya Merak", "Jl. Gerem Raya", "Jl. Rawa Arum", "Jl. Kotasari", "Jl. Grogol Indah"),
            "36.72.07", List.of("Jl. K.H. Yasin Beji", "Jl. Kotabumi", "Jl. Pabean", "Jl. Tegal Bunder", "Jl. Kebon Dalem"),
            "36.72.08", List.of("Jl. Jenderal Sudirman", "Jl. Warnasari", "Jl. Lebak Denok", "Jl. Taman Baru", "Jl. Citangkil Raya"));

    static final List<String> FALLBACK_STREETS = List.of("Jl. Jenderal Sudirman", "Jl. S.A. Tirtayasa", "Jl. Raya Merak");

    static final List<String> LANDMARKS = List.of("SD Negeri {kelurahan} 1", "Masjid Al-Ikhlas", "Kantor Kelurahan {kelurahan}",
            "Indomaret", "pos ronda RT 03", "Puskesmas {kecamatan}", "pangkalan ojek", "Alfamart", "Mushola Nurul Huda",
            "gerbang perumahan", "warung Bu Eni", "SMP Negeri {kecamatan}", "lapangan bola {kelurahan}", "bengkel motor");

    /** Descriptions by category; {street}, {landmark}, {kelurahan} and {kecamatan} are filled in. */
    static final Map<String, List<String>> DESCRIPTIONS = Map.ofEntries(
            Map.entry("JALAN", List.of(
                    "Jalan berlubang cukup dalam di {street} dekat {landmark}. Sudah beberapa motor jatuh, apalagi kalau malam dan hujan.",
                    "Aspal di {street} mengelupas sepanjang kurang lebih 50 meter, banyak kerikil lepas. Mohon segera diperbaiki.",
                    "Ada lubang besar tertutup genangan air di {street}, Kel. {kelurahan}. Berbahaya untuk pengendara, terutama anak sekolah.",
                    "Jalan di depan {landmark} ({street}) amblas di pinggir, truk sering lewat sehingga makin parah.")),
            Map.entry("SAMPAH", List.of(
                    "Sampah menumpuk di TPS dekat {landmark} sudah tiga hari tidak diangkut, baunya menyengat sampai ke rumah warga.",
                    "Banyak orang membuang sampah sembarangan di pinggir {street}. Mohon disediakan bak sampah dan diangkut rutin.",
                    "Truk sampah tidak lewat di lingkungan kami (Kel. {kelurahan}) sejak minggu lalu, sampah rumah tangga sudah meluber.",
                    "Tumpukan sampah di bahu {street} dekat {landmark} sudah mulai menutup saluran air.")),
            Map.entry("PJU", List.of(
                    "Lampu PJU di {street} depan {landmark} mati sudah seminggu, jalan jadi gelap dan rawan begal.",
                    "Tiga tiang lampu jalan berturut-turut di {street} padam. Mohon diperbaiki sebelum ada kecelakaan.",
                    "Lampu jalan di {street}, Kel. {kelurahan}, menyala kedip-kedip lalu mati setiap malam.",
                    "Lampu penerangan di tikungan {street} dekat {landmark} mati, pengendara sering kaget ada pejalan kaki.")),
            Map.entry("DRAINASE", List.of(
                    "Saluran air di {street} tersumbat sampah dan lumpur, tiap hujan air meluap ke jalan dan masuk ke rumah warga.",
                    "Gorong-gorong depan {landmark} ambrol, air menggenang setinggi mata kaki setelah hujan.",
                    "Got di sepanjang {street} tidak mengalir dan berbau, banyak jentik nyamuk.",
                    "Setiap hujan deras {street} dekat {landmark} tergenang sampai 30 cm karena saluran terlalu kecil.")),
            Map.entry("LALIN", List.of(
                    "Parkir liar di bahu {street} dekat {landmark} bikin macet setiap sore.",
                    "Lampu lalu lintas di simpang {street} mati, kendaraan saling serobot dan hampir tabrakan.",
                    "Angkot ngetem lama di {street} depan {landmark}, menutup setengah badan jalan.",
                    "Truk besar parkir berjajar di {street} sampai malam, jalan menyempit dan gelap.")),
            Map.entry("POHON", List.of(
                    "Pohon besar di pinggir {street} condong ke jalan dan dahannya rapuh, khawatir tumbang saat angin kencang.",
                    "Dahan pohon menutupi kabel listrik di {street} dekat {landmark}, kalau hujan keluar percikan.",
                    "Ada pohon tumbang sebagian di {street}, menutup trotoar dan separuh jalan.")),
            Map.entry("PENCEMARAN", List.of(
                    "Ada bau menyengat dan asap hitam dari cerobong di sekitar {street}, warga Kel. {kelurahan} sesak napas terutama malam hari.",
                    "Air kali dekat {landmark} berubah warna kehitaman dan berbau, diduga ada pembuangan limbah.",
                    "Debu dari truk material di {street} sangat tebal, rumah warga dan jemuran kotor setiap hari.")),
            Map.entry("KETERTIBAN", List.of(
                    "PKL berjualan di trotoar {street} depan {landmark} sampai pejalan kaki harus turun ke jalan.",
                    "Ada bangunan semi permanen berdiri di atas saluran air di {street}, Kel. {kelurahan}.")),
            Map.entry("ADMINDUK", List.of(
                    "Sudah dua bulan KTP-el saya belum jadi padahal sudah rekam di Kecamatan {kecamatan}. Mohon informasinya.",
                    "Pengurusan akta kelahiran anak saya sudah tiga minggu belum selesai, setiap ditanya disuruh menunggu.")),
            Map.entry("KESEHATAN", List.of(
                    "Antrean di Puskesmas {kecamatan} sangat panjang, dokter baru datang jam 10 pagi.",
                    "Obat di Puskesmas {kecamatan} sering kosong, pasien disuruh beli sendiri di apotek.")),
            Map.entry("SOSIAL", List.of(
                    "Ada lansia hidup sendiri di Kel. {kelurahan} dekat {landmark}, kondisinya memprihatinkan dan belum menerima bantuan.")),
            Map.entry("PENDIDIKAN", List.of(
                    "Atap dua ruang kelas di {landmark} bocor, kalau hujan murid dipulangkan lebih awal.")),
            Map.entry("BENCANA", List.of(
                    "Tebing di belakang rumah warga Kel. {kelurahan} longsor sebagian setelah hujan deras semalam, dua rumah terancam.")),
            Map.entry("KEBAKARAN", List.of(
                    "Kabel listrik semrawut dan menjuntai di {street} dekat {landmark}, pernah keluar percikan api.")),
            Map.entry("PELAYANAN_ASN", List.of(
                    "Saat mengurus surat pengantar di Kantor Kelurahan {kelurahan} saya diminta uang tambahan tanpa kuitansi.")),
            Map.entry("LAINNYA", List.of(
                    "Fasilitas taman bermain dekat {landmark} rusak, ayunan patah dan besinya tajam, berbahaya untuk anak-anak.",
                    "Bak penampungan air bersih umum di Kel. {kelurahan} bocor dan airnya terbuang percuma.")));

    static final Map<String, String> TITLES = Map.ofEntries(
            Map.entry("JALAN", "Jalan berlubang di {street}"),
            Map.entry("SAMPAH", "Sampah menumpuk dekat {landmark}"),
            Map.entry("PJU", "Lampu jalan mati di {street}"),
            Map.entry("DRAINASE", "Saluran tersumbat di {street}"),
            Map.entry("LALIN", "Kemacetan di {street}"),
            Map.entry("POHON", "Pohon membahayakan di {street}"),
            Map.entry("PENCEMARAN", "Pencemaran di Kel. {kelurahan}"),
            Map.entry("KETERTIBAN", "PKL dan bangunan liar di {street}"));

    /** Texts for complaints the operators reject: not complaints, too thin, or not the city's matter. */
    static final List<String> SPAM = List.of(
            "tes tes, aplikasinya bagus juga ya",
            "Halo admin, minta nomor WA pak wali kota dong",
            "Promo pinjaman cepat cair tanpa jaminan, hubungi kami sekarang");
    static final List<String> INCOMPLETE = List.of(
            "Jalan rusak. Tolong.",
            "Ada masalah di sini, mohon dicek");
    static final List<String> NOT_CITY_MATTER = List.of(
            "Jalan tol Tangerang–Merak di KM 96 banyak lubang, mohon diperbaiki.",
            "Antrean kapal di Pelabuhan Merak sangat panjang, tiket daring sering gagal.");

    /** As ComplaintTexts in the complaint module: the message a rejection shows. */
    static final Map<String, String> REJECT_MESSAGES = Map.of(
            "SPAM", "Ditolak: bukan pengaduan (spam)",
            "NOT_CITY_MATTER", "Ditolak: bukan kewenangan Pemerintah Kota Cilegon",
            "INCOMPLETE", "Ditolak: keterangan belum lengkap, silakan kirim ulang dengan lebih jelas");

    static final Map<String, String> REJECT_NOTES = Map.of(
            "NOT_CITY_MATTER", "Kewenangan pusat/BUJT, warga diarahkan ke kanal pengaduan terkait",
            "INCOMPLETE", "Lokasi dan foto tidak jelas");

    static final List<String> DUPLICATE_DESCRIPTIONS = List.of(
            "Mau lapor juga, masalah di {street} dekat {landmark} sampai sekarang belum ditangani.",
            "Sama seperti laporan tetangga, kondisi di {street} masih sama, mohon cepat ditindak.");

    static final List<String> DISPATCH_NOTES = List.of("Prioritas, dekat sekolah", "Rawan kecelakaan, mohon segera",
            "Lokasi sesuai foto warga", "Sudah dilaporkan lebih dari satu warga");

    static final Map<String, String> REPLIES = Map.ofEntries(
            Map.entry("JALAN", "Terima kasih laporannya. Tim pemeliharaan jalan DPUPR dijadwalkan meninjau lokasi hari ini dan menambal lubang secepatnya."),
            Map.entry("DRAINASE", "Laporan diterima. Tim UPT Drainase akan menormalisasi saluran di lokasi tersebut minggu ini."),
            Map.entry("SAMPAH", "Terima kasih. Armada pengangkut sampah wilayah {kecamatan} sudah kami jadwalkan ke lokasi besok pagi."),
            Map.entry("POHON", "Tim pertamanan DLH akan memangkas dahan yang membahayakan. Mohon warga tidak parkir di bawah pohon sementara waktu."),
            Map.entry("PENCEMARAN", "Laporan diteruskan ke bidang pengawasan. Petugas akan memeriksa sumber dan perizinan usaha di sekitar lokasi."),
            Map.entry("PJU", "Laporan diterima. Teknisi PJU akan mengecek panel dan lampu di lokasi sesuai jadwal perbaikan."),
            Map.entry("LALIN", "Terima kasih. Petugas Dishub akan melakukan penertiban di lokasi pada jam sibuk."));
    static final String REPLY_FALLBACK = "Terima kasih atas laporannya, sedang kami tindak lanjuti.";
    static final String REPLY_AFTER_DISPUTE = "Mohon maaf, tim akan kembali ke lokasi untuk memperbaiki ulang.";

    static final Map<String, String> RESOLUTIONS = Map.ofEntries(
            Map.entry("JALAN", "Lubang sudah ditambal dengan aspal hotmix dan dipadatkan. Terima kasih atas laporannya."),
            Map.entry("DRAINASE", "Saluran sudah dibersihkan dari lumpur dan sampah, aliran air kembali lancar."),
            Map.entry("SAMPAH", "Sampah sudah diangkut seluruhnya dan lokasi dibersihkan. Jadwal angkut rutin: Senin, Rabu, Jumat."),
            Map.entry("POHON", "Dahan pohon sudah dipangkas dan sisa potongan sudah diangkut."),
            Map.entry("PENCEMARAN", "Sudah dilakukan pengawasan ke usaha terkait dan diberikan teguran tertulis untuk memperbaiki pengolahan limbah."),
            Map.entry("PJU", "Lampu sudah diganti dengan lampu LED baru dan menyala normal pada malam hari."),
            Map.entry("LALIN", "Sudah dilakukan penertiban parkir liar dan dipasang rambu larangan parkir."));
    static final String RESOLUTION_FALLBACK = "Sudah ditindaklanjuti oleh petugas di lapangan.";

    static final Map<String, String> TRANSFER_REASONS = Map.of(
            "SAMPAH", "Tumpukan ini puing bongkaran proyek saluran, bukan sampah rumah tangga. Mohon dialihkan ke DPUPR.",
            "POHON", "Pohon berada di ruas jalan yang sedang dilebarkan; penebangan termasuk paket proyek DPUPR.",
            "PJU", "Tiang lampu roboh karena proyek pelebaran jalan, penggantiannya termasuk pekerjaan DPUPR.",
            "LALIN", "Lokasi berada di kawasan industri milik swasta, bukan jalan kota. Mohon dikaji ulang.");

    static final Map<Integer, List<String>> COMMENTS = Map.of(
            5, List.of("Terima kasih, cepat sekali penanganannya!", "Mantap, sudah beres. Terima kasih petugas."),
            4, List.of("Sudah diperbaiki, terima kasih. Semoga awet.", "Alhamdulillah sudah ditangani."),
            3, List.of("Sudah ditangani tapi agak lama.", "Lumayan, walau hasilnya belum rapi."),
            2, List.of("Baru ditangani setelah lama, hasilnya kurang rapi.", "Terlambat, warga sudah menunggu berhari-hari."),
            1, List.of("Sangat lambat, hampir seminggu baru ditangani.", "Kecewa, harus lapor berkali-kali."));

    static final Map<String, String> DISPUTES = Map.of(
            "JALAN", "Lubangnya hanya ditutup tanah dan batu, setelah hujan semalam sudah berlubang lagi.",
            "DRAINASE", "Saluran hanya dibersihkan di depan satu rumah, ujungnya masih tersumbat.",
            "SAMPAH", "Sampah memang diangkut, tapi hari ini sudah menumpuk lagi. Mohon jadwal angkut rutin.",
            "PJU", "Lampu hanya menyala satu malam, sekarang mati lagi.",
            "LALIN", "Setelah petugas pergi, parkir liar kembali seperti semula.",
            "POHON", "Yang dipangkas hanya satu dahan, dahan besar yang condong masih ada.",
            "PENCEMARAN", "Bau dan asapnya masih ada setiap malam.");
    static final String DISPUTE_FALLBACK = "Masalahnya belum selesai, mohon dicek kembali.";

    static final List<String> OVERDUE_NOTES = List.of("Sudah dihubungi lewat telepon, OPD menjanjikan tindak lanjut hari ini.",
            "Diingatkan di grup koordinasi OPD.", "Eskalasi ke kepala bidang terkait.");

    static <T> T pick(Random random, List<T> items) {
        return items.get(random.nextInt(items.size()));
    }

    /** Fills {street}, {landmark}, {kelurahan} and {kecamatan}; the landmark may name the place too. */
    static String fill(String template, String street, String landmark, String kelurahan, String kecamatan) {
        return template
                .replace("{landmark}", landmark)
                .replace("{street}", street)
                .replace("{kelurahan}", kelurahan)
                .replace("{kecamatan}", kecamatan);
    }
}
