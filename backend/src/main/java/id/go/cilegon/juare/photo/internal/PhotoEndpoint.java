package id.go.cilegon.juare.photo.internal;

import id.go.cilegon.juare.auth.Caller;
import id.go.cilegon.juare.auth.CurrentCaller;
import id.go.cilegon.juare.photo.Photo;
import id.go.cilegon.juare.photo.PhotoOwner;
import id.go.cilegon.juare.photo.PhotoService;
import id.go.cilegon.juare.photo.PhotoStore;
import id.go.cilegon.juare.photo.PhotoUrls;
import id.go.cilegon.juare.platform.ApiException;
import id.go.cilegon.juare.platform.CallerLanguage;
import id.go.cilegon.juare.platform.ErrorCode;
import id.go.cilegon.juare.platform.HttpErrors;
import id.go.cilegon.juare.platform.Messages;
import id.go.cilegon.juare.platform.PublicUrl;
import id.go.cilegon.juare.platform.UserErrorException;
import java.net.URI;
import java.time.Instant;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * {@code POST /api/photos} (multipart/form-data, part {@code file}, a resident's bearer token) and
 * {@code GET /api/photos/{id}[/thumbnail]}: either signed ({@code ?exp=…&sig=…}, no Authorization header needed, see
 * {@link PhotoUrls}; ADR 0032) or with the bearer token of someone who may see it. Errors are GraphQL-shaped JSON
 * (HttpErrors): {@code {"errors":[{"message":…,"extensions":{"code":…}}]}}; a refused signed URL answers NOT_FOUND.
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
    private final PhotoStore store;
    private final PhotoUrls urls;
    private final PublicUrl publicUrl;
    private final Messages messages;

    PhotoEndpoint(PhotoService photos, PhotoStore store, PhotoUrls urls, PublicUrl publicUrl, Messages messages) {
        this.photos = photos;
        this.store = store;
        this.urls = urls;
        this.publicUrl = publicUrl;
        this.messages = messages;
    }

    @PostMapping
    Mono<ResponseEntity<Uploaded>> upload(ServerWebExchange exchange) {
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

    private Mono<ResponseEntity<Uploaded>> upload(PhotoOwner owner, ServerWebExchange exchange) {
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
                .map(photo -> created(photo, base(exchange)));
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

    private ResponseEntity<Uploaded> created(Photo photo, String base) {
        return ResponseEntity.created(URI.create(PhotoUrls.path(photo.id(), false)))
                .contentType(MediaType.APPLICATION_JSON)
                .body(new Uploaded(photo.id(), photo.width(), photo.height(), urls.signed(base, photo.id(), false),
                        urls.signed(base, photo.id(), true), urls.reportedExpiry(), photo.kind()));
    }

    private String base(ServerWebExchange exchange) {
        return publicUrl.of(exchange.getRequest().getURI(), exchange.getRequest().getHeaders(),
                Boolean.TRUE.equals(exchange.getAttribute(PublicUrl.VIA_TRUSTED_PROXY)));
    }

    /** The upload's answer: the photo as GraphQL's Photo shows it (signed URLs, their expiry). */
    record Uploaded(UUID id, int width, int height, String url, String thumbnailUrl, Instant urlExpiresAt, String kind) {
    }

    private static ApiException missingFile() {
        return ApiException.invalidInput("photo.multipart-file");
    }

    @GetMapping("/{id}")
    Mono<ResponseEntity<?>> photo(@PathVariable String id, @RequestParam(name = PhotoUrls.EXPIRES, required = false) String exp,
                                  @RequestParam(name = PhotoUrls.SIGNATURE, required = false) String sig,
                                  ServerWebExchange exchange) {
        return image(id, false, exp, sig, exchange);
    }

    @GetMapping("/{id}/thumbnail")
    Mono<ResponseEntity<?>> thumbnail(@PathVariable String id, @RequestParam(name = PhotoUrls.EXPIRES, required = false) String exp,
                                      @RequestParam(name = PhotoUrls.SIGNATURE, required = false) String sig,
                                      ServerWebExchange exchange) {
        return image(id, true, exp, sig, exchange);
    }

    private Mono<ResponseEntity<?>> image(String id, boolean thumbnail, String exp, String sig, ServerWebExchange exchange) {
        UUID photoId = parseId(id);
        if (exp != null || sig != null) {
            return signedImage(photoId, thumbnail, exp, sig, exchange);
        }
        if (photoId == null) {
            return Mono.error(notFound());
        }
        String etag = etag(photoId, thumbnail);
        return CurrentCaller.get()
                .flatMap(caller -> photos.content(caller, photoId, thumbnail))
                .<ResponseEntity<?>>map(content -> jpeg(content, CACHE, etag, exchange))
                .switchIfEmpty(Mono.error(PhotoEndpoint::notFound));
    }

    /**
     * A signed URL: the signature is the permission, any Authorization header is ignored (the security chain does
     * not read it for these requests). Expired, altered and "no such photo" answer the same 404 and body.
     */
    private Mono<ResponseEntity<?>> signedImage(UUID photoId, boolean thumbnail, String exp, String sig,
                                                ServerWebExchange exchange) {
        if (!urls.valid(photoId, thumbnail, exp, sig)) {
            return Mono.just(signedRefusal(exchange));
        }
        // no longer than the URL is valid: a cached copy must not outlive the permission
        String cache = "private, max-age=" + urls.secondsLeft(exp);
        String etag = etag(photoId, thumbnail);
        if (notModified(etag, exchange)) {
            return Mono.just(ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag).header(HttpHeaders.CACHE_CONTROL, cache).build());
        }
        return store.load(photoId, thumbnail)
                .<ResponseEntity<?>>map(content -> jpeg(content, cache, etag, exchange))
                .defaultIfEmpty(signedRefusal(exchange));
    }

    // a photo's files never change once stored, so its id and variant are a strong validator
    private static String etag(UUID photoId, boolean thumbnail) {
        return "\"" + photoId + (thumbnail ? "-t" : "") + "\"";
    }

    private static boolean notModified(String etag, ServerWebExchange exchange) {
        return exchange.getRequest().getHeaders().getIfNoneMatch().stream().anyMatch(tag -> tag.equals(etag) || tag.equals("*"));
    }

    private static ResponseEntity<byte[]> jpeg(byte[] content, String cache, String etag, ServerWebExchange exchange) {
        if (notModified(etag, exchange)) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag).header(HttpHeaders.CACHE_CONTROL, cache).build();
        }
        return ResponseEntity.ok()
                .contentType(MediaType.IMAGE_JPEG)
                .header(HttpHeaders.CACHE_CONTROL, cache)
                .eTag(etag)
                .header("X-Content-Type-Options", "nosniff")
                .body(content);
    }

    // GraphQL-shaped (issue 14); the same for an expired, a forged and an unknown photo's URL, and never cached
    private ResponseEntity<?> signedRefusal(ServerWebExchange exchange) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND)
                .contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(HttpErrors.body(ErrorCode.NOT_FOUND.name(), messages.text(CallerLanguage.of(exchange), "photo.not-found")));
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
