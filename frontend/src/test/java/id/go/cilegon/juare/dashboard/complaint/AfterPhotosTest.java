package id.go.cilegon.juare.dashboard.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AfterPhotosTest {

    @Test
    void aResolutionNeedsOneToFiveUploadedPhotosAndNoneOnItsWay() {
        AfterPhotos photos = new AfterPhotos();
        assertThat(photos.ready()).isFalse();

        photos.started();
        assertThat(photos.busy()).isTrue();
        photos.uploaded("a.jpg", "id-a");
        assertThat(photos.ready()).isTrue();

        photos.started();
        assertThat(photos.ready()).as("one still uploading").isFalse();
        photos.failed();
        assertThat(photos.ready()).isTrue();
        assertThat(photos.photoIds()).containsExactly("id-a");

        for (int i = 0; i < 5; i++) {
            photos.started();
            photos.uploaded("more-" + i + ".png", "id-" + i);
        }
        assertThat(photos.count()).isEqualTo(6);
        assertThat(photos.ready()).as("more than five").isFalse();
        photos.removed("more-4.png");
        assertThat(photos.ready()).isTrue();
        assertThat(photos.photoIds()).containsExactly("id-a", "id-0", "id-1", "id-2", "id-3");

        photos.removed("a.jpg");
        photos.removed("unknown.png");
        assertThat(photos.photoIds()).containsExactly("id-0", "id-1", "id-2", "id-3");
        photos.clear();
        assertThat(photos.ready()).isFalse();
    }
}
