package id.go.cilegon.juare.photo.internal;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * What an upload's header says, read straight from the bytes before any decoder runs: size, bytes per decoded
 * pixel and, for a JPEG the decoder must buffer whole (progressive or multi-scan), its coefficient memory. A PNG is
 * also handed to the decoder with only the chunks that make pixels (IHDR, PLTE, tRNS, IDAT, IEND): text chunks,
 * ICC profiles and anything unknown never reach a decoder, so no compressed metadata is ever inflated.
 *
 * @param decodedBytesPerPixel what one pixel takes in the decoder's raster (conservative)
 * @param bufferedBytes        memory the decoder needs whatever the subsampling (a JPEG's whole coefficient buffer)
 * @param decodable            the bytes to give the decoder
 * @param pngExif              a PNG's eXIf chunk (the TIFF block), or null
 */
record ImageHeader(PhotoProcessor.Format format, int width, int height, int decodedBytesPerPixel, long bufferedBytes,
                   byte[] decodable, byte[] pngExif) {

    /** Past this a PNG's eXIf chunk is not read: a real one is a few kilobytes. */
    private static final int MAX_EXIF = 64 * 1024;

    private static final int IHDR = type("IHDR");
    private static final int PLTE = type("PLTE");
    private static final int TRNS = type("tRNS");
    private static final int IDAT = type("IDAT");
    private static final int IEND = type("IEND");
    private static final int EXIF = type("eXIf");

    long pixels() {
        return (long) width * height;
    }

    /** The decoded size at full resolution: what a decoder without subsampling would allocate. */
    long fullDecodedBytes() {
        return pixels() * decodedBytesPerPixel;
    }

    /**
     * Reads the header of a JPEG or PNG whose magic bytes were checked. The size check runs on the dimensions as
     * soon as they are known, before anything else is looked at. Throws UNSUPPORTED_PHOTO for a damaged, truncated
     * or unsupported file.
     */
    static ImageHeader read(byte[] content, PhotoProcessor.Format format, SizeCheck sizeCheck) {
        try {
            return format == PhotoProcessor.Format.PNG ? png(content, sizeCheck) : jpeg(content, sizeCheck);
        } catch (IndexOutOfBoundsException | java.nio.BufferUnderflowException e) {
            throw PhotoProcessor.unsupported();
        }
    }

    /** Checks the dimensions from the header (and refuses when they are too many pixels). */
    @FunctionalInterface
    interface SizeCheck {
        void check(int width, int height);
    }

    // --- PNG ---

    private static ImageHeader png(byte[] content, SizeCheck sizeCheck) {
        ByteBuffer in = ByteBuffer.wrap(content);
        in.position(8);
        int ihdrLength = in.getInt();
        if (ihdrLength != 13 || in.getInt() != IHDR) {
            throw PhotoProcessor.unsupported();
        }
        int width = in.getInt();
        int height = in.getInt();
        int bitDepth = in.get() & 0xFF;
        int colorType = in.get() & 0xFF;
        sizeCheck.check(width, height);
        int channels = switch (colorType) {
            case 0 -> validDepth(bitDepth, 1, 2, 4, 8, 16) ? 1 : -1;
            case 2 -> validDepth(bitDepth, 8, 16) ? 3 : -1;
            case 3 -> validDepth(bitDepth, 1, 2, 4, 8) ? 1 : -1;
            case 4 -> validDepth(bitDepth, 8, 16) ? 2 : -1;
            case 6 -> validDepth(bitDepth, 8, 16) ? 4 : -1;
            default -> -1;
        };
        if (channels < 0) {
            throw PhotoProcessor.unsupported();
        }

        ByteArrayOutputStream kept = new ByteArrayOutputStream(content.length);
        kept.write(content, 0, 8);
        int offset = 8;
        boolean transparency = false;
        boolean imageData = false;
        byte[] exif = null;
        while (offset < content.length) {
            // a chunk: length, type, data, CRC; a length past the end is a truncated (or lying) file
            if (offset + 12 > content.length) {
                throw PhotoProcessor.unsupported();
            }
            long length = Integer.toUnsignedLong(ByteBuffer.wrap(content, offset, 4).getInt());
            int type = ByteBuffer.wrap(content, offset + 4, 4).getInt();
            if (length > content.length - offset - 12) {
                throw PhotoProcessor.unsupported();
            }
            int chunkEnd = offset + 12 + (int) length;
            if (type == IEND) {
                break;
            }
            if (type == IHDR || type == PLTE || type == TRNS || type == IDAT) {
                kept.write(content, offset, chunkEnd - offset);
                transparency |= type == TRNS;
                imageData |= type == IDAT;
            } else if (type == EXIF && exif == null && length <= MAX_EXIF) {
                exif = Arrays.copyOfRange(content, offset + 8, chunkEnd - 4);
            }
            offset = chunkEnd;
        }
        if (!imageData) {
            throw PhotoProcessor.unsupported();
        }
        kept.writeBytes(new byte[] {0, 0, 0, 0, 'I', 'E', 'N', 'D', (byte) 0xAE, 0x42, 0x60, (byte) 0x82});

        // samples of 16 bits stay 16 bits in ImageIO's raster; a tRNS colour key may add an alpha band;
        // palette images are counted as RGBA in case a decoder expands them
        int bytesPerSample = bitDepth == 16 ? 2 : 1;
        int bands = colorType == 3 ? 4 : channels + (transparency ? 1 : 0);
        return new ImageHeader(PhotoProcessor.Format.PNG, width, height, bands * bytesPerSample, 0,
                kept.toByteArray(), exif);
    }

    private static boolean validDepth(int depth, int... allowed) {
        return Arrays.stream(allowed).anyMatch(d -> d == depth);
    }

    private static int type(String name) {
        return ByteBuffer.wrap(name.getBytes(StandardCharsets.US_ASCII)).getInt();
    }

    // --- JPEG ---

    private static ImageHeader jpeg(byte[] content, SizeCheck sizeCheck) {
        int offset = 2;
        Frame frame = null;
        while (true) {
            if ((content[offset] & 0xFF) != 0xFF) {
                throw PhotoProcessor.unsupported();
            }
            while ((content[offset] & 0xFF) == 0xFF) {
                offset++; // fill bytes
            }
            int marker = content[offset] & 0xFF;
            offset++;
            if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
                continue; // markers without a length
            }
            if (marker == 0xD8 || marker == 0xD9) {
                throw PhotoProcessor.unsupported(); // a second start, or the end, before any image data
            }
            int length = ((content[offset] & 0xFF) << 8) | (content[offset + 1] & 0xFF);
            if (length < 2 || offset + length > content.length) {
                throw PhotoProcessor.unsupported();
            }
            if (isStartOfFrame(marker)) {
                if (frame != null || !(marker == 0xC0 || marker == 0xC1 || marker == 0xC2)) {
                    // lossless, hierarchical and arithmetic-coded JPEGs: not from a phone, not decodable here
                    throw PhotoProcessor.unsupported();
                }
                frame = frame(content, offset, length, marker == 0xC2, sizeCheck);
            } else if (marker == 0xDA) {
                if (frame == null) {
                    throw PhotoProcessor.unsupported();
                }
                int componentsInScan = content[offset + 2] & 0xFF;
                // libjpeg keeps every coefficient of the image when the first scan does not hold all components
                // (a multi-scan baseline file) or the file is progressive
                boolean buffered = frame.progressive || componentsInScan < frame.components.length;
                return new ImageHeader(PhotoProcessor.Format.JPEG, frame.width, frame.height,
                        frame.components.length == 1 ? 1 : Math.max(3, frame.components.length),
                        buffered ? frame.coefficientBytes() : 0, content, null);
            }
            offset += length;
        }
    }

    private static boolean isStartOfFrame(int marker) {
        return marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
    }

    private static Frame frame(byte[] content, int offset, int length, boolean progressive, SizeCheck sizeCheck) {
        int precision = content[offset + 2] & 0xFF;
        int height = ((content[offset + 3] & 0xFF) << 8) | (content[offset + 4] & 0xFF);
        int width = ((content[offset + 5] & 0xFF) << 8) | (content[offset + 6] & 0xFF);
        int count = content[offset + 7] & 0xFF;
        // a height of 0 means "given later" (DNL): a header that does not say its size is refused
        sizeCheck.check(width, height);
        if (precision != 8 || count < 1 || count > 4 || length < 8 + 3 * count) {
            throw PhotoProcessor.unsupported();
        }
        int[][] sampling = new int[count][2];
        for (int i = 0; i < count; i++) {
            int factors = content[offset + 9 + 3 * i] & 0xFF;
            sampling[i][0] = factors >> 4;
            sampling[i][1] = factors & 0x0F;
            if (sampling[i][0] < 1 || sampling[i][0] > 4 || sampling[i][1] < 1 || sampling[i][1] > 4) {
                throw PhotoProcessor.unsupported();
            }
        }
        return new Frame(width, height, progressive, sampling);
    }

    private record Frame(int width, int height, boolean progressive, int[][] components) {

        /** libjpeg's whole-image coefficient arrays: 64 coefficients of 2 bytes per 8×8 block, per component. */
        long coefficientBytes() {
            int maxH = Arrays.stream(components).mapToInt(c -> c[0]).max().orElse(1);
            int maxV = Arrays.stream(components).mapToInt(c -> c[1]).max().orElse(1);
            // whole MCUs: the image rounded up to the MCU size
            long mcuColumns = ceilDiv(width, 8L * maxH);
            long mcuRows = ceilDiv(height, 8L * maxV);
            long blocks = 0;
            for (int[] c : components) {
                blocks += mcuColumns * c[0] * mcuRows * c[1];
            }
            return blocks * 64 * 2;
        }

        private static long ceilDiv(long a, long b) {
            return (a + b - 1) / b;
        }
    }
}
