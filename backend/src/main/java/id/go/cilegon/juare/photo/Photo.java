package id.go.cilegon.juare.photo;

import java.util.UUID;

/**
 * A stored photo (GraphQL type Photo). {@code url} and {@code thumbnailUrl} are the unsigned paths; clients get them
 * signed and absolute (PhotoUrls, ADR 0032) from the GraphQL fields and the upload's answer.
 *
 * @param kind EVIDENCE (filed with a complaint or a dispute's evidence), AFTER (the OPD's proof of the fix), DISPUTE
 */
public record Photo(UUID id, int width, int height, String url, String thumbnailUrl, String kind) {

    public static final String EVIDENCE = "EVIDENCE";
    public static final String AFTER = "AFTER";
    public static final String DISPUTE = "DISPUTE";

    public static Photo of(UUID id, int width, int height) {
        return of(id, width, height, EVIDENCE);
    }

    public static Photo of(UUID id, int width, int height, String kind) {
        return new Photo(id, width, height, "/api/photos/" + id, "/api/photos/" + id + "/thumbnail", kind);
    }
}
