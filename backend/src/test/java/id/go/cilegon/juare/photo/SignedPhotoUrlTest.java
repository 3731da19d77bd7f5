package id.go.cilegon.juare.photo;

import static id.go.cilegon.juare.support.Api.complaintInput;
import static id.go.cilegon.juare.support.Api.newRequestId;
import static id.go.cilegon.juare.support.Api.operation;
import static org.assertj.core.api.Assertions.assertThat;

import id.go.cilegon.juare.support.Api;
import id.go.cilegon.juare.support.Images;
import id.go.cilegon.juare.support.IntegrationTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.awt.image.BufferedImage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

/**
 * Signed photo URLs over the real endpoint (issue 14, ADR 0032): fetched with no Authorization header, refused after
 * expiry or when altered with one answer that tells nothing apart, issued only where the Photo field resolves.
 */
class SignedPhotoUrlTest extends IntegrationTest {

    private static final String PHOTOS = "query($id: ID!) { complaint(id: $id) { photos { id url thumbnailUrl urlExpiresAt } } }";

    @Autowired
    PhotoUrls urls;

    record Filed(Api.Resident resident, String complaintId, String photoId) {
    }

    private Filed filedWithPhoto() {
        Api.Resident resident = api().newResident();
        String photo = api().uploadedPhotoId(resident.token(), Images.jpeg(800, 600));
        GraphQlTester.Response submitted = operation(api().as(resident.token()), "SubmitComplaint")
                .variable("input", complaintInput(newRequestId(), List.of(photo))).execute();
        submitted.path("submitComplaint.errors").entityList(Object.class).hasSize(0);
        String complaintId = submitted.path("submitComplaint.complaint.id").entity(String.class).get();
        return new Filed(resident, complaintId, photo);
    }

    private Map<String, Object> photoOf(HttpGraphQlTester tester, String complaintId) {
        return tester.document(PHOTOS).variable("id", complaintId).execute()
                .path("complaint.photos[0]").entity(new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() {
                }).get();
    }

    private EntityExchangeResult<byte[]> fetch(String url, String authorization) {
        var request = url.startsWith("/") ? api().http().get().uri(url) : api().http().get().uri(URI.create(url));
        if (authorization != null) {
            request = request.header(HttpHeaders.AUTHORIZATION, authorization);
        }
        return request.exchange().expectBody(byte[].class).returnResult();
    }

    @Test
    void aSignedUrlIsFetchedWithoutAHeaderAndCachedNoLongerThanItIsValid() throws IOException {
        Filed filed = filedWithPhoto();
        Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Map<String, Object> photo = photoOf(api().as(filed.resident().token()), filed.complaintId());

        String url = (String) photo.get("url");
        String thumbnailUrl = (String) photo.get("thumbnailUrl");
        assertThat(url).matches("http://localhost:" + port + "/api/photos/" + filed.photoId() + "\\?exp=[0-9]+&sig=[A-Za-z0-9_-]{43}");
        assertThat(thumbnailUrl).startsWith("http://localhost:" + port + "/api/photos/" + filed.photoId() + "/thumbnail?exp=");
        Instant expiresAt = Instant.parse((String) photo.get("urlExpiresAt"));
        long exp = Long.parseLong(URI.create(url).getQuery().replaceAll("^exp=([0-9]+)&.*$", "$1"));
        assertThat(expiresAt).isBetween(before.plusSeconds(15 * 60 - 1), before.plusSeconds(20 * 60 + 5));
        assertThat(expiresAt.getEpochSecond()).as("never later than the URL's own expiry").isLessThanOrEqualTo(exp);
        // asked again a moment later: the same URL, so an image loader's cache hits
        assertThat(photoOf(api().as(filed.resident().token()), filed.complaintId()).get("url")).isIn(url,
                urls.signed("http://localhost:" + port, UUID.fromString(filed.photoId()), false));

        EntityExchangeResult<byte[]> image = fetch(url, null);
        assertThat(image.getStatus().value()).isEqualTo(200);
        assertThat(image.getResponseHeaders().getContentType()).isEqualTo(MediaType.IMAGE_JPEG);
        BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(image.getResponseBody()));
        assertThat(decoded.getWidth()).isEqualTo(800);
        assertThat(decoded.getHeight()).isEqualTo(600);
        String cacheControl = image.getResponseHeaders().getCacheControl();
        assertThat(cacheControl).startsWith("private, max-age=");
        long maxAge = Long.parseLong(cacheControl.substring("private, max-age=".length()));
        assertThat(maxAge).isPositive().isLessThanOrEqualTo(exp - before.getEpochSecond());
        String etag = image.getResponseHeaders().getETag();
        assertThat(etag).isNotBlank();
        api().http().get().uri(URI.create(url)).header(HttpHeaders.IF_NONE_MATCH, etag).exchange()
                .expectStatus().isNotModified();

        api().http().head().uri(URI.create(url)).exchange().expectStatus().isOk()
                .expectHeader().contentType(MediaType.IMAGE_JPEG);

        EntityExchangeResult<byte[]> thumbnail = fetch(thumbnailUrl, null);
        assertThat(thumbnail.getStatus().value()).isEqualTo(200);
        assertThat(ImageIO.read(new ByteArrayInputStream(thumbnail.getResponseBody())).getWidth()).isEqualTo(320);

        // an app whose HTTP client attaches a stale token still gets the picture
        assertThat(fetch(url, "Bearer not.a.valid-token").getStatus().value()).isEqualTo(200);
        // the bearer-header GET keeps working for existing clients
        assertThat(fetch("/api/photos/" + filed.photoId(), "Bearer " + filed.resident().token()).getStatus().value()).isEqualTo(200);
        assertThat(fetch("/api/photos/" + filed.photoId(), null).getStatus().value()).isEqualTo(401);
    }

    @Test
    void expiredAlteredAndUnknownAreOneAndTheSameRefusal() {
        Filed filed = filedWithPhoto();
        Filed other = filedWithPhoto();
        UUID id = UUID.fromString(filed.photoId());
        String base = "http://localhost:" + port;
        String good = urls.signed(base, id, false);
        String sig = good.substring(good.indexOf("&sig=") + 5);
        String exp = good.substring(good.indexOf("?exp=") + 5, good.indexOf("&sig="));
        char last = sig.charAt(sig.length() - 2);

        List<String> refused = List.of(
                // signed properly, but expired a second ago
                urls.signed(base, id, false, Instant.now().minusSeconds(1)),
                // a forged signature, one character changed
                base + "/api/photos/" + id + "?exp=" + exp + "&sig=" + sig.substring(0, sig.length() - 2) + (last == 'A' ? 'B' : 'A') + sig.charAt(sig.length() - 1),
                // the expiry pushed later
                base + "/api/photos/" + id + "?exp=" + (Long.parseLong(exp) + 3600) + "&sig=" + sig,
                // another photo's id with this signature
                base + "/api/photos/" + other.photoId() + "?exp=" + exp + "&sig=" + sig,
                // the other variant
                base + "/api/photos/" + id + "/thumbnail?exp=" + exp + "&sig=" + sig,
                // no signature, garbage, not an id
                base + "/api/photos/" + id + "?exp=" + exp + "&sig=",
                base + "/api/photos/" + id + "?exp=soon&sig=" + sig,
                base + "/api/photos/not-an-id?exp=" + exp + "&sig=" + sig,
                // a valid signature of a photo that does not exist
                urls.signed(base, UUID.randomUUID(), false));

        String firstBody = null;
        for (String url : refused) {
            EntityExchangeResult<byte[]> answer = fetch(url, null);
            assertThat(answer.getStatus().value()).as(url).isEqualTo(404);
            assertThat(answer.getResponseHeaders().getContentType()).as(url).isEqualTo(MediaType.APPLICATION_JSON);
            String body = new String(answer.getResponseBody(), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(body).as(url).contains("\"errors\"").contains("\"code\":\"NOT_FOUND\"").contains("\"message\"");
            if (firstBody == null) {
                firstBody = body;
            }
            assertThat(body).as("the same answer for every refusal: " + url).isEqualTo(firstBody);
            assertThat(answer.getResponseHeaders().getCacheControl()).isEqualTo("no-store");
        }
        // in the caller's language, still the same for every refusal
        EntityExchangeResult<byte[]> english = api().http().get().uri(URI.create(refused.get(0)))
                .header(HttpHeaders.ACCEPT_LANGUAGE, "en").exchange().expectBody(byte[].class).returnResult();
        assertThat(new String(english.getResponseBody(), java.nio.charset.StandardCharsets.UTF_8)).contains("Photo not found");
        // the genuine one works
        assertThat(fetch(good, null).getStatus().value()).isEqualTo(200);
        // a valid token does not rescue a bad signature: the signature decides
        assertThat(fetch(refused.get(0), "Bearer " + filed.resident().token()).getStatus().value()).isEqualTo(404);
    }

    @Test
    void anotherResidentNeverGetsAUrl() {
        Filed filed = filedWithPhoto();
        Api.Resident stranger = api().newResident();
        GraphQlTester.Response answer = api().as(stranger.token()).document(PHOTOS).variable("id", filed.complaintId()).execute();
        String raw = String.valueOf(answer.returnResponse().toMap());
        assertThat(raw).doesNotContain("sig=").doesNotContain(filed.photoId());
        String anonymous = String.valueOf(api().anonymous().document(PHOTOS).variable("id", filed.complaintId()).execute()
                .returnResponse().toMap());
        assertThat(anonymous).doesNotContain("sig=").doesNotContain(filed.photoId());
    }

    @Test
    void theUploadAnswersSignedUrlsAndAPhotoIsUsedOnce() {
        Api.Resident resident = api().newResident();
        Map<String, Object> uploaded = api().uploadPhoto(resident.token(), Images.jpeg(200, 150), "a.jpg", MediaType.IMAGE_JPEG)
                .expectStatus().isCreated()
                .expectBody(new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() {
                }).returnResult().getResponseBody();
        assertThat((String) uploaded.get("url")).startsWith("http://localhost:" + port + "/api/photos/" + uploaded.get("id") + "?exp=");
        assertThat(uploaded).containsKey("urlExpiresAt");
        assertThat(fetch((String) uploaded.get("url"), null).getStatus().value()).isEqualTo(200);

        String photo = (String) uploaded.get("id");
        operation(api().as(resident.token()), "SubmitComplaint").variable("input", complaintInput(newRequestId(), List.of(photo)))
                .execute().path("submitComplaint.errors").entityList(Object.class).hasSize(0);
        GraphQlTester.Response again = operation(api().as(resident.token()), "SubmitComplaint")
                .variable("input", complaintInput(newRequestId(), List.of(photo))).execute();
        again.path("submitComplaint.errors[0].code").entity(String.class).isEqualTo("PHOTO_ALREADY_USED");
        again.path("submitComplaint.errors[0].field").entity(String.class).isEqualTo("photoIds");
    }

    @Test
    void overTheWebSocketTheUrlsAreSignedWithTheHandshakesAddress() {
        // a new resident has no earlier events: after "0" replays the SUBMITTED event, no race with the subscription
        Filed filed = filedWithPhoto();
        org.springframework.graphql.test.tester.WebSocketGraphQlTester ws = api().webSocket(filed.resident().token());
        try {
            GraphQlTester.Response event = ws.document("subscription($after: ID) { myComplaintEvents(after: $after) "
                            + "{ id complaint { photos { url urlExpiresAt } } } }")
                    .variable("after", "0")
                    .executeSubscription()
                    .toFlux()
                    .next()
                    .block(java.time.Duration.ofSeconds(30));
            String url = event.path("myComplaintEvents.complaint.photos[0].url").entity(String.class).get();
            assertThat(url).startsWith("http://localhost:" + port + "/api/photos/" + filed.photoId() + "?exp=");
            assertThat(fetch(url, null).getStatus().value()).isEqualTo(200);
        } finally {
            ws.stop().block(java.time.Duration.ofSeconds(10));
        }
    }

    @Test
    void behindATrustedProxyTheUrlHasTheProxysAddress() {
        Filed filed = filedWithPhoto();
        HttpGraphQlTester viaProxy = api().as(filed.resident().token()).mutate()
                .header("X-Forwarded-Proto", "https")
                .header("X-Forwarded-Host", "lapor.cilegon.go.id")
                .build();
        String url = (String) photoOf(viaProxy, filed.complaintId()).get("url");
        // the test's connection comes from loopback, which juare.trusted-proxies trusts by default
        assertThat(url).startsWith("https://lapor.cilegon.go.id/api/photos/" + filed.photoId() + "?exp=");
    }
}
