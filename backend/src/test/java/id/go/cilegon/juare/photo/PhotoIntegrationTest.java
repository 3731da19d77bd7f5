package id.go.cilegon.juare.photo;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.cilegon.juare.auth.TokenService;
import id.go.cilegon.juare.overview.Seed;
import id.go.cilegon.juare.platform.DataDirectory;
import id.go.cilegon.juare.platform.ErrorCode;
import id.go.cilegon.juare.platform.UserErrorException;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.springframework.web.reactive.function.BodyInserters;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/** POST and GET /api/photos over real HTTP, and attaching photos to complaints, against PostgreSQL. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class PhotoIntegrationTest {

    @org.springframework.beans.factory.annotation.Autowired
    id.go.cilegon.juare.platform.PersonalDataCipher cipher;


    @LocalServerPort
    int port;

    @Autowired
    DatabaseClient db;

    @Autowired
    TokenService tokens;

    @Autowired
    PhotoService photos;

    @Autowired
    TransactionalOperator tx;

    @Autowired
    DataDirectory dataDirectory;

    private WebTestClient http;

    @BeforeEach
    void connect() {
        http = WebTestClient.bindToServer()
                .baseUrl("http://localhost:" + port)
                .responseTimeout(Duration.ofSeconds(60))
                .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(16 * 1024 * 1024))
                .build();
    }

    @Test
    void residentUploadsAPhotoAndOnlyTheOwnerGetsItBack() throws IOException {
        UUID owner = Seed.with(db, cipher).residentId();
        String ownerToken = tokenOf(owner);

        Photo photo = http.post()
                .uri("/api/photos")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + ownerToken)
                .contentType(multipartType())
                .bodyValue(multipart("file", "IMG_0001.jpg", "image/jpeg", jpeg(640, 480)))
                .exchange()
                .expectStatus().isCreated()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectBody(Photo.class)
                .returnResult()
                .getResponseBody();

        assertThat(photo).isNotNull();
        assertThat(photo.width()).isEqualTo(640);
        assertThat(photo.height()).isEqualTo(480);
        // absolute signed URLs (issue 14, ADR 0032; they were relative paths before)
        assertThat(photo.url()).startsWith("http://localhost:" + port + "/api/photos/" + photo.id() + "?exp=");
        assertThat(photo.thumbnailUrl()).startsWith("http://localhost:" + port + "/api/photos/" + photo.id() + "/thumbnail?exp=");
        String path = "/api/photos/" + photo.id();
        String thumbnailPath = path + "/thumbnail";
        Map<String, Object> row = photoRow(photo.id());
        assertThat(row.get("owner_resident_id")).isEqualTo(owner);
        assertThat(row.get("complaint_id")).isNull();
        String name = photo.id().toString();
        Path folder = dataDirectory.root().resolve("photos").resolve(name.substring(0, 2));
        assertThat(folder.resolve(name + ".jpg")).isRegularFile();
        assertThat(folder.resolve(name + "-thumb.jpg")).isRegularFile();

        byte[] stored = http.get()
                .uri(path)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + ownerToken)
                .exchange()
                .expectStatus().isOk()
                .expectHeader().contentType(MediaType.IMAGE_JPEG)
                .expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, "private, max-age=86400")
                .expectHeader().valueEquals("X-Content-Type-Options", "nosniff")
                .expectHeader().doesNotExist(HttpHeaders.PRAGMA)
                .expectBody(byte[].class)
                .returnResult()
                .getResponseBody();
        assertThat(size(stored)).containsExactly(640, 480);
        assertThat(row.get("size_bytes")).isEqualTo(stored.length);

        byte[] thumbnail = http.get()
                .uri(thumbnailPath)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + ownerToken)
                .exchange()
                .expectStatus().isOk()
                .expectHeader().contentType(MediaType.IMAGE_JPEG)
                .expectBody(byte[].class)
                .returnResult()
                .getResponseBody();
        assertThat(size(thumbnail)).containsExactly(320, 240);

        String strangerToken = tokenOf(Seed.with(db, cipher).residentId());
        http.get()
                .uri(path)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + strangerToken)
                .exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.errors[0].extensions.code").isEqualTo("NOT_FOUND");
        http.get()
                .uri(thumbnailPath)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + strangerToken)
                .exchange()
                .expectStatus().isNotFound();
        http.get()
                .uri(path)
                .exchange()
                .expectStatus().isUnauthorized();
        String staffToken = id.go.cilegon.juare.overview.Seed.staffToken(db, tokens, "OPERATOR", null);
        http.get()
                .uri(path)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + staffToken)
                .exchange()
                .expectStatus().isNotFound();
        http.get()
                .uri("/api/photos/not-a-uuid")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + ownerToken)
                .exchange()
                .expectStatus().isNotFound();
        http.get()
                .uri("/api/photos/" + UUID.randomUUID())
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + ownerToken)
                .exchange()
                .expectStatus().isNotFound();
    }

    @Test
    void onlyResidentsUpload() throws IOException {
        byte[] body = multipart("file", "IMG_0002.jpg", "image/jpeg", jpeg(64, 48));
        String staffToken = id.go.cilegon.juare.overview.Seed.staffToken(db, tokens, "OPERATOR", null);

        http.post()
                .uri("/api/photos")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + staffToken)
                .contentType(multipartType())
                .bodyValue(body)
                .exchange()
                .expectStatus().isForbidden()
                .expectBody().jsonPath("$.errors[0].extensions.code").isEqualTo("FORBIDDEN");
        http.post()
                .uri("/api/photos")
                .contentType(multipartType())
                .bodyValue(body)
                .exchange()
                .expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.errors[0].extensions.code").isEqualTo("UNAUTHENTICATED");
    }

    @Test
    void aTwelveMegabyteBodyIsRefusedWithoutStoringAnything() throws IOException {
        UUID resident = Seed.with(db, cipher).residentId();
        long filesBefore = storedFiles();
        byte[] big = new byte[12 * 1024 * 1024];
        System.arraycopy(jpeg(64, 48), 0, big, 0, 100);

        http.post()
                .uri("/api/photos")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + tokenOf(resident))
                .contentType(multipartType())
                .bodyValue(multipart("file", "big.jpg", "image/jpeg", big))
                .exchange()
                .expectStatus().isEqualTo(413)
                .expectBody()
                .jsonPath("$.errors[0].extensions.code").isEqualTo("PHOTO_TOO_LARGE")
                .jsonPath("$.errors[0].message").isNotEmpty();

        assertThat(photoCount(resident)).isZero();
        assertThat(storedFiles()).isEqualTo(filesBefore);
    }

    /** The answer comes from the Content-Length alone: this body never ends, so waiting for it would time out. */
    @Test
    void anOversizedContentLengthIsRefusedBeforeTheBodyArrives() throws IOException {
        UUID resident = Seed.with(db, cipher).residentId();
        byte[] start = multipart("file", "big.jpg", "image/jpeg", jpeg(64, 48));
        Flux<DataBuffer> endless = Flux.concat(
                Flux.just(DefaultDataBufferFactory.sharedInstance.wrap(start)),
                Flux.never());

        http.mutate()
                .responseTimeout(Duration.ofSeconds(20))
                .build()
                .post()
                .uri("/api/photos")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + tokenOf(resident))
                .contentType(multipartType())
                .contentLength(12L * 1024 * 1024)
                .body(endless, DataBuffer.class)
                .exchange()
                .expectStatus().isEqualTo(413)
                .expectBody().jsonPath("$.errors[0].extensions.code").isEqualTo("PHOTO_TOO_LARGE");

        assertThat(photoCount(resident)).isZero();
    }

    /** Without a Content-Length (chunked), the part is read up to 10 MB and refused past that. */
    @Test
    void aStreamedPartOverTenMegabytesIsRefused() {
        UUID resident = Seed.with(db, cipher).residentId();
        byte[] content = new byte[10 * 1024 * 1024 + 1];
        content[0] = (byte) 0xFF;
        content[1] = (byte) 0xD8;
        content[2] = (byte) 0xFF;
        MultipartBodyBuilder parts = new MultipartBodyBuilder();
        parts.asyncPart("file", Flux.just(DefaultDataBufferFactory.sharedInstance.wrap(content)), DataBuffer.class)
                .filename("streamed.jpg")
                .contentType(MediaType.IMAGE_JPEG);

        http.post()
                .uri("/api/photos")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + tokenOf(resident))
                .body(BodyInserters.fromMultipartData(parts.build()))
                .exchange()
                .expectStatus().isEqualTo(413)
                .expectBody().jsonPath("$.errors[0].extensions.code").isEqualTo("PHOTO_TOO_LARGE");

        assertThat(photoCount(resident)).isZero();
    }

    @Test
    void aPdfCalledPhotoJpgIsRefused() {
        UUID resident = Seed.with(db, cipher).residentId();
        long filesBefore = storedFiles();
        byte[] pdf = "%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

        http.post()
                .uri("/api/photos")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + tokenOf(resident))
                .contentType(multipartType())
                .bodyValue(multipart("file", "photo.jpg", "image/jpeg", pdf))
                .exchange()
                .expectStatus().isEqualTo(415)
                .expectBody().jsonPath("$.errors[0].extensions.code").isEqualTo("UNSUPPORTED_PHOTO");

        assertThat(photoCount(resident)).isZero();
        assertThat(storedFiles()).isEqualTo(filesBefore);
    }

    @Test
    void aRequestWithoutTheFilePartIsInvalid() throws IOException {
        http.post()
                .uri("/api/photos")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + tokenOf(Seed.with(db, cipher).residentId()))
                .contentType(multipartType())
                .bodyValue(multipart("image", "IMG_0003.jpg", "image/jpeg", jpeg(64, 48)))
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].extensions.code").isEqualTo("INVALID_INPUT");
    }

    @Test
    void attachedPhotosAreListedPerComplaintOldestFirst() throws IOException {
        UUID resident = Seed.with(db, cipher).residentId();
        UUID complaint = Seed.bareComplaint(db, resident);
        UUID otherComplaint = Seed.bareComplaint(db, resident);
        Photo first = photos.upload(resident, jpeg(300, 200)).block();
        Photo second = photos.upload(resident, jpeg(200, 300)).block();
        Photo unattached = photos.upload(resident, jpeg(100, 100)).block();

        photos.attach(List.of(first.id(), second.id(), first.id()), resident, complaint)
                .as(tx::transactional)
                .block();
        Map<UUID, List<Photo>> byComplaint = photos.photosOf(List.of(complaint, otherComplaint)).block();

        assertThat(byComplaint.get(complaint)).containsExactly(first, second);
        assertThat(byComplaint.get(otherComplaint)).isEmpty();
        assertThat(photoRow(unattached.id()).get("complaint_id")).isNull();
        assertThat(photos.photosOf(List.of()).block()).isEmpty();
        StepVerifier.create(photos.attach(List.of(), resident, complaint)).verifyComplete();
    }

    @Test
    void attachingSomeoneElsesPhotoFailsAndAttachesNothing() throws IOException {
        UUID resident = Seed.with(db, cipher).residentId();
        UUID other = Seed.with(db, cipher).residentId();
        UUID complaint = Seed.bareComplaint(db, resident);
        Photo mine = photos.upload(resident, jpeg(120, 80)).block();
        Photo theirs = photos.upload(other, jpeg(120, 80)).block();

        Mono<Void> attach = photos.attach(List.of(mine.id(), theirs.id()), resident, complaint)
                .as(tx::transactional);

        StepVerifier.create(attach)
                .expectErrorSatisfies(e -> {
                    assertThat(e).isInstanceOf(UserErrorException.class);
                    assertThat(((UserErrorException) e).error().code()).isEqualTo(ErrorCode.PHOTO_NOT_FOUND);
                    assertThat(((UserErrorException) e).error().field()).isEqualTo("photoIds");
                })
                .verify(Duration.ofSeconds(30));
        assertThat(photoRow(theirs.id()).get("complaint_id")).isNull();
        assertThat(photoRow(mine.id()).get("complaint_id")).as("rolled back with the caller's transaction").isNull();

        // once attached, a photo cannot be attached again: PHOTO_ALREADY_USED (issue 14), also beside a fresh one
        photos.attach(List.of(mine.id()), resident, complaint).as(tx::transactional).block();
        Photo fresh = photos.upload(resident, jpeg(90, 60)).block();
        StepVerifier.create(photos.attach(List.of(fresh.id(), mine.id()), resident, Seed.bareComplaint(db, resident)).as(tx::transactional))
                .expectErrorSatisfies(e -> assertThat(((UserErrorException) e).error().code())
                        .isEqualTo(ErrorCode.PHOTO_ALREADY_USED))
                .verify(Duration.ofSeconds(30));
        assertThat(photoRow(mine.id()).get("complaint_id")).isEqualTo(complaint);
        assertThat(photoRow(fresh.id()).get("complaint_id")).as("rolled back").isNull();
        // someone else's attached photo stays "not found": existence is not revealed
        StepVerifier.create(photos.attach(List.of(mine.id()), other, Seed.bareComplaint(db, other)).as(tx::transactional))
                .expectErrorSatisfies(e -> assertThat(((UserErrorException) e).error().code())
                        .isEqualTo(ErrorCode.PHOTO_NOT_FOUND))
                .verify(Duration.ofSeconds(30));
    }

    // --- fixtures ---

    private String tokenOf(UUID resident) {
        return tokens.residentSession(resident).block().accessToken();
    }

    private Map<String, Object> photoRow(UUID id) {
        return db.sql("SELECT owner_resident_id, complaint_id, width, height, size_bytes FROM photo WHERE id = :id")
                .bind("id", id)
                .fetch()
                .one()
                .block();
    }

    private long photoCount(UUID resident) {
        return db.sql("SELECT count(*) AS n FROM photo WHERE owner_resident_id = :resident")
                .bind("resident", resident)
                .map(row -> row.get("n", Long.class))
                .one()
                .block();
    }

    private long storedFiles() {
        Path root = dataDirectory.root().resolve("photos");
        if (!Files.exists(root)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).count();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] jpeg(int width, int height) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setPaint(new GradientPaint(0, 0, Color.ORANGE, width, height, Color.BLUE));
        g.fillRect(0, 0, width, height);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "jpeg", out);
        return out.toByteArray();
    }

    private static int[] size(byte[] jpeg) throws IOException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(jpeg));
        assertThat(image).isNotNull();
        return new int[] {image.getWidth(), image.getHeight()};
    }

    private static final String BOUNDARY = "juare-test-boundary-7f3a";

    private static MediaType multipartType() {
        return MediaType.parseMediaType("multipart/form-data; boundary=" + BOUNDARY);
    }

    /** A multipart body written out whole, so that the request carries a Content-Length like a phone's would. */
    private static byte[] multipart(String partName, String filename, String contentType, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(content.length + 512);
        out.writeBytes(("--" + BOUNDARY + "\r\n"
                + "Content-Disposition: form-data; name=\"" + partName + "\"; filename=\"" + filename + "\"\r\n"
                + "Content-Type: " + contentType + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(content);
        out.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }
}
