package id.go.cilegon.juare.photo.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import id.go.cilegon.juare.platform.ApiException;
import id.go.cilegon.juare.platform.ErrorCode;
import id.go.cilegon.juare.support.S3Server;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The S3 adapter against a real S3-compatible server (s3rver), signatures checked; and a wrong setting refused at start. */
class S3PhotoStoreTest {

    private static S3PhotoStore store;

    private static PhotoStorageProperties.S3 settings(String bucket, URI endpoint, String secret) {
        return new PhotoStorageProperties.S3(bucket, endpoint, "us-east-1", S3Server.ACCESS_KEY, secret, true, Duration.ofSeconds(5));
    }

    @BeforeAll
    static void connect() {
        store = S3PhotoStore.connect(settings(S3Server.BUCKET, S3Server.get().endpoint(), S3Server.SECRET_KEY));
    }

    @AfterAll
    static void close() {
        store.close();
    }

    @Test
    void storesLoadsAndDeletesBothFiles() {
        UUID id = UUID.randomUUID();
        byte[] image = {(byte) 0xFF, (byte) 0xD8, 1, 2, 3, 4, 5};
        byte[] thumbnail = {(byte) 0xFF, (byte) 0xD8, 9};
        store.save(id, image, thumbnail).block(Duration.ofSeconds(20));
        assertThat(store.load(id, false).block(Duration.ofSeconds(20))).isEqualTo(image);
        assertThat(store.load(id, true).block(Duration.ofSeconds(20))).isEqualTo(thumbnail);
        store.delete(id).block(Duration.ofSeconds(20));
        assertThat(store.load(id, false).blockOptional(Duration.ofSeconds(20))).isEmpty();
        assertThat(store.load(id, true).blockOptional(Duration.ofSeconds(20))).isEmpty();
    }

    @Test
    void anAbsentPhotoIsEmptyAndDeletingItIsNothing() {
        UUID id = UUID.randomUUID();
        assertThat(store.load(id, false).blockOptional(Duration.ofSeconds(20))).isEmpty();
        store.delete(id).block(Duration.ofSeconds(20));
    }

    @Test
    void aSecondStoreOnTheSameBucketSeesTheSamePhotos() {
        UUID id = UUID.randomUUID();
        store.save(id, new byte[] {1, 2, 3}, new byte[] {4}).block(Duration.ofSeconds(20));
        try (S3PhotoStore other = S3PhotoStore.connect(settings(S3Server.BUCKET, S3Server.get().endpoint(), S3Server.SECRET_KEY))) {
            assertThat(other.load(id, false).block(Duration.ofSeconds(20))).containsExactly(1, 2, 3);
        }
    }

    @Test
    void aMissingBucketAWrongEndpointOrWrongKeysStopTheStart() {
        assertThatThrownBy(() -> S3PhotoStore.connect(settings("no-such-bucket", S3Server.get().endpoint(), S3Server.SECRET_KEY)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("no-such-bucket");
        assertThatThrownBy(() -> S3PhotoStore.connect(settings(S3Server.BUCKET, URI.create("http://127.0.0.1:1"), S3Server.SECRET_KEY)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("not reachable");
        assertThatThrownBy(() -> S3PhotoStore.connect(new PhotoStorageProperties.S3(S3Server.BUCKET, S3Server.get().endpoint(),
                "us-east-1", "NOBODY", "wrong-secret", true, Duration.ofSeconds(5))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("keys");
    }

    /** A store that went away after the start: saving fails with the typed, retryable PHOTO_STORE_UNAVAILABLE. */
    @Test
    void aStoreThatWentAwayIsUnavailableNotAnInternalError() throws Exception {
        // an S3 stand-in that accepts the start-up check, then stops
        HttpServer gone = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        gone.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        gone.start();
        URI endpoint = URI.create("http://127.0.0.1:" + gone.getAddress().getPort());
        try (S3PhotoStore away = S3PhotoStore.connect(settings("photos", endpoint, S3Server.SECRET_KEY))) {
            gone.stop(0);
            assertThatThrownBy(() -> away.save(UUID.randomUUID(), new byte[] {1}, new byte[] {2}).block())
                    .isInstanceOfSatisfying(ApiException.class,
                            e -> assertThat(e.code()).isEqualTo(ErrorCode.PHOTO_STORE_UNAVAILABLE));
        }
    }
}
