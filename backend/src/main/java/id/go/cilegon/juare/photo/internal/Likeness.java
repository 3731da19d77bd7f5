package id.go.cilegon.juare.photo.internal;

import java.awt.image.BufferedImage;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * What a stored photo looks like, to find an OPD's "after" photo that is really the resident's "before" photo (issue 12,
 * ADR 0021): the SHA-256 of the stored bytes (the same file) and a 64-bit difference hash (dHash: each bit says whether
 * a 9x8 grey thumbnail gets brighter from one column to the next), which survives re-encoding, resizing, a light crop
 * and small colour changes. Two photos whose dHashes differ in at most a few bits (juare.verification.max-distance)
 * look alike. Our own ~30 lines: no maintained Java library on the classpath or in common use does only this.
 */
public final class Likeness {

    private static final int WIDTH = 9;
    private static final int HEIGHT = 8;

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

    /** The 64-bit difference hash of an image (any size; averaged down to 9x8 grey cells, no scaling library). */
    public static long dHash(BufferedImage image) {
        double[][] grey = new double[HEIGHT][WIDTH];
        int width = image.getWidth();
        int height = image.getHeight();
        // each cell is the mean of the pixels that fall in it: sampling a stride keeps big images cheap
        int step = Math.max(1, Math.min(width, height) / 256);
        int[][] counts = new int[HEIGHT][WIDTH];
        for (int y = 0; y < height; y += step) {
            int row = (int) ((long) y * HEIGHT / height);
            for (int x = 0; x < width; x += step) {
                int column = (int) ((long) x * WIDTH / width);
                int rgb = image.getRGB(x, y);
                grey[row][column] += 0.299 * ((rgb >> 16) & 0xFF) + 0.587 * ((rgb >> 8) & 0xFF) + 0.114 * (rgb & 0xFF);
                counts[row][column]++;
            }
        }
        long hash = 0;
        for (int y = 0; y < HEIGHT; y++) {
            for (int x = 0; x < WIDTH - 1; x++) {
                double left = grey[y][x] / Math.max(1, counts[y][x]);
                double right = grey[y][x + 1] / Math.max(1, counts[y][x + 1]);
                hash = (hash << 1) | (right > left ? 1 : 0);
            }
        }
        return hash;
    }

    /** How many of the 64 bits differ. */
    public static int distance(long a, long b) {
        return Long.bitCount(a ^ b);
    }
}
