package id.go.cilegon.juare.photo;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.cilegon.juare.photo.internal.PhotoProcessor;
import id.go.cilegon.juare.photo.internal.PhotoProperties;
import id.go.cilegon.juare.photo.internal.RetryLater;
import id.go.cilegon.juare.platform.ErrorCode;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/**
 * Failures inside decoding that no test file can cause on demand: each is answered (Reactor would rethrow an Error
 * on the worker thread and leave the request waiting for ever), and nothing is stored.
 */
class PhotoServiceFailureTest {

    private final AtomicInteger saves = new AtomicInteger();

    private final PhotoStore store = new PhotoStore() {
        @Override
        public Mono<Void> save(UUID id, byte[] image, byte[] thumbnail) {
            saves.incrementAndGet();
            return Mono.empty();
        }

        @Override
        public Mono<byte[]> load(UUID id, boolean thumbnail) {
            return Mono.empty();
        }

        @Override
        public Mono<Void> delete(UUID id) {
            return Mono.empty();
        }
    };

    @Test
    void outOfMemoryWhileDecodingAnswersPhotoBusy() {
        PhotoService photos = failingWith(content -> {
            throw new OutOfMemoryError("Java heap space");
        }, Duration.ofSeconds(60));

        StepVerifier.create(photos.upload(PhotoOwner.staffMember(UUID.randomUUID()), new byte[] {1}))
                .expectErrorSatisfies(e -> {
                    assertThat(e).isInstanceOf(RetryLater.class);
                    assertThat(((RetryLater) e).error().code()).isEqualTo(ErrorCode.PHOTO_BUSY);
                })
                .verify(Duration.ofSeconds(10));
        assertThat(saves).hasValue(0);
    }

    @Test
    void anyOtherErrorIsAnsweredAsAFailure() {
        PhotoService photos = failingWith(content -> {
            throw new StackOverflowError();
        }, Duration.ofSeconds(60));

        StepVerifier.create(photos.upload(PhotoOwner.staffMember(UUID.randomUUID()), new byte[] {1}))
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(IllegalStateException.class)
                        .hasCauseInstanceOf(StackOverflowError.class))
                .verify(Duration.ofSeconds(10));
        assertThat(saves).hasValue(0);
    }

    @Test
    void aDecodeThatNeverEndsAnswersPhotoBusyAfterTheTimeout() {
        PhotoService photos = failingWith(content -> {
            try {
                Thread.sleep(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new PhotoProcessor.Processed(new byte[1], new byte[1], 1, 1);
        }, Duration.ofMillis(300));

        StepVerifier.create(photos.upload(PhotoOwner.staffMember(UUID.randomUUID()), new byte[] {1}))
                .expectErrorSatisfies(e -> assertThat(((RetryLater) e).error().code()).isEqualTo(ErrorCode.PHOTO_BUSY))
                .verify(Duration.ofSeconds(3));
        assertThat(saves).hasValue(0);
    }

    private PhotoService failingWith(Function<byte[], PhotoProcessor.Processed> processing, Duration timeout) {
        PhotoProperties properties = new PhotoProperties(DataSize.ofMegabytes(64), Duration.ofSeconds(1), timeout,
                null, null, null, null);
        // staff uploads: no quota, so no database is needed before decoding
        return new PhotoService(null, store, Clock.systemUTC(), null, null, properties, processing);
    }
}
