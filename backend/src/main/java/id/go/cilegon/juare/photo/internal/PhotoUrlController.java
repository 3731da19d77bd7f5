package id.go.cilegon.juare.photo.internal;

import id.go.cilegon.juare.platform.PlainField;
import graphql.schema.DataFetchingEnvironment;
import id.go.cilegon.juare.photo.Photo;
import id.go.cilegon.juare.photo.PhotoUrls;
import id.go.cilegon.juare.platform.PublicUrl;
import java.time.Instant;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/**
 * Photo.url and thumbnailUrl as signed, absolute URLs an image loader fetches without a header (ADR 0032). Signed
 * here, where the field resolves: a Photo is only reached through something the caller may see (ADR 0015).
 */
@Controller
class PhotoUrlController {

    private final PhotoUrls urls;
    private final PublicUrl publicUrl;

    PhotoUrlController(PhotoUrls urls, PublicUrl publicUrl) {
        this.urls = urls;
        this.publicUrl = publicUrl;
    }

    @PlainField
    @SchemaMapping(typeName = "Photo", field = "url")
    String url(Photo photo, DataFetchingEnvironment environment) {
        return urls.signed(publicUrl.from(environment.getGraphQlContext()), photo.id(), false);
    }

    @PlainField
    @SchemaMapping(typeName = "Photo", field = "thumbnailUrl")
    String thumbnailUrl(Photo photo, DataFetchingEnvironment environment) {
        return urls.signed(publicUrl.from(environment.getGraphQlContext()), photo.id(), true);
    }

    @PlainField
    @SchemaMapping(typeName = "Photo", field = "urlExpiresAt")
    Instant urlExpiresAt(Photo photo) {
        return urls.reportedExpiry();
    }
}
