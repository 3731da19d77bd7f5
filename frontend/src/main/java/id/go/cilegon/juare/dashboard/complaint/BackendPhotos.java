package id.go.cilegon.juare.dashboard.complaint;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import id.go.cilegon.juare.dashboard.backend.BackendException;
import id.go.cilegon.juare.dashboard.backend.BackendFiles;
import id.go.cilegon.juare.dashboard.backend.BackendSession;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClientException;

/**
 * The backend's photo endpoint ({@code /api/photos}), called with the staff member's bearer token: uploads of
 * after-photos, and the images the {@link PhotoProxy} passes on to the browser.
 */
@Component
public class BackendPhotos {

    /** The backend's limit (PhotoProcessor.MAX_BYTES): 10 MB, JPEG or PNG. */
    public static final int MAX_BYTES = 10 * 1024 * 1024;
    public static final List<String> ACCEPTED_TYPES = List.of("image/jpeg", "image/png");

    private static final Pattern PHOTO_ID = Pattern.compile("[0-9a-fA-F-]{36}");
    private static final byte[] JPEG_MAGIC = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
    /** What of the backend's answer reaches the browser. */
    private static final List<MediaType> ACCEPTED_IMAGES = List.of(MediaType.IMAGE_JPEG, MediaType.IMAGE_PNG, MediaType.ALL);
    private static final List<String> PASSED_HEADERS = List.of(HttpHeaders.CONTENT_TYPE, HttpHeaders.CONTENT_LENGTH,
            HttpHeaders.CACHE_CONTROL, HttpHeaders.ETAG, HttpHeaders.LAST_MODIFIED, "X-Content-Type-Options");

    private final BackendFiles files;

    public BackendPhotos(BackendFiles files) {
        this.files = files;
    }

    /** A stored photo as the upload answers it. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Uploaded(String id, int width, int height) {
    }

    /**
     * Uploads a JPEG or PNG (at most 10 MB; checked here first by its bytes, so a PDF never leaves the dashboard) and
     * returns the backend's photo. A refusal comes as {@link ComplaintRefused} with the backend's code
     * ({@code PHOTO_TOO_LARGE}, {@code UNSUPPORTED_PHOTO}, ...).
     */
    public Uploaded upload(BackendSession session, String fileName, byte[] content) {
        MediaType type = checkedType(content);
        MultipartBodyBuilder body = new MultipartBodyBuilder();
        body.part("file", new ByteArrayResource(content))
                .filename(fileName == null || fileName.isBlank() ? "photo" : fileName)
                .contentType(type);
        try {
            return files.rest().post()
                    .uri("/api/photos")
                    .header(HttpHeaders.AUTHORIZATION, files.bearer(session))
                    .contentType(MediaType.MULTIPART_FORM_DATA)
                    .body(body.build())
                    .exchange((request, answer) -> {
                        if (answer.getStatusCode().is2xxSuccessful()) {
                            Uploaded uploaded = answer.bodyTo(Uploaded.class);
                            if (uploaded == null || uploaded.id() == null) {
                                throw new BackendException("UPLOAD_FAILED", "no photo in the upload answer");
                            }
                            return uploaded;
                        }
                        throw refusal(answer.getStatusCode(), answer.bodyTo(ErrorBody.class));
                    });
        } catch (RestClientException e) {
            throw new BackendException(BackendException.UNAVAILABLE, "photo upload: " + e.getMessage(), e);
        }
    }

    /** JPEG or PNG by the magic bytes, as the backend judges; a clear refusal for anything else. */
    static MediaType checkedType(byte[] content) {
        if (content == null || content.length == 0) {
            throw ComplaintRefused.dashboard("UNSUPPORTED_PHOTO", "complaint.upload.empty", "file");
        }
        if (content.length > MAX_BYTES) {
            throw ComplaintRefused.dashboard("PHOTO_TOO_LARGE", "complaint.upload.tooLarge", "file");
        }
        if (startsWith(content, JPEG_MAGIC)) {
            return MediaType.IMAGE_JPEG;
        }
        if (startsWith(content, PNG_MAGIC)) {
            return MediaType.IMAGE_PNG;
        }
        throw ComplaintRefused.dashboard("UNSUPPORTED_PHOTO", "complaint.upload.type", "file");
    }

    private static boolean startsWith(byte[] content, byte[] magic) {
        return content.length >= magic.length && java.util.Arrays.equals(content, 0, magic.length, magic, 0, magic.length);
    }

    /**
     * Streams a photo (or its thumbnail) from the backend to {@code target}: its status, content type and cache headers
     * as the backend sent them; 404 for an id that cannot be one; 502 when the backend cannot be reached.
     */
    public void stream(BackendSession session, String photoId, boolean thumbnail, BackendFiles.Target target) {
        if (photoId == null || !PHOTO_ID.matcher(photoId).matches()) {
            target.status(404);
            return;
        }
        files.stream(session, thumbnail ? "/api/photos/{id}/thumbnail" : "/api/photos/{id}", new Object[] {photoId},
                ACCEPTED_IMAGES, PASSED_HEADERS, target);
    }

    private static ComplaintRefused refusal(HttpStatusCode status, ErrorBody body) {
        if (body == null || body.error() == null || body.error().code() == null) {
            return ComplaintRefused.dashboard("UPLOAD_FAILED", "complaint.upload.failed", "file", status.value());
        }
        return new ComplaintRefused(body.error().code(), body.error().message(), "file");
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record ErrorBody(Detail error) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Detail(String code, String message) {
    }
}
