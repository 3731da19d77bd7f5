package id.go.cilegon.juare.support;

import java.util.concurrent.ThreadLocalRandom;

/** Valid, random personal data for tests. */
public final class TestData {

    /** Kecamatan Cilegon, kelurahan Ciwedus: inside the city. */
    public static final double CILEGON_LAT = -6.035;
    public static final double CILEGON_LNG = 106.04035;
    /** Monas, Jakarta: outside. */
    public static final double JAKARTA_LAT = -6.1754;
    public static final double JAKARTA_LNG = 106.8272;

    private TestData() {
    }

    /** A valid Cilegon NIK: 3672, kecamatan 01–08, a birth date (women +40), a serial above 0000. */
    public static String nik() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        int day = 1 + r.nextInt(28) + (r.nextBoolean() ? 40 : 0);
        return String.format("3672%02d%02d%02d%02d%04d", 1 + r.nextInt(8), day, 1 + r.nextInt(12), r.nextInt(100), 1 + r.nextInt(9999));
    }

    /** A valid WhatsApp number in the 08… form. */
    public static String phone() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return String.format("0812%08d", r.nextInt(100_000_000));
    }

    public static String e164(String localPhone) {
        return "+62" + localPhone.substring(1);
    }
}
