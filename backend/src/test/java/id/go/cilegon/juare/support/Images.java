package id.go.cilegon.juare.support;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/** Small real images made in code. */
public final class Images {

    private Images() {
    }

    public static byte[] jpeg(int width, int height) {
        return encode(width, height, "jpg");
    }

    public static byte[] png(int width, int height) {
        return encode(width, height, "png");
    }

    private static byte[] encode(int width, int height, String format) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(40, 120, 200));
        g.fillRect(0, 0, width, height);
        g.setColor(Color.RED);
        g.fillRect(0, 0, Math.max(1, width / 4), Math.max(1, height / 4));
        g.dispose();
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(image, format, out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A baseline JPEG whose first scan holds every component, or a progressive one. */
    public static byte[] jpeg(int width, int height, boolean progressive) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(40, 120, 200));
        g.fillRect(0, 0, width, height);
        g.dispose();
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        if (progressive) {
            param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    /** The JPEG with the width and height in its start-of-frame marker replaced: a header that lies. */
    public static byte[] withDeclaredSize(byte[] jpeg, int width, int height) {
        byte[] copy = jpeg.clone();
        for (int i = 2; i + 9 < copy.length; ) {
            int marker = copy[i + 1] & 0xFF;
            int length = ((copy[i + 2] & 0xFF) << 8) | (copy[i + 3] & 0xFF);
            if (marker == 0xC0 || marker == 0xC1 || marker == 0xC2) {
                copy[i + 5] = (byte) (height >> 8);
                copy[i + 6] = (byte) height;
                copy[i + 7] = (byte) (width >> 8);
                copy[i + 8] = (byte) width;
                return copy;
            }
            i += 2 + length;
        }
        throw new IllegalArgumentException("no start of frame");
    }

    /**
     * A PNG of one colour made without holding its pixels: rows are deflated one by one, so a 6300×6300 16-bit
     * RGBA image (318 MB decoded) costs the test a few hundred kilobytes. colorType 6 is RGBA, 2 RGB, 0 grey.
     */
    public static byte[] uniformPng(int width, int height, int bitDepth, int colorType) {
        int channels = switch (colorType) {
            case 0 -> 1;
            case 2 -> 3;
            case 4 -> 2;
            case 6 -> 4;
            default -> throw new IllegalArgumentException("colour type " + colorType);
        };
        byte[] row = new byte[1 + (int) (((long) width * channels * bitDepth + 7) / 8)];
        Arrays.fill(row, 1, row.length, (byte) 0x5A);
        byte[] idat = deflateRepeated(row, height);
        ByteBuffer ihdr = ByteBuffer.allocate(13).putInt(width).putInt(height)
                .put((byte) bitDepth).put((byte) colorType).put((byte) 0).put((byte) 0).put((byte) 0);
        ByteArrayOutputStream png = new ByteArrayOutputStream(idat.length + 64);
        png.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});
        png.writeBytes(chunk("IHDR", ihdr.array()));
        png.writeBytes(chunk("IDAT", idat));
        png.writeBytes(chunk("IEND", new byte[0]));
        return png.toByteArray();
    }

    /**
     * A zlib stream of {@code row} repeated {@code times}, in milliseconds however long: once the window holds
     * only whole rows, a flushed block of rows refers to nothing else and can be repeated as it is.
     */
    private static byte[] deflateRepeated(byte[] row, int times) {
        int rowsPerBlock = Math.max(1, 64 * 1024 / row.length + 1);
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {0x78, (byte) 0xDA});
        int written = 0;
        // the first block fills the window; the second is the one repeated
        for (int block = 0; block < 2 && written + rowsPerBlock <= times; block++) {
            byte[] compressed = deflateRows(deflater, row, rowsPerBlock, Deflater.SYNC_FLUSH);
            written += rowsPerBlock;
            out.writeBytes(compressed);
            if (block == 1) {
                while (written + rowsPerBlock <= times) {
                    out.writeBytes(compressed);
                    written += rowsPerBlock;
                }
            }
        }
        out.writeBytes(deflateRows(deflater, row, times - written, Deflater.FULL_FLUSH));
        deflater.finish();
        byte[] buffer = new byte[1024];
        while (!deflater.finished()) {
            out.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        java.util.zip.Adler32 adler = new java.util.zip.Adler32();
        for (int i = 0; i < times; i++) {
            adler.update(row);
        }
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) adler.getValue()).array());
        return out.toByteArray();
    }

    private static byte[] deflateRows(Deflater deflater, byte[] row, int rows, int flush) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        for (int i = 0; i < rows; i++) {
            deflater.setInput(row);
            while (!deflater.needsInput()) {
                out.write(buffer, 0, deflater.deflate(buffer, 0, buffer.length, Deflater.NO_FLUSH));
            }
        }
        int n;
        while ((n = deflater.deflate(buffer, 0, buffer.length, flush)) > 0) {
            out.write(buffer, 0, n);
            if (n < buffer.length) {
                break;
            }
        }
        return out.toByteArray();
    }

    /** The PNG with a chunk put right after IHDR, where text and ICC profiles go. */
    public static byte[] withChunk(byte[] png, String type, byte[] data) {
        int afterHeader = 8 + 12 + 13;
        ByteArrayOutputStream out = new ByteArrayOutputStream(png.length + data.length + 12);
        out.write(png, 0, afterHeader);
        out.writeBytes(chunk(type, data));
        out.write(png, afterHeader, png.length - afterHeader);
        return out.toByteArray();
    }

    /** One PNG chunk: length, type, data, CRC of type and data. */
    public static byte[] chunk(String type, byte[] data) {
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(data);
        return ByteBuffer.allocate(12 + data.length).putInt(data.length).put(name).put(data).putInt((int) crc.getValue())
                .array();
    }

    /**
     * A zlib stream that inflates to about {@code megabytes} MB of zeros, made in milliseconds: one flushed block of
     * a megabyte of zeros refers only to zeros before it, so it can be repeated.
     */
    public static byte[] zlibBomb(int megabytes) {
        byte[] zeros = new byte[1024 * 1024];
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
        byte[] buffer = new byte[64 * 1024];
        ByteArrayOutputStream first = new ByteArrayOutputStream();
        deflater.setInput(zeros);
        int n;
        while ((n = deflater.deflate(buffer, 0, buffer.length, Deflater.SYNC_FLUSH)) > 0) {
            first.write(buffer, 0, n);
        }
        ByteArrayOutputStream repeated = new ByteArrayOutputStream();
        deflater.setInput(zeros);
        while ((n = deflater.deflate(buffer, 0, buffer.length, Deflater.SYNC_FLUSH)) > 0) {
            repeated.write(buffer, 0, n);
        }
        deflater.end();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(first.toByteArray());
        byte[] block = repeated.toByteArray();
        for (int i = 1; i < megabytes; i++) {
            out.writeBytes(block);
        }
        out.writeBytes(new byte[] {3, 0}); // a final, empty fixed-Huffman block
        // Adler-32 of n zeros: a stays 1, b adds 1 per byte
        long b = (long) megabytes * zeros.length % 65521;
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) (b << 16 | 1)).array());
        return out.toByteArray();
    }

    /**
     * A made-up street photo: sky, a road in perspective, buildings, parked cars, a pothole and sensor noise, all
     * from the seed (the same seed, the same picture). For the photo-likeness tests (issue 12, verified fixes).
     */
    public static BufferedImage street(long seed, int width, int height) {
        java.util.Random random = new java.util.Random(seed);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(java.awt.RenderingHints.KEY_ANTIALIASING, java.awt.RenderingHints.VALUE_ANTIALIAS_ON);
        int horizon = height * (35 + random.nextInt(20)) / 100;
        g.setPaint(new java.awt.GradientPaint(0, 0, new Color(90 + random.nextInt(80), 140 + random.nextInt(80), 200 + random.nextInt(55)),
                0, horizon, new Color(200 + random.nextInt(55), 210 + random.nextInt(45), 230)));
        g.fillRect(0, 0, width, horizon);
        for (int x = 0; x < width; ) {
            int w = width / 12 + random.nextInt(width / 5);
            int h = horizon / 3 + random.nextInt(horizon * 2 / 3);
            g.setColor(new Color(random.nextInt(256), random.nextInt(256), random.nextInt(256)));
            g.fillRect(x, horizon - h, w, h + height / 10);
            g.setColor(new Color(random.nextInt(80), random.nextInt(80), random.nextInt(120)));
            for (int wy = horizon - h + 8; wy < horizon - 10; wy += 18 + random.nextInt(10)) {
                for (int wx = x + 6; wx < x + w - 10; wx += 14 + random.nextInt(12)) {
                    g.fillRect(wx, wy, 6 + random.nextInt(5), 8 + random.nextInt(5));
                }
            }
            x += w;
        }
        g.setColor(new Color(60 + random.nextInt(70), 60 + random.nextInt(60), 60 + random.nextInt(60)));
        int vanishing = width / 4 + random.nextInt(width / 2);
        g.fillPolygon(new int[] {vanishing - width / 40, vanishing + width / 40, width + random.nextInt(width / 2), -random.nextInt(width / 2)},
                new int[] {horizon, horizon, height, height}, 4);
        g.setColor(new Color(120 + random.nextInt(80), 140 + random.nextInt(60), 60 + random.nextInt(60)));
        g.fillRect(0, horizon + height / 10, width / 8 + random.nextInt(width / 6), height);
        for (int i = 0; i < 2 + random.nextInt(4); i++) {
            g.setColor(new Color(random.nextInt(256), random.nextInt(256), random.nextInt(256)));
            int cx = random.nextInt(width);
            int cy = horizon + random.nextInt(Math.max(1, height - horizon - height / 8));
            g.fillRoundRect(cx, cy, width / 8 + random.nextInt(width / 8), height / 14 + random.nextInt(height / 14), 20, 20);
        }
        g.setColor(new Color(30 + random.nextInt(30), 25 + random.nextInt(30), 20 + random.nextInt(30)));
        g.fillOval(random.nextInt(width * 2 / 3) + width / 6, horizon + (height - horizon) / 3 + random.nextInt(Math.max(1, (height - horizon) / 3)),
                width / 6 + random.nextInt(width / 6), height / 12 + random.nextInt(height / 12));
        g.dispose();
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int rgb = image.getRGB(x, y);
                int noise = random.nextInt(17) - 8;
                image.setRGB(x, y, clamp((rgb >> 16 & 0xFF) + noise) << 16 | clamp((rgb >> 8 & 0xFF) + noise) << 8 | clamp((rgb & 0xFF) + noise));
            }
        }
        return image;
    }

    private static int clamp(int value) {
        return Math.max(0, Math.min(255, value));
    }

    /** The image as a JPEG of the given quality (0..1). */
    public static byte[] jpeg(BufferedImage image, float quality) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(quality);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    /** The image scaled to the given size (smooth). */
    public static BufferedImage resized(BufferedImage image, int width, int height) {
        BufferedImage target = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = target.createGraphics();
        g.setRenderingHint(java.awt.RenderingHints.KEY_INTERPOLATION, java.awt.RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(image, 0, 0, width, height, null);
        g.dispose();
        return target;
    }

    /** The image with {@code share} of its width and height cut off, half on each side. */
    public static BufferedImage cropped(BufferedImage image, double share) {
        int dx = (int) Math.round(image.getWidth() * share / 2);
        int dy = (int) Math.round(image.getHeight() * share / 2);
        BufferedImage part = image.getSubimage(dx, dy, image.getWidth() - 2 * dx, image.getHeight() - 2 * dy);
        BufferedImage copy = new BufferedImage(part.getWidth(), part.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = copy.createGraphics();
        g.drawImage(part, 0, 0, null);
        g.dispose();
        return copy;
    }

    /** The image a little brighter (a phone's automatic exposure). */
    public static BufferedImage brighter(BufferedImage image, int by) {
        BufferedImage copy = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                copy.setRGB(x, y, clamp((rgb >> 16 & 0xFF) + by) << 16 | clamp((rgb >> 8 & 0xFF) + by) << 8 | clamp((rgb & 0xFF) + by));
            }
        }
        return copy;
    }
}
