package id.go.cilegon.juare.complaint.internal;

import java.security.SecureRandom;

/**
 * Tracking numbers to read out on the phone: 7 characters as XXX-XXXX from an alphabet without look-alikes
 * (no 0/O, 1/I/L, U/V): 30^7 ≈ 2.2e10 values, random so they reveal no counts. A collision is caught by the
 * unique index and retried.
 */
final class TrackingNumbers {

    static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTWXYZ";
    private static final SecureRandom RANDOM = new SecureRandom();

    private TrackingNumbers() {
    }

    static String next() {
        StringBuilder number = new StringBuilder(8);
        for (int i = 0; i < 7; i++) {
            if (i == 3) {
                number.append('-');
            }
            number.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return number.toString();
    }
}
