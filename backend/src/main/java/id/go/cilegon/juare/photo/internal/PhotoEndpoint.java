package id.go.cilegon.juare.photo.internal;

import id.go.cilegon.juare.auth.Caller;
import id.go.cilegon.juare.auth.CurrentCaller;
import id.go.cilegon.juare.photo.Photo;
import id.go.cilegon.juare.photo.PhotoOwner;
import id.go.cilegon.juare.photo.PhotoService;
import id.go.cilegon.juare.platform.ApiException;
import id.go.cilegon.juare.platform.CallerLanguage;
import id.go.cilegon.juare.platform.ErrorCode;
import id.go.cilegon.juare.platform.HttpErrors;
import id.go.cilegon.juare.platform.Messages;
import id.go.cilegon.juare.platform.UserErrorException;
import java.net.URI;
import java.util.UUID;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.codec.DecodingException;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.multipart.Part;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * {@code POST /api/photos} (multipart/form-data, part {@code file}, a resident's bearer token) and
 * {@code GET /api/photos/{id}[/thumbnail]}. Errors are GraphQL-shaped JSON (HttpErrors):
 * {@code {"errors":[{"message":…,"extensions":{"code":…}}]}}.
 */
@RestController
@RequestMapping("/api/photos")
class PhotoEndpoint {

    private static final Logger log = LoggerFactory.getLogger(PhotoEndpoint.class);

    static final String PART = "file";
    // a 10 MB photo plus the multipart envelope (boundaries, part headers)
    static final long MAX_REQUEST_BYTES = 11L * 1024 * 1024;
    // only the resident's own client may keep it; CacheControl's builder would write "max-age=86400, private"
    private static final String CACHE = "private, max-age=86400";

    private final PhotoService photos;
    private final Messages messages;

    PhotoEndpoint(PhotoService photos, Messages messages) {
        this.photos = photos;
        this.messages = messages;
    }

    @PostMapping
    Mono<ResponseEntity<Photo>> upload(ServerWebExchange exchange) {
        return CurrentCaller.get()
                .flatMap(PhotoEndpoint::uploader)
                .flatMap(owner -> upload(owner, exchange));
    }

    /** Residents upload evidence; OPD staff upload after-photos; nobody else uploads. */
    private static Mono<PhotoOwner> uploader(Caller caller) {
        if (caller.isResident()) {
            return Mono.just(PhotoOwner.resident(caller.id()));
        }
        if (caller.isOpdStaff()) {
            return Mono.just(PhotoOwner.staffMember(caller.id()));
        }
        return Mono.error(caller.isStaff() ? ApiException.forbidden() : ApiException.unauthenticated());
    }

    private Mono<ResponseEntity<Photo>> upload(PhotoOwner owner, ServerWebExchange exchange) {
        // refused before a byte of the body is read
        if (exchange.getRequest().getHeaders().getContentLength() > MAX_REQUEST_BYTES) {
            return Mono.error(PhotoProcessor.tooLarge());
        }
        if (!MediaType.MULTIPART_FORM_DATA.isCompatibleWith(exchange.getRequest().getHeaders().getContentType())) {
            return Mono.error(missingFile());
        }
        return exchange.getMultipartData()
                .flatMap(PhotoEndpoint::filePart)
                .flatMap(PhotoEndpoint::readAtMostTenMegabytes)
                .flatMap(content -> photos.upload(owner, content))
                .map(PhotoEndpoint::created);
    }

    private static Mono<Part> filePart(MultiValueMap<String, Part> parts) {
        Part part = parts.getFirst(PART);
        return part == null ? Mono.error(missingFile()) : Mono.just(part);
    }

    private static Mono<byte[]> readAtMostTenMegabytes(Part part) {
        return DataBufferUtils.join(part.content(), PhotoProcessor.MAX_BYTES)
                .map(PhotoEndpoint::toBytes)
                .defaultIfEmpty(new byte[0]);
    }

    private static byte[] toBytes(DataBuffer buffer) {
        try {
            byte[] bytes = new byte[buffer.readableByteCount()];
            buffer.read(bytes);
            return bytes;
        } finally {
            DataBufferUtils.release(buffer);
        }
    }

    private static ResponseEntity<Photo> created(Photo photo) {
        return ResponseEntity.created(URI.create(photo.url()))
                .contentType(MediaType.APPLICATION_JSON)
                .body(photo);
    }

    private static ApiException missingFile() {
        return ApiException.invalidInput("photo.multipart-file");
    }

    @GetMapping("/{id}")
    Mono<ResponseEntity<byte[]>> photo(@PathVariable String id) {
        return image(id, false);
    }

    @GetMapping("/{id}/thumbnail")
    Mono<ResponseEntity<byte[]>> thumbnail(@PathVariable String id) {
        return image(id, true);
    }

    private Mono<ResponseEntity<byte[]>> image(String id, boolean thumbnail) {
        UUID photoId = parseId(id);
        if (photoId == null) {
            return Mono.error(notFound());
        }
        return CurrentCaller.get()
                .flatMap(caller -> photos.content(caller, photoId, thumbnail))
                .map(PhotoEndpoint::jpeg)
                .switchIfEmpty(Mono.error(PhotoEndpoint::notFound));
    }

    private static ResponseEntity<byte[]> jpeg(byte[] content) {
        return ResponseEntity.ok()
                .contentType(MediaType.IMAGE_JPEG)
                .header(HttpHeaders.CACHE_CONTROL, CACHE)
                .header("X-Content-Type-Options", "nosniff")
                .body(content);
    }

    private static UUID parseId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    // the same answer for "no such photo" and "not yours": existence is not revealed
    private static ApiException notFound() {
        return new ApiException(ErrorCode.NOT_FOUND, "photo.not-found");
    }

    @ExceptionHandler
    ResponseEntity<HttpErrors.Body> userError(UserErrorException e, ServerWebExchange exchange) {
        ResponseEntity<HttpErrors.Body> answer = error(statusOf(e.error().code()), e.error().code().name(),
                messages.text(CallerLanguage.of(exchange), e.error()));
        if (e instanceof RetryLater retry) {
            return ResponseEntity.status(answer.getStatusCode())
                    .headers(answer.getHeaders())
                    .header(HttpHeaders.RETRY_AFTER, Long.toString(retry.afterSeconds()))
                    .body(answer.getBody());
        }
        return answer;
    }

    @ExceptionHandler
    ResponseEntity<HttpErrors.Body> apiError(ApiException e, ServerWebExchange exchange) {
        String message = messages.text(CallerLanguage.of(exchange), e);
        if (e.code() == ErrorCode.PHOTO_STORE_UNAVAILABLE) {
            // nothing was kept (PhotoService removes what was written): the app uploads again after a while
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .header(HttpHeaders.RETRY_AFTER, "10")
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(HttpErrors.body(e.code().name(), message));
        }
        return error(statusOf(e.code()), e.code().name(), message);
    }

    /** Over a limit while reading the body: ours (join) or the multipart reader's (part size on disk). */
    @ExceptionHandler
    ResponseEntity<HttpErrors.Body> overLimit(DataBufferLimitException e, ServerWebExchange exchange) {
        return userError(PhotoProcessor.tooLarge(), exchange);
    }

    @ExceptionHandler
    ResponseEntity<HttpErrors.Body> malformedMultipart(DecodingException e, ServerWebExchange exchange) {
        return apiError(missingFile(), exchange);
    }

    @ExceptionHandler
    ResponseEntity<HttpErrors.Body> frameworkStatus(ResponseStatusException e, ServerWebExchange exchange) {
        if (e.getStatusCode().value() == HttpStatus.CONTENT_TOO_LARGE.value()) {
            return userError(PhotoProcessor.tooLarge(), exchange);
        }
        if (e.getStatusCode().is4xxClientError()) {
            return error(e.getStatusCode(), ErrorCode.INVALID_INPUT.name(),
                    messages.text(CallerLanguage.of(exchange), "request.invalid"));
        }
        return unexpected(e, exchange);
    }

    @ExceptionHandler
    ResponseEntity<HttpErrors.Body> busy(RejectedExecutionException e, ServerWebExchange exchange) {
        return userError(PhotoProcessor.busy(), exchange);
    }

    @ExceptionHandler
    ResponseEntity<HttpErrors.Body> unexpected(Exception e, ServerWebExchange exchange) {
        String incident = UUID.randomUUID().toString();
        log.atError().addKeyValue("incident", incident).setCause(e).log("Unexpected failure in the photo endpoint, incident {}", incident);
        return error(HttpStatus.INTERNAL_SERVER_ERROR, "INTERNAL_ERROR",
                messages.text(CallerLanguage.of(exchange), "error.internal", incident));
    }

    static HttpStatus statusOf(ErrorCode code) {
        return switch (code) {
            case PHOTO_TOO_LARGE -> HttpStatus.CONTENT_TOO_LARGE;
            case UNSUPPORTED_PHOTO -> HttpStatus.UNSUPPORTED_MEDIA_TYPE;
            case UNAUTHENTICATED -> HttpStatus.UNAUTHORIZED;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case NOT_FOUND, PHOTO_NOT_FOUND -> HttpStatus.NOT_FOUND;
            case RATE_LIMITED -> HttpStatus.TOO_MANY_REQUESTS;
            case PHOTO_BUSY, PHOTO_STORE_UNAVAILABLE -> HttpStatus.SERVICE_UNAVAILABLE;
            default -> HttpStatus.BAD_REQUEST;
        };
    }

    private static ResponseEntity<HttpErrors.Body> error(HttpStatusCode status, String code, String message) {
        return HttpErrors.entity(status, code, message);
    }
}
