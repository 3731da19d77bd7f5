package id.go.cilegon.juare.photo.internal;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.cilegon.juare.support.Images;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.IntSummaryStatistics;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The photo-likeness rule (ADR 0021) on made-up street photos through the real upload processing: the same picture
 * re-encoded, resized, brightened or lightly cropped (4 %) stays within juare.verification.max-distance (10 bits) of
 * the original; other street photos are far beyond it. Prints the distances measured (8 % cropped too, not asserted).
 */
class LikenessTest {

    private static final int MAX_DISTANCE = 10;
    private static final int WIDTH = 1024;
    private static final int HEIGHT = 768;
    private static final int SEEDS = 8;
    private final PhotoProcessor processor = new PhotoProcessor();

    private long stored(BufferedImage image, float quality) {
        return processor.process(Images.jpeg(image, quality)).pHash();
    }

    @Test
    void theSamePictureChangedLightlyIsNearAndOtherStreetsAreFar() {
        List<String> names = List.of("re-encoded", "half size", "640x480", "cropped 4 %", "brighter", "cropped 8 %");
        List<UnaryOperator<BufferedImage>> changes = List.of(
                image -> image,
                image -> Images.resized(image, WIDTH / 2, HEIGHT / 2),
                image -> Images.resized(image, 640, 480),
                image -> Images.cropped(image, 0.04),
                image -> Images.brighter(image, 20),
                image -> Images.cropped(image, 0.08));
        List<IntSummaryStatistics> byChange = new ArrayList<>();
        changes.forEach(c -> byChange.add(new IntSummaryStatistics()));
        IntSummaryStatistics far = new IntSummaryStatistics();
        List<Long> originals = new ArrayList<>();
        for (long seed = 1; seed <= SEEDS; seed++) {
            BufferedImage street = Images.street(seed, WIDTH, HEIGHT);
            long original = stored(street, 0.9f);
            originals.add(original);
            for (int c = 0; c < changes.size(); c++) {
                byChange.get(c).accept(Likeness.distance(original, stored(changes.get(c).apply(street), 0.6f)));
            }
        }
        for (int i = 0; i < originals.size(); i++) {
            for (int j = i + 1; j < originals.size(); j++) {
                far.accept(Likeness.distance(originals.get(i), originals.get(j)));
            }
        }
        StringBuilder line = new StringBuilder("HOSTILE photo-likeness threshold=" + MAX_DISTANCE + " same picture max bits:");
        for (int c = 0; c < changes.size(); c++) {
            line.append(' ').append(names.get(c)).append('=').append(byChange.get(c).getMax());
        }
        line.append(" | other streets pairs=").append(far.getCount()).append(" min/avg/max=").append(far.getMin()).append('/')
                .append(Math.round(far.getAverage())).append('/').append(far.getMax());
        System.out.println(line);
        for (int c = 0; c < changes.size() - 1; c++) {
            assertThat(byChange.get(c).getMax()).as(names.get(c) + " stays near").isLessThanOrEqualTo(MAX_DISTANCE);
        }
        assertThat(far.getMin()).as("no other street looks alike").isGreaterThan(MAX_DISTANCE);
    }

    @Test
    void theSameFileHasTheSameDigestAndAnotherPictureAnother() {
        byte[] upload = Images.jpeg(Images.street(42, 800, 600), 0.8f);
        PhotoProcessor.Processed first = processor.process(upload);
        PhotoProcessor.Processed again = processor.process(upload);
        assertThat(first.sha256()).hasSize(32).isEqualTo(again.sha256());
        assertThat(first.pHash()).isEqualTo(again.pHash());
        assertThat(processor.process(Images.jpeg(Images.street(43, 800, 600), 0.8f)).sha256()).isNotEqualTo(first.sha256());
    }

    @Test
    void distanceCountsDifferingBits() {
        assertThat(Likeness.distance(0L, 0L)).isZero();
        assertThat(Likeness.distance(0L, -1L)).isEqualTo(64);
        assertThat(Likeness.distance(0b1011L, 0b0001L)).isEqualTo(2);
    }
}
