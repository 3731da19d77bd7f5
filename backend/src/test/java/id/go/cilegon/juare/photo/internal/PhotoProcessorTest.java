package id.go.cilegon.juare.photo.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.GpsDirectory;
import id.go.cilegon.juare.platform.ErrorCode;
import id.go.cilegon.juare.platform.UserErrorException;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PhotoProcessorTest {

    private final PhotoProcessor processor = new PhotoProcessor();

    @Test
    void turnsAnOrientationSixPhotoUprightAndDropsItsExif() throws Exception {
        // stored landscape 200x100 with a red marker at the stored top-left; orientation 6 = turn 90° clockwise
        byte[] upload = withApp1(jpeg(markedImage(200, 100)), exif(6, true));
        assertThat(PhotoProcessor.orientation(upload)).isEqualTo(6);
        assertThat(metadata(upload).getFirstDirectoryOfType(GpsDirectory.class)).as("test input carries GPS").isNotNull();

        PhotoProcessor.Processed result = processor.process(upload);

        assertThat(result.width()).isEqualTo(100);
        assertThat(result.height()).isEqualTo(200);
        BufferedImage upright = decode(result.jpeg());
        assertThat(upright.getWidth()).isEqualTo(100);
        assertThat(upright.getHeight()).isEqualTo(200);
        assertThat(isRed(upright.getRGB(100 - 16, 15))).as("marker turned to the top-right").isTrue();
        assertThat(isWhite(upright.getRGB(15, 15))).isTrue();
        assertThat(app1Segments(result.jpeg())).isZero();
        assertThat(indexOf(result.jpeg(), "Exif\0\0".getBytes(StandardCharsets.ISO_8859_1))).isEqualTo(-1);
        Metadata kept = metadata(result.jpeg());
        assertThat(kept.getFirstDirectoryOfType(GpsDirectory.class)).isNull();
        assertThat(kept.getFirstDirectoryOfType(ExifIFD0Directory.class)).isNull();
        assertThat(app1Segments(result.thumbnail())).isZero();
    }

    /** One marker fixes the transform: the output's shape and the marker's corner differ for all eight cases. */
    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8})
    void everyOrientationEndsUpright(int orientation) throws Exception {
        byte[] upload = withApp1(jpeg(markedImage(200, 100)), exif(orientation, false));

        BufferedImage result = decode(processor.process(upload).jpeg());

        boolean portrait = orientation >= 5;
        int w = portrait ? 100 : 200;
        int h = portrait ? 200 : 100;
        assertThat(result.getWidth()).isEqualTo(w);
        assertThat(result.getHeight()).isEqualTo(h);
        int[][] corners = {{15, 15}, {w - 16, 15}, {w - 16, h - 16}, {15, h - 16}};
        // where the stored top-left corner must land: TL, TR, BR, BL
        int expected = switch (orientation) {
            case 1, 5 -> 0;
            case 2, 6 -> 1;
            case 3, 7 -> 2;
            default -> 3;
        };
        for (int i = 0; i < corners.length; i++) {
            int rgb = result.getRGB(corners[i][0], corners[i][1]);
            if (i == expected) {
                assertThat(isRed(rgb)).as("marker in corner %d", i).isTrue();
            } else {
                assertThat(isWhite(rgb)).as("corner %d is white", i).isTrue();
            }
        }
    }

    @Test
    void scalesDownToTheLongestSideAndMakesAThumbnail() throws Exception {
        PhotoProcessor.Processed result = processor.process(jpeg(noise(4000, 3000)));

        assertThat(result.width()).isEqualTo(2048);
        assertThat(result.height()).isEqualTo(1536);
        BufferedImage stored = decode(result.jpeg());
        assertThat(stored.getWidth()).isEqualTo(2048);
        assertThat(stored.getHeight()).isEqualTo(1536);
        BufferedImage thumbnail = decode(result.thumbnail());
        assertThat(thumbnail.getWidth()).isEqualTo(320);
        assertThat(thumbnail.getHeight()).isEqualTo(240);
    }

    @Test
    void neverScalesUp() throws Exception {
        PhotoProcessor.Processed result = processor.process(jpeg(noise(300, 200)));

        assertThat(result.width()).isEqualTo(300);
        assertThat(result.height()).isEqualTo(200);
        assertThat(decode(result.thumbnail()).getWidth()).isEqualTo(300);
    }

    @Test
    void transparentPngBecomesAJpegOnWhite() throws Exception {
        BufferedImage image = new BufferedImage(100, 100, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.BLUE);
        g.fillRect(30, 30, 40, 40);
        g.dispose();
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(image, "png", png);

        PhotoProcessor.Processed result = processor.process(png.toByteArray());

        assertThat(Arrays.copyOf(result.jpeg(), 3)).containsExactly(0xFF, 0xD8, 0xFF);
        BufferedImage decoded = decode(result.jpeg());
        assertThat(isWhite(decoded.getRGB(5, 5))).as("transparent corner became white").isTrue();
        Color centre = new Color(decoded.getRGB(50, 50));
        assertThat(centre.getBlue()).isGreaterThan(200);
        assertThat(centre.getRed()).isLessThan(60);
    }

    @Test
    void refusesAPdfWhateverItIsCalled() {
        byte[] pdf = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
                .getBytes(StandardCharsets.US_ASCII);

        assertRefused(pdf, ErrorCode.UNSUPPORTED_PHOTO);
    }

    @Test
    void refusesRandomBytes() {
        byte[] bytes = new byte[4096];
        new Random(7).nextBytes(bytes);
        bytes[0] = 0x42;

        assertRefused(bytes, ErrorCode.UNSUPPORTED_PHOTO);
    }

    @Test
    void refusesGarbageBehindAJpegSignature() {
        byte[] bytes = new byte[4096];
        new Random(11).nextBytes(bytes);
        bytes[0] = (byte) 0xFF;
        bytes[1] = (byte) 0xD8;
        bytes[2] = (byte) 0xFF;

        assertRefused(bytes, ErrorCode.UNSUPPORTED_PHOTO);
    }

    @Test
    void refusesATruncatedJpeg() throws Exception {
        byte[] whole = jpeg(noise(400, 300));
        assertThat(processor.process(whole).width()).as("the untruncated file is fine").isEqualTo(400);

        assertRefused(Arrays.copyOf(whole, whole.length / 2), ErrorCode.UNSUPPORTED_PHOTO);
    }

    @Test
    void refusesAnEmptyUpload() {
        assertRefused(new byte[0], ErrorCode.UNSUPPORTED_PHOTO);
    }

    @Test
    void refusesMoreThanTenMegabytes() {
        byte[] bytes = new byte[PhotoProcessor.MAX_BYTES + 1];
        bytes[0] = (byte) 0xFF;
        bytes[1] = (byte) 0xD8;
        bytes[2] = (byte) 0xFF;

        assertRefused(bytes, ErrorCode.PHOTO_TOO_LARGE);
    }

    @Test
    void refusesAPngClaimingFourHundredMegapixelsFromItsHeader() {
        // only a header: decoding would need 1.2 GB, the size check must come first
        byte[] bomb = pngHeaderOnly(20_000, 20_000);

        assertThatThrownBy(() -> processor.process(bomb))
                .isInstanceOfSatisfying(UserErrorException.class, e -> {
                    assertThat(e.error().code()).isEqualTo(ErrorCode.UNSUPPORTED_PHOTO);
                    assertThat(e.error().key()).isEqualTo("photo.resolution-too-large");
                });
    }

    @Test
    void acceptsFortyMegapixelsByTheHeaderCheck() {
        PhotoProcessor.checkPixels(8000, 5000);
        assertThatThrownBy(() -> PhotoProcessor.checkPixels(8000, 5001)).isInstanceOf(UserErrorException.class);
    }

    private void assertRefused(byte[] content, ErrorCode code) {
        assertThatThrownBy(() -> processor.process(content))
                .isInstanceOfSatisfying(UserErrorException.class, e -> assertThat(e.error().code()).isEqualTo(code));
    }

    // --- test images ---

    private static BufferedImage markedImage(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setColor(Color.RED);
        g.fillRect(0, 0, 32, 32);
        g.dispose();
        return image;
    }

    private static BufferedImage noise(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(width * 31L + height);
        for (int y = 0; y < height; y += 8) {
            for (int x = 0; x < width; x += 8) {
                int rgb = random.nextInt(0x1000000);
                for (int dy = 0; dy < 8 && y + dy < height; dy++) {
                    for (int dx = 0; dx < 8 && x + dx < width; dx++) {
                        image.setRGB(x + dx, y + dy, rgb);
                    }
                }
            }
        }
        return image;
    }

    static byte[] jpeg(BufferedImage image) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(ImageIO.write(image, "jpeg", out)).isTrue();
        return out.toByteArray();
    }

    /** Puts an APP1 segment right after SOI, where cameras write EXIF. */
    static byte[] withApp1(byte[] jpeg, byte[] payload) {
        ByteBuffer out = ByteBuffer.allocate(jpeg.length + 4 + payload.length);
        out.put(jpeg, 0, 2);
        out.put((byte) 0xFF).put((byte) 0xE1).putShort((short) (payload.length + 2)).put(payload);
        out.put(jpeg, 2, jpeg.length - 2);
        return out.array();
    }

    /**
     * A minimal EXIF block (big-endian TIFF): IFD0 with Make, Orientation and, optionally, a GPS IFD holding
     * a latitude and longitude.
     */
    static byte[] exif(int orientation, boolean withGps) {
        byte[] make = "TestPhone\0".getBytes(StandardCharsets.US_ASCII);
        ByteBuffer tiff = ByteBuffer.allocate(256);
        tiff.put((byte) 'M').put((byte) 'M').putShort((short) 42).putInt(8);
        int ifd0Entries = withGps ? 3 : 2;
        int gpsIfd = 8 + 2 + ifd0Entries * 12 + 4;
        int gpsEntries = 5;
        int latitude = gpsIfd + 2 + gpsEntries * 12 + 4;
        int longitude = latitude + 24;
        int makeOffset = withGps ? longitude + 24 : gpsIfd;

        tiff.putShort((short) ifd0Entries);
        entry(tiff, 0x010F, 2, make.length, makeOffset);                 // Make, ASCII at offset
        tiff.putShort((short) 0x0112).putShort((short) 3).putInt(1)      // Orientation, SHORT inline
                .putShort((short) orientation).putShort((short) 0);
        if (withGps) {
            entry(tiff, 0x8825, 4, 1, gpsIfd);                            // GPSInfo IFD pointer
        }
        tiff.putInt(0);
        if (withGps) {
            tiff.putShort((short) gpsEntries);
            tiff.putShort((short) 0x0000).putShort((short) 1).putInt(4).put(new byte[] {2, 3, 0, 0});
            tiff.putShort((short) 0x0001).putShort((short) 2).putInt(2).put(new byte[] {'S', 0, 0, 0});
            entry(tiff, 0x0002, 5, 3, latitude);
            tiff.putShort((short) 0x0003).putShort((short) 2).putInt(2).put(new byte[] {'E', 0, 0, 0});
            entry(tiff, 0x0004, 5, 3, longitude);
            tiff.putInt(0);
            tiff.putInt(6).putInt(1).putInt(1).putInt(1).putInt(30).putInt(1);
            tiff.putInt(106).putInt(1).putInt(3).putInt(1).putInt(0).putInt(1);
        }
        assertThat(tiff.position()).isEqualTo(makeOffset);
        tiff.put(make);
        byte[] header = "Exif\0\0".getBytes(StandardCharsets.ISO_8859_1);
        ByteBuffer payload = ByteBuffer.allocate(header.length + tiff.position());
        payload.put(header).put(tiff.array(), 0, tiff.position());
        return payload.array();
    }

    private static void entry(ByteBuffer tiff, int tag, int type, int count, int offset) {
        tiff.putShort((short) tag).putShort((short) type).putInt(count).putInt(offset);
    }

    private static byte[] pngHeaderOnly(int width, int height) {
        ByteBuffer ihdr = ByteBuffer.allocate(17);
        ihdr.put("IHDR".getBytes(StandardCharsets.US_ASCII)).putInt(width).putInt(height)
                .put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
        CRC32 crc = new CRC32();
        crc.update(ihdr.array());
        ByteBuffer png = ByteBuffer.allocate(8 + 4 + 17 + 4);
        png.put(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});
        png.putInt(13).put(ihdr.array()).putInt((int) crc.getValue());
        return png.array();
    }

    // --- reading results ---

    private static BufferedImage decode(byte[] jpeg) throws IOException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(jpeg));
        assertThat(image).isNotNull();
        return image;
    }

    private static Metadata metadata(byte[] image) throws Exception {
        return ImageMetadataReader.readMetadata(new ByteArrayInputStream(image), image.length);
    }

    /** Counts APP1 segments (where EXIF and XMP live) between SOI and the start of the image data. */
    private static int app1Segments(byte[] jpeg) {
        int count = 0;
        int i = 2;
        while (i + 4 <= jpeg.length && (jpeg[i] & 0xFF) == 0xFF) {
            int marker = jpeg[i + 1] & 0xFF;
            if (marker == 0xDA) {
                break;
            }
            if (marker == 0xE1) {
                count++;
            }
            int length = ((jpeg[i + 2] & 0xFF) << 8) | (jpeg[i + 3] & 0xFF);
            i += 2 + length;
        }
        assertThat(jpeg[i + 1] & 0xFF).as("walked the segments up to SOS").isEqualTo(0xDA);
        return count;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static boolean isRed(int rgb) {
        Color c = new Color(rgb);
        return c.getRed() > 180 && c.getGreen() < 80 && c.getBlue() < 80;
    }

    private static boolean isWhite(int rgb) {
        Color c = new Color(rgb);
        return c.getRed() > 220 && c.getGreen() > 220 && c.getBlue() > 220;
    }
}
