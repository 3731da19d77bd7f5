package id.go.cilegon.juare.resident.internal;

import id.go.cilegon.juare.photo.Photo;
import id.go.cilegon.juare.photo.PhotoOwner;
import id.go.cilegon.juare.photo.PhotoService;
import id.go.cilegon.juare.platform.ApiException;
import id.go.cilegon.juare.platform.CallerLanguage;
import id.go.cilegon.juare.platform.ErrorCode;
import id.go.cilegon.juare.platform.HttpErrors;
import id.go.cilegon.juare.platform.Messages;
import id.go.cilegon.juare.platform.UserErrorException;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.codec.DecodingException;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.multipart.Part;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * {@code POST /api/phone-changes/{id}/ktp-photo}: the KTP photo of a pending phone change whose old number is lost
 * (multipart part {@code file}, header {@code X-Upload-Token} from confirmPhoneChange; no account token, since the
 * applicant cannot sign in). The photo goes through the photo module's checks and re-encoding, is kept without an
 * owner and is shown only to operators. One photo per request. Errors: GraphQL-shaped (HttpErrors).
 */
@RestController
class KtpPhotoEndpoint {

    private static final Logger log = LoggerFactory.getLogger(KtpPhotoEndpoint.class);

    static final String TOKEN_HEADER = "X-Upload-Token";
    private static final int MAX_BYTES = 10 * 1024 * 1024;
    private static final long MAX_REQUEST_BYTES = 11L * 1024 * 1024;

    private final PhoneChangeService changes;
    private final PhotoService photos;

    private final Messages messages;

    KtpPhotoEndpoint(PhoneChangeService changes, PhotoService photos, Messages messages) {
        this.changes = changes;
        this.photos = photos;
        this.messages = messages;
    }

    @PostMapping("/api/phone-changes/{id}/ktp-photo")
    Mono<ResponseEntity<Map<String, Object>>> upload(@PathVariable String id, ServerWebExchange exchange) {
        UUID changeId = parseId(id);
        if (changeId == null) {
            return Mono.error(PhoneChangeService.notFound());
        }
        if (exchange.getRequest().getHeaders().getContentLength() > MAX_REQUEST_BYTES) {
            return Mono.error(new ApiException(ErrorCode.PHOTO_TOO_LARGE, "resident.ktp.too-large"));
        }
        if (!MediaType.MULTIPART_FORM_DATA.isCompatibleWith(exchange.getRequest().getHeaders().getContentType())) {
            return Mono.error(missingFile());
        }
        String token = exchange.getRequest().getHeaders().getFirst(TOKEN_HEADER);
        // the token is checked before a byte of the body is read
        return changes.residentForUpload(changeId, token)
                .switchIfEmpty(Mono.error(PhoneChangeService::notFound))
                .flatMap(residentId -> exchange.getMultipartData()
                        .flatMap(parts -> {
                            Part part = parts.getFirst("file");
                            return part == null ? Mono.error(missingFile()) : Mono.just(part);
                        })
                        .flatMap(part -> DataBufferUtils.join(part.content(), MAX_BYTES).map(KtpPhotoEndpoint::toBytes))
                        .switchIfEmpty(Mono.error(() -> missingFile()))
                        .flatMap(content -> photos.upload(PhotoOwner.resident(residentId), content)))
                .flatMap(photo -> changes.attachKtpPhoto(changeId, photo.id())
                        .flatMap(attached -> attached ? Mono.just(photo) : Mono.error(PhoneChangeService.notFound())))
                .map(KtpPhotoEndpoint::created);
    }

    private static ResponseEntity<Map<String, Object>> created(Photo photo) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("id", photo.id().toString(), "width", photo.width(), "height", photo.height()));
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

    private static UUID parseId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static ApiException missingFile() {
        return ApiException.invalidInput("photo.multipart-file");
    }

    @ExceptionHandler
    ResponseEntity<HttpErrors.Body> userError(UserErrorException e, ServerWebExchange exchange) {
        return error(statusOf(e.error().code()), e.error().code().name(), messages.text(CallerLanguage.of(exchange), e.error()));
    }

    @ExceptionHandler
    ResponseEntity<HttpErrors.Body> apiError(ApiException e, ServerWebExchange exchange) {
        return error(statusOf(e.code()), e.code().name(), messages.text(CallerLanguage.of(exchange), e));
    }

    @ExceptionHandler
    ResponseEntity<HttpErrors.Body> overLimit(DataBufferLimitException e, ServerWebExchange exchange) {
        return error(HttpStatus.CONTENT_TOO_LARGE, ErrorCode.PHOTO_TOO_LARGE.name(),
                messages.text(CallerLanguage.of(exchange), "resident.ktp.too-large"));
    }

    @ExceptionHandler
    ResponseEntity<HttpErrors.Body> malformed(DecodingException e, ServerWebExchange exchange) {
        return apiError(missingFile(), exchange);
    }

    @ExceptionHandler
    ResponseEntity<HttpErrors.Body> busy(RejectedExecutionException e, ServerWebExchange exchange) {
        return error(HttpStatus.SERVICE_UNAVAILABLE, ErrorCode.RATE_LIMITED.name(),
                messages.text(CallerLanguage.of(exchange), "request.busy"));
    }

    @ExceptionHandler
    ResponseEntity<HttpErrors.Body> unexpected(Exception e, ServerWebExchange exchange) {
        String incident = UUID.randomUUID().toString();
        log.error("Unexpected failure in the KTP photo endpoint, incident {}", incident, e);
        return error(HttpStatus.INTERNAL_SERVER_ERROR, "INTERNAL_ERROR",
                messages.text(CallerLanguage.of(exchange), "error.internal", incident));
    }

    private static HttpStatus statusOf(ErrorCode code) {
        return switch (code) {
            case PHOTO_TOO_LARGE -> HttpStatus.CONTENT_TOO_LARGE;
            case UNSUPPORTED_PHOTO -> HttpStatus.UNSUPPORTED_MEDIA_TYPE;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case RATE_LIMITED -> HttpStatus.TOO_MANY_REQUESTS;
            default -> HttpStatus.BAD_REQUEST;
        };
    }

    private static ResponseEntity<HttpErrors.Body> error(HttpStatus status, String code, String message) {
        return HttpErrors.entity(status, code, message);
    }
}
