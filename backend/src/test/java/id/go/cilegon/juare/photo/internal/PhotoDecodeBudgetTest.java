package id.go.cilegon.juare.photo.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.go.cilegon.juare.platform.ErrorCode;
import id.go.cilegon.juare.platform.UserErrorException;
import id.go.cilegon.juare.support.Images;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/** Hostile files against the header check, the subsampled decode and the decode budget, without a server. */
class PhotoDecodeBudgetTest {

    private final PhotoProcessor processor = new PhotoProcessor(budget(192, Duration.ofSeconds(5)));

    @Test
    void theSixteenBitPngOfTheIssueIsRefusedFromItsHeader() {
        byte[] png = Images.uniformPng(6300, 6300, 16, 6);
        assertThat(png.length).as("a few hundred kB that decode to 318 MB").isLessThan(400_000);

        long started = System.nanoTime();
        assertThatThrownBy(() -> processor.process(png))
                .isInstanceOfSatisfying(UserErrorException.class, e -> {
                    assertThat(e.error().code()).isEqualTo(ErrorCode.PHOTO_TOO_LARGE);
                    assertThat(e.error().key()).isEqualTo("photo.too-large-to-decode");
                });
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("nothing decoded").isLessThan(Duration.ofSeconds(1));
        assertThat(processor.peakDecodeBytes()).isZero();
    }

    @Test
    void aHugeButAllowedPngIsDecodedSubsampled() {
        byte[] png = Images.uniformPng(6300, 6300, 8, 6);
        ImageHeader header = ImageHeader.read(png, PhotoProcessor.Format.PNG, PhotoProcessor::checkPixels);
        assertThat(header.fullDecodedBytes()).isEqualTo(6300L * 6300 * 4);

        PhotoProcessor.Plan plan = PhotoProcessor.plan(header, processor.decodeBudgetBytes());
        PhotoProcessor.Processed result = processor.process(png);

        assertThat(plan.subsampling()).isEqualTo(3);
        assertThat(plan.bytes()).as("2100×2100 decoded, not 6300×6300").isLessThan(80L * 1024 * 1024);
        assertThat(result.width()).isEqualTo(2048);
        assertThat(result.height()).isEqualTo(2048);
        assertThat(processor.peakDecodeBytes()).isLessThanOrEqualTo(plan.bytes() + 1024);
    }

    @Test
    void aTwelveMegapixelPhonePhotoTakesLessThanHalfTheBudget() {
        byte[] jpeg = Images.jpeg(4032, 3024);
        ImageHeader header = ImageHeader.read(jpeg, PhotoProcessor.Format.JPEG, PhotoProcessor::checkPixels);

        PhotoProcessor.Plan plan = PhotoProcessor.plan(header, processor.decodeBudgetBytes());
        PhotoProcessor.Processed result = processor.process(jpeg);

        assertThat(plan.subsampling()).as("2048 px are kept: decoded whole").isEqualTo(1);
        assertThat(plan.bytes()).as("two such uploads fit a 192 MB budget at once").isLessThan(96L * 1024 * 1024);
        assertThat(result.width()).isEqualTo(2048);
        assertThat(result.height()).isEqualTo(1536);
    }

    @Test
    void aSmallBudgetDecodesCoarserRatherThanRefusing() {
        PhotoProcessor small = new PhotoProcessor(budget(32, Duration.ofSeconds(1)));
        byte[] png = Images.uniformPng(6300, 6300, 8, 6);

        PhotoProcessor.Processed result = small.process(png);

        assertThat(small.peakDecodeBytes()).isLessThanOrEqualTo(32L * 1024 * 1024);
        assertThat(result.width()).isBetween(1000, 2048);
    }

    @Test
    void aPngOnePixelWideAndAHundredThousandTallIsTakenWithoutTrouble() {
        byte[] png = Images.uniformPng(1, 100_000, 8, 2);

        PhotoProcessor.Processed result = processor.process(png);

        assertThat(result.width()).isEqualTo(1);
        assertThat(result.height()).isEqualTo(2048);
    }

    @Test
    void compressedTextAndProfilesAreNeverInflated() {
        // a gigabyte of zeros behind each: parsing them would take the heap
        byte[] bomb = Images.zlibBomb(1024);
        assertThat(bomb.length).isLessThan(2_000_000);
        byte[] text = concat("Comment\0\0".getBytes(StandardCharsets.ISO_8859_1), bomb);
        byte[] profile = concat("icc\0\0".getBytes(StandardCharsets.ISO_8859_1), bomb);

        for (byte[] png : new byte[][] {Images.png(320, 240), indexedPng(320, 240)}) {
            assertThat(processor.process(Images.withChunk(png, "zTXt", text)).width()).isEqualTo(320);
            assertThat(processor.process(Images.withChunk(png, "iCCP", profile)).width()).isEqualTo(320);
            assertThat(processor.process(Images.withChunk(png, "iTXt", concat("XML:com.adobe.xmp\0\1\0\0\0".getBytes(StandardCharsets.ISO_8859_1), bomb)))
                    .width()).isEqualTo(320);
        }
    }

    @Test
    void thousandsOfSmallTextBombsInAPalettePngAreIgnored() {
        // ImageIO inflates each zTXt of a palette PNG up to 256 kB: 4,000 of them would be a gigabyte of strings
        byte[] text = concat("Comment\0\0".getBytes(StandardCharsets.ISO_8859_1), Images.zlibBomb(1));
        byte[] png = indexedPng(64, 64);
        ByteArrayOutputStream many = new ByteArrayOutputStream();
        many.write(png, 0, 33);
        byte[] chunk = Images.chunk("zTXt", text);
        for (int i = 0; i < 4000; i++) {
            many.writeBytes(chunk);
        }
        many.write(png, 33, png.length - 33);
        assertThat(many.size()).isLessThan(PhotoProcessor.MAX_BYTES);

        assertThat(processor.process(many.toByteArray()).width()).isEqualTo(64);
    }

    @Test
    void truncatedAndIncompletePngsAreRefused() {
        byte[] png = Images.png(640, 480);

        assertRefused(Arrays.copyOf(png, png.length / 2), ErrorCode.UNSUPPORTED_PHOTO);
        assertRefused(Arrays.copyOf(png, 40), ErrorCode.UNSUPPORTED_PHOTO);
        assertRefused(Arrays.copyOf(png, 8), ErrorCode.UNSUPPORTED_PHOTO);
        // header and end, no image data
        assertRefused(concat(Arrays.copyOf(png, 33), Images.chunk("IEND", new byte[0])), ErrorCode.UNSUPPORTED_PHOTO);
        // a chunk length past the end of the file
        byte[] lying = Images.withChunk(png, "tEXt", new byte[16]);
        lying[33] = 0x7F;
        assertRefused(lying, ErrorCode.UNSUPPORTED_PHOTO);
    }

    @Test
    void aJpegDeclaringSixtyFiveThousandPixelsSquareIsRefusedFromItsHeader() {
        byte[] bomb = Images.withDeclaredSize(Images.jpeg(64, 48), 65_535, 65_535);

        assertThatThrownBy(() -> processor.process(bomb))
                .isInstanceOfSatisfying(UserErrorException.class, e -> assertThat(e.error().key())
                        .isIn("photo.resolution-too-large", "photo.too-large-to-decode"));
        assertThat(processor.peakDecodeBytes()).isZero();
    }

    @Test
    void aProgressiveJpegCountsTheCoefficientsTheDecoderKeeps() {
        byte[] real = Images.jpeg(640, 480, true);
        assertThat(processor.process(real).width()).isEqualTo(640);

        byte[] bomb = Images.withDeclaredSize(real, 8000, 5000);
        ImageHeader header = ImageHeader.read(bomb, PhotoProcessor.Format.JPEG, PhotoProcessor::checkPixels);
        assertThat(header.bufferedBytes()).as("whole-image coefficients, whatever the subsampling")
                .isGreaterThanOrEqualTo(8000L * 5000 * 2);
        assertThat(ImageHeader.read(Images.jpeg(640, 480, false), PhotoProcessor.Format.JPEG, PhotoProcessor::checkPixels)
                .bufferedBytes()).as("a baseline single-scan JPEG streams").isZero();

        // its data is that of a 640×480 image: refused as damaged, not decoded to a grey 40 MP image
        assertRefused(bomb, ErrorCode.UNSUPPORTED_PHOTO);
        PhotoProcessor small = new PhotoProcessor(budget(64, Duration.ofSeconds(1)));
        assertThatThrownBy(() -> small.process(bomb))
                .as("coefficients alone exceed a 64 MB budget")
                .isInstanceOfSatisfying(UserErrorException.class,
                        e -> assertThat(e.error().code()).isEqualTo(ErrorCode.PHOTO_TOO_LARGE));
    }

    @Test
    void aTruncatedBaselineJpegDeclaringFortyMegapixelsIsRefused() {
        byte[] bomb = Images.withDeclaredSize(Images.jpeg(64, 48), 8000, 5000);

        assertRefused(bomb, ErrorCode.UNSUPPORTED_PHOTO);
    }

    @Test
    void aDecodeThatCannotGetItsShareInTimeIsBusy() throws Exception {
        DecodeBudget budget = new DecodeBudget(64L * 1024 * 1024, Duration.ofMillis(200));
        DecodeBudget.Lease held = budget.acquire(40L * 1024 * 1024);

        long started = System.nanoTime();
        CompletableFuture<Object> second = CompletableFuture.supplyAsync(() -> {
            try {
                return budget.acquire(40L * 1024 * 1024);
            } catch (UserErrorException e) {
                return e;
            }
        });
        Object outcome = second.get(5, TimeUnit.SECONDS);

        assertThat(outcome).isInstanceOfSatisfying(RetryLater.class, e -> {
            assertThat(e.error().code()).isEqualTo(ErrorCode.PHOTO_BUSY);
            assertThat(e.afterSeconds()).isPositive();
        });
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(190));
        held.close();
        held.close(); // twice is harmless
        budget.acquire(64L * 1024 * 1024).close();
        assertThatThrownBy(() -> budget.acquire(65L * 1024 * 1024))
                .isInstanceOfSatisfying(UserErrorException.class,
                        e -> assertThat(e.error().code()).isEqualTo(ErrorCode.PHOTO_TOO_LARGE));
        assertThat(budget.peakBytes()).isEqualTo(64L * 1024 * 1024);
    }

    private void assertRefused(byte[] content, ErrorCode code) {
        assertThatThrownBy(() -> processor.process(content))
                .isInstanceOfSatisfying(UserErrorException.class, e -> assertThat(e.error().code()).isEqualTo(code));
    }

    private static PhotoProperties budget(int megabytes, Duration wait) {
        return new PhotoProperties(DataSize.ofMegabytes(megabytes), wait, null, null, null, null, null);
    }

    private static byte[] indexedPng(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_INDEXED);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.GREEN);
        g.fillRect(0, 0, width, height);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            assertThat(ImageIO.write(image, "png", out)).isTrue();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        byte[] png = out.toByteArray();
        assertThat(png[25]).as("colour type 3, palette").isEqualTo((byte) 3);
        return png;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }
}
