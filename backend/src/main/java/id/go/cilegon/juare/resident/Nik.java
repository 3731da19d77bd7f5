package id.go.cilegon.juare.resident;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;

/**
 * A Nomor Induk Kependudukan of a Cilegon card: 16 digits, province-city 3672, kecamatan 01–08 (older cards keep
 * codes of the kecamatan that issued them), birth date DDMMYY with 40 added to the day for women, and a serial
 * that is not 0000. {@link #toString()} is masked so a NIK never reaches a log by accident.
 */
public final class Nik {

    private static final String CILEGON = "3672";

    private final String digits;

    private Nik(String digits) {
        this.digits = digits;
    }

    /** Parses a NIK, tolerating spaces, dots and dashes between digits. */
    public static Optional<Nik> parse(String input) {
        if (input == null) {
            return Optional.empty();
        }
        String digits = input.replaceAll("[\\s.\\-]", "");
        if (!digits.matches("\\d{16}") || !digits.startsWith(CILEGON)) {
            return Optional.empty();
        }
        int kecamatan = Integer.parseInt(digits.substring(4, 6));
        if (kecamatan < 1 || kecamatan > 8) {
            return Optional.empty();
        }
        if (!validBirthDate(digits.substring(6, 12)) || digits.substring(12).equals("0000")) {
            return Optional.empty();
        }
        return Optional.of(new Nik(digits));
    }

    /** DDMMYY; women have 40 added to DD. The century is unknown, so 29 February passes if either century has it. */
    private static boolean validBirthDate(String ddmmyy) {
        int day = Integer.parseInt(ddmmyy.substring(0, 2));
        int month = Integer.parseInt(ddmmyy.substring(2, 4));
        int year = Integer.parseInt(ddmmyy.substring(4, 6));
        if (day > 40) {
            day -= 40;
        }
        return isDate(1900 + year, month, day) || isDate(2000 + year, month, day);
    }

    private static boolean isDate(int year, int month, int day) {
        try {
            LocalDate.of(year, month, day);
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }

    /** The 16 digits. Handle with care: personal data. */
    public String digits() {
        return digits;
    }

    /** 3672••••••••0001 */
    public String masked() {
        return digits.substring(0, 4) + "•".repeat(8) + digits.substring(12);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Nik nik && nik.digits.equals(digits);
    }

    @Override
    public int hashCode() {
        return digits.hashCode();
    }

    @Override
    public String toString() {
        return masked();
    }
}
