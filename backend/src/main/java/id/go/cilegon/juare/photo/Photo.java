package id.go.cilegon.juare.photo;

import java.util.UUID;

/** A stored photo as clients see it (GraphQL type Photo, and the body of POST /api/photos). */
public record Photo(UUID id, int width, int height, String url, String thumbnailUrl) {

    public static Photo of(UUID id, int width, int height) {
        return new Photo(id, width, height, "/api/photos/" + id, "/api/photos/" + id + "/thumbnail");
    }
}
