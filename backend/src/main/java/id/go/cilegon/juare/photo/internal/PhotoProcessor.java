package id.go.cilegon.juare.photo.internal;

import com.drew.imaging.jpeg.JpegMetadataReader;
import com.drew.imaging.jpeg.JpegProcessingException;
import com.drew.lang.ByteArrayReader;
import com.drew.metadata.Metadata;
import com.drew.metadata.MetadataException;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.ExifReader;
import id.go.cilegon.juare.platform.ErrorCode;
import id.go.cilegon.juare.platform.UserError;
import id.go.cilegon.juare.platform.UserErrorException;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.event.IIOReadWarningListener;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns an uploaded photo into what is kept: a JPEG at most {@value #MAX_SIDE} px on its longest side, upright,
 * without any metadata (no GPS position, no device), and a thumbnail. The type is judged by the bytes only.
 * Plain Java and blocking: call it on a scheduler meant for CPU-heavy work. Decoding stays within a memory budget
 * shared by all uploads (ADR 0012): the header is judged first, the pixels are decoded subsampled, and an upload that
 * cannot get its share in time is answered PHOTO_BUSY.
 */
public final class PhotoProcessor {

    private static final Logger log = LoggerFactory.getLogger(PhotoProcessor.class);

    public static final int MAX_BYTES = 10 * 1024 * 1024;
    public static final long MAX_PIXELS = 40_000_000L;
    /** Decoded size at full resolution, whatever the subsampling: 40 megapixels of 4 bytes (8-bit RGBA). */
    public static final long MAX_DECODED_BYTES = 4 * MAX_PIXELS;
    public static final int MAX_SIDE = 2048;
    public static final int THUMBNAIL_SIDE = 320;
    static final float JPEG_QUALITY = 0.85f;
    static final java.time.Duration BUSY_RETRY_AFTER = java.time.Duration.ofSeconds(5);

    private static final byte[] JPEG_MAGIC = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};

    /**
     * The stored JPEG, its thumbnail, the stored JPEG's size in pixels, and what it looks like ({@link Likeness}: the
     * JPEG's SHA-256 and the picture's 64-bit perceptual hash; null when not computed).
     */
    public record Processed(byte[] jpeg, byte[] thumbnail, int width, int height, byte[] sha256, Long pHash) {

        public Processed(byte[] jpeg, byte[] thumbnail, int width, int height) {
            this(jpeg, thumbnail, width, height, null, null);
        }
    }

    enum Format {
        JPEG("jpeg"), PNG("png");

        final String imageIoName;

        Format(String imageIoName) {
            this.imageIoName = imageIoName;
        }
    }

    private final DecodeBudget budget;

    /** With the default decode budget (192 MB or a quarter of the heap) and wait. */
    public PhotoProcessor() {
        this(PhotoProperties.defaults());
    }

    public PhotoProcessor(PhotoProperties properties) {
        this.budget = new DecodeBudget(properties.decodeMemory().toBytes(), properties.decodeWait());
    }

    /** The memory all decodes may hold together. */
    public long decodeBudgetBytes() {
        return budget.totalBytes();
    }

    /** The most decode memory held at once so far. */
    public long peakDecodeBytes() {
        return budget.peakBytes();
    }

    /**
     * Judges the upload by its header (type, pixels, decoded bytes) before anything is decoded, takes its share of
     * the decode budget, decodes it subsampled to what the stored size needs, and re-encodes it. Every failure is a
     * {@link UserErrorException}: UNSUPPORTED_PHOTO, PHOTO_TOO_LARGE, or PHOTO_BUSY (no memory now: try again).
     */
    public Processed process(byte[] content) {
        if (content != null && content.length > MAX_BYTES) {
            throw tooLarge();
        }
        Format format = formatOf(content);
        ImageHeader header = ImageHeader.read(content, format, PhotoProcessor::checkPixels);
        if (header.fullDecodedBytes() > MAX_DECODED_BYTES || header.bufferedBytes() > MAX_DECODED_BYTES) {
            throw tooLargeToDecode();
        }
        Plan plan = plan(header, budget.totalBytes());
        int orientation = format == Format.PNG ? pngOrientation(header.pngExif()) : orientation(content);
        try (DecodeBudget.Lease lease = budget.acquire(plan.bytes())) {
            BufferedImage decoded = decode(header, plan.subsampling());
            // scale before turning: the same longest side either way, and turning a small image is cheap
            BufferedImage scaled = fit(decoded, MAX_SIDE);
            BufferedImage upright = upright(scaled, orientation);
            BufferedImage thumbnail = fit(upright, THUMBNAIL_SIDE);
            byte[] jpeg = encode(upright);
            return new Processed(jpeg, encode(thumbnail), upright.getWidth(), upright.getHeight(),
                    Likeness.sha256(jpeg), Likeness.pHash(thumbnail));
        } catch (OutOfMemoryError e) {
            // the budget is an estimate and the heap is shared: answer "try again", never leave the request hanging
            log.error("Out of memory while processing a {} photo of {}x{}", format, header.width(), header.height());
            throw busy();
        }
    }

    /**
     * How to decode: the coarsest whole-pixel subsampling that still leaves at least {@value #MAX_SIDE} px on the
     * longest side (the stored size), made coarser while the estimate does not fit the whole budget.
     */
    static Plan plan(ImageHeader header, long budgetBytes) {
        int longest = Math.max(header.width(), header.height());
        int subsampling = Math.max(1, longest / MAX_SIDE);
        long bytes = estimate(header, subsampling);
        while (bytes > budgetBytes && subsampling < longest) {
            subsampling = Math.min(longest, Math.max(subsampling + 1, subsampling * 5 / 4));
            bytes = estimate(header, subsampling);
        }
        return new Plan(subsampling, bytes);
    }

    /**
     * Memory a decode holds at its peak: the decoded raster at the subsampled size; the RGB copy fit() draws from it
     * (the same size when no scaling is needed, else its halvings, at most half as much again); the stored-size image
     * and its upright copy; whatever the decoder buffers whole; the file as the decoder reads it (a copy and ImageIO's
     * stream cache); and a megabyte for the rest.
     */
    static long estimate(ImageHeader header, int subsampling) {
        long width = (header.width() + subsampling - 1) / subsampling;
        long height = (header.height() + subsampling - 1) / subsampling;
        long decodedPixels = width * height;
        long longest = Math.max(width, height);
        double scale = Math.min(1.0, (double) MAX_SIDE / longest);
        long outputPixels = Math.max(1, Math.round(width * scale)) * Math.max(1, Math.round(height * scale));
        long rgbCopy = longest <= MAX_SIDE ? decodedPixels * 4 : decodedPixels * 2;
        return decodedPixels * header.decodedBytesPerPixel() + rgbCopy + outputPixels * 4L * 2 + header.bufferedBytes()
                + header.decodable().length * 2L + 1024 * 1024;
    }

    record Plan(int subsampling, long bytes) {
    }

    /** JPEG or PNG by their magic bytes; a file's name or declared type proves nothing. */
    static Format formatOf(byte[] content) {
        if (startsWith(content, JPEG_MAGIC)) {
            return Format.JPEG;
        }
        if (startsWith(content, PNG_MAGIC)) {
            return Format.PNG;
        }
        throw unsupported();
    }

    private static boolean startsWith(byte[] content, byte[] magic) {
        return content != null
                && content.length >= magic.length
                && Arrays.equals(content, 0, magic.length, magic, 0, magic.length);
    }

    /** EXIF orientation 1..8; 1 (as stored) when absent or unreadable, since broken metadata is no reason to refuse. */
    static int orientation(byte[] content) {
        try {
            // the EXIF segment only: no other metadata of the upload is parsed
            Metadata metadata = JpegMetadataReader.readMetadata(new ByteArrayInputStream(content), List.of(new ExifReader()));
            return orientationOf(metadata);
        } catch (JpegProcessingException | IOException | MetadataException | RuntimeException e) {
            log.debug("No usable EXIF orientation: {}", e.toString());
            return 1;
        }
    }

    /**
     * Decodes with the given subsampling, so that only the pixels kept are ever allocated. Any failure of the
     * decoder, even an Error (other than running out of memory), means the file is not an image we can take.
     */
    private static int orientationOf(Metadata metadata) throws MetadataException {
        ExifIFD0Directory exif = metadata.getFirstDirectoryOfType(ExifIFD0Directory.class);
        if (exif == null || !exif.containsTag(ExifIFD0Directory.TAG_ORIENTATION)) {
            return 1;
        }
        int orientation = exif.getInt(ExifIFD0Directory.TAG_ORIENTATION);
        return orientation >= 1 && orientation <= 8 ? orientation : 1;
    }

    private static BufferedImage decode(ImageHeader header, int subsampling) {
        Format format = header.format();
        ImageReader reader = readerFor(format);
        WarningCounter warnings = new WarningCounter(format == Format.JPEG);
        reader.addIIOReadWarningListener(warnings);
        try (ImageInputStream input = new MemoryCacheImageInputStream(new ByteArrayInputStream(header.decodable()))) {
            reader.setInput(input, true, true);
            // the decoder must see the size our header check saw
            if (reader.getWidth(0) != header.width() || reader.getHeight(0) != header.height()) {
                throw unsupported();
            }
            ImageReadParam param = reader.getDefaultReadParam();
            param.setSourceSubsampling(subsampling, subsampling, 0, 0);
            BufferedImage image = reader.read(0, param);
            // libjpeg only warns about a truncated or damaged file and fills the gap with grey
            if (format == Format.JPEG && warnings.count > 0) {
                throw unsupported();
            }
            return image;
        } catch (UserErrorException | OutOfMemoryError e) {
            throw e;
        } catch (Throwable e) {
            log.debug("Undecodable {} upload: {}", format, e.toString());
            throw unsupported();
        } finally {
            reader.dispose();
        }
    }

    private static ImageReader readerFor(Format format) {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format.imageIoName);
        if (!readers.hasNext()) {
            throw new IllegalStateException("No ImageIO reader for " + format);
        }
        return readers.next();
    }

    static void checkPixels(int width, int height) {
        if (width <= 0 || height <= 0) {
            throw unsupported();
        }
        if ((long) width * height > MAX_PIXELS) {
            throw UserError.of(ErrorCode.UNSUPPORTED_PHOTO,
                    "photo.resolution-too-large",
                    "file").exception();
        }
    }

    /**
     * An RGB copy (transparent areas white) whose longest side is at most {@code maxSide}; never larger than
     * the source. Halves with bilinear filtering while at least twice too big, so every source pixel counts,
     * then one bicubic step to the exact size.
     */
    static BufferedImage fit(BufferedImage source, int maxSide) {
        int width = source.getWidth();
        int height = source.getHeight();
        int longest = Math.max(width, height);
        if (longest <= maxSide) {
            return redraw(source, width, height, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
        }
        double scale = (double) maxSide / longest;
        int targetWidth = Math.max(1, (int) Math.round(width * scale));
        int targetHeight = Math.max(1, (int) Math.round(height * scale));
        BufferedImage current = source;
        while (width / 2 >= targetWidth && height / 2 >= targetHeight) {
            width /= 2;
            height /= 2;
            current = redraw(current, width, height, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        }
        if (width != targetWidth || height != targetHeight || current == source) {
            current = redraw(current, targetWidth, targetHeight, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
        }
        return current;
    }

    private static BufferedImage redraw(BufferedImage source, int width, int height, Object interpolation) {
        BufferedImage target = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = target.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, interpolation);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.setRenderingHint(RenderingHints.KEY_ALPHA_INTERPOLATION, RenderingHints.VALUE_ALPHA_INTERPOLATION_QUALITY);
            g.drawImage(source, 0, 0, width, height, null);
        } finally {
            g.dispose();
        }
        return target;
    }

    /** Applies EXIF orientation: the stored pixels as the camera wrote them, turned and mirrored to be upright. */
    static BufferedImage upright(BufferedImage image, int orientation) {
        if (orientation == 1) {
            return image;
        }
        int w = image.getWidth();
        int h = image.getHeight();
        boolean swapsSides = orientation >= 5;
        AffineTransform transform = switch (orientation) {
            case 2 -> new AffineTransform(-1, 0, 0, 1, w, 0);   // mirrored left-right
            case 3 -> new AffineTransform(-1, 0, 0, -1, w, h);  // turned 180°
            case 4 -> new AffineTransform(1, 0, 0, -1, 0, h);   // mirrored top-bottom
            case 5 -> new AffineTransform(0, 1, 1, 0, 0, 0);    // transposed
            case 6 -> new AffineTransform(0, 1, -1, 0, h, 0);   // turned 90° clockwise
            case 7 -> new AffineTransform(0, -1, -1, 0, h, w);  // transversed
            case 8 -> new AffineTransform(0, -1, 1, 0, 0, w);   // turned 90° anticlockwise
            default -> new AffineTransform();
        };
        BufferedImage target = new BufferedImage(swapsSides ? h : w, swapsSides ? w : h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = target.createGraphics();
        try {
            // quarter turns and mirrors move whole pixels: no interpolation, so nothing blurs
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
            g.drawImage(image, transform, null);
        } finally {
            g.dispose();
        }
        return target;
    }

    /** JPEG written from pixels only: ImageIO adds a JFIF header and nothing from the upload's metadata. */
    static byte[] encode(BufferedImage image) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(JPEG_QUALITY);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream output = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(output);
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    /** EXIF orientation from a PNG's eXIf chunk (rare, but some phones write it); 1 when absent or unreadable. */
    static int pngOrientation(byte[] exif) {
        if (exif == null) {
            return 1;
        }
        try {
            Metadata metadata = new Metadata();
            new ExifReader().extract(new ByteArrayReader(exif), metadata);
            return orientationOf(metadata);
        } catch (RuntimeException | MetadataException e) {
            log.debug("No usable PNG EXIF orientation: {}", e.toString());
            return 1;
        }
    }

    static UserErrorException unsupported() {
        return UserError.of(ErrorCode.UNSUPPORTED_PHOTO,
                "photo.unsupported",
                "file").exception();
    }

    static UserErrorException tooLargeToDecode() {
        return UserError.of(ErrorCode.PHOTO_TOO_LARGE,
                "photo.too-large-to-decode", "file").exception();
    }

    /** No decode memory now: the client should try again in a few seconds. */
    public static RetryLater busy() {
        return new RetryLater(UserError.of(ErrorCode.PHOTO_BUSY,
                "photo.busy",
                "file"), BUSY_RETRY_AFTER);
    }

    static UserErrorException tooLarge() {
        return UserError.of(ErrorCode.PHOTO_TOO_LARGE,
                "photo.too-large", "file").exception();
    }

    private static final class WarningCounter implements IIOReadWarningListener {

        int count;

        private final boolean stopAtFirst;

        WarningCounter(boolean stopAtFirst) {
            this.stopAtFirst = stopAtFirst;
        }

        @Override
        public void warningOccurred(ImageReader source, String warning) {
            count++;
            if (stopAtFirst) {
                // a damaged JPEG is refused anyway: stop rather than decode the rest of a possibly huge image as grey
                source.abort();
            }
        }
    }
}
