package id.go.cilegon.juare.photo.internal;

import java.awt.image.BufferedImage;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * What a stored photo looks like, to find an OPD's "after" photo that is really the resident's "before" photo (issue 12,
 * ADR 0021): the SHA-256 of the stored bytes (the same file) and a 64-bit DCT perceptual hash (pHash), which survives
 * re-encoding, resizing, brightness changes and a light crop. Two photos whose pHashes differ in at most a few bits
 * (juare.verification.max-distance, 10 by default) look alike; LikenessTest measures it. Our own ~60 lines: the Java
 * libraries that do this (JImageHash) are not on the classpath and bring more than this one hash.
 */
public final class Likeness {

    private Likeness() {
    }

    /** The SHA-256 of the bytes. */
    public static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final int SIDE = 32;
    private static final int LOW = 8;

    /**
     * The 64-bit DCT perceptual hash (pHash): the image averaged down to 32x32 grey cells, its 2-D DCT, and for the 8x8
     * lowest frequencies whether each is above their median. Low frequencies barely move with re-encoding, resizing,
     * brightness or a light crop.
     */
    public static long pHash(BufferedImage image) {
        double[][] grey = grey(image, SIDE, SIDE);
        double[][] dct = new double[LOW][LOW];
        for (int u = 0; u < LOW; u++) {
            for (int v = 0; v < LOW; v++) {
                double sum = 0;
                for (int y = 0; y < SIDE; y++) {
                    double cy = COS[v][y];
                    for (int x = 0; x < SIDE; x++) {
                        sum += grey[y][x] * COS[u][x] * cy;
                    }
                }
                dct[v][u] = sum;
            }
        }
        double[] values = new double[LOW * LOW - 1];
        for (int i = 1; i < LOW * LOW; i++) {
            values[i - 1] = dct[i / LOW][i % LOW];
        }
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        double median = (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
        long hash = 0;
        for (int i = 0; i < LOW * LOW; i++) {
            // the first bit (the mean brightness) is always 0: it says nothing about the picture
            hash = (hash << 1) | (i > 0 && values[i - 1] > median ? 1 : 0);
        }
        return hash;
    }

    private static final double[][] COS = new double[LOW][SIDE];

    static {
        for (int u = 0; u < LOW; u++) {
            for (int x = 0; x < SIDE; x++) {
                COS[u][x] = Math.cos((2 * x + 1) * u * Math.PI / (2 * SIDE));
            }
        }
    }

    /** The mean grey of each of rows x columns cells; a stride keeps big images cheap. */
    private static double[][] grey(BufferedImage image, int columns, int rows) {
        double[][] grey = new double[rows][columns];
        int[][] counts = new int[rows][columns];
        int width = image.getWidth();
        int height = image.getHeight();
        int step = Math.max(1, Math.min(width, height) / 256);
        for (int y = 0; y < height; y += step) {
            int row = (int) ((long) y * rows / height);
            for (int x = 0; x < width; x += step) {
                int column = (int) ((long) x * columns / width);
                int rgb = image.getRGB(x, y);
                grey[row][column] += 0.299 * ((rgb >> 16) & 0xFF) + 0.587 * ((rgb >> 8) & 0xFF) + 0.114 * (rgb & 0xFF);
                counts[row][column]++;
            }
        }
        for (int y = 0; y < rows; y++) {
            for (int x = 0; x < columns; x++) {
                grey[y][x] /= Math.max(1, counts[y][x]);
            }
        }
        return grey;
    }

    /** How many of the 64 bits differ. */
    public static int distance(long a, long b) {
        return Long.bitCount(a ^ b);
    }
}
