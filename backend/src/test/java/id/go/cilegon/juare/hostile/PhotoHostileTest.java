package id.go.cilegon.juare.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.cilegon.juare.auth.TokenService;
import id.go.cilegon.juare.photo.Photo;
import id.go.cilegon.juare.photo.PhotoService;
import id.go.cilegon.juare.photo.internal.PhotoProperties;
import id.go.cilegon.juare.photo.internal.UnattachedPhotoCleanup;
import id.go.cilegon.juare.platform.DataDirectory;
import id.go.cilegon.juare.platform.PersonalDataCipher;
import id.go.cilegon.juare.support.Api;
import id.go.cilegon.juare.support.Images;
import id.go.cilegon.juare.overview.Seed;
import id.go.cilegon.juare.support.IntegrationTest;
import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Issue 10, item 3 and the photo quotas: decompression bombs and oversized decodes against POST /api/photos, with
 * the server's heap watched and a bystander's upload and query timed meanwhile; the hourly quota; the clean-up.
 */
@Tag("hostile")
class PhotoHostileTest extends IntegrationTest {

    private static final String BOUNDARY = "juare-hostile-boundary-51c2";
    private static final Duration ANSWER_BOUND = Duration.ofSeconds(60);

    @Autowired
    TokenService tokens;

    @Autowired
    PersonalDataCipher cipher;

    @Autowired
    PhotoService photos;

    @Autowired
    PhotoProperties properties;

    @Autowired
    UnattachedPhotoCleanup cleanup;

    @Autowired
    DataDirectory dataDirectory;

    private WebTestClient http;
    private ExecutorService clients;

    @BeforeEach
    void connect() {
        http = WebTestClient.bindToServer()
                .baseUrl("http://localhost:" + port)
                .responseTimeout(ANSWER_BOUND.plusSeconds(30))
                .build();
        clients = Executors.newFixedThreadPool(10);
    }

    @AfterEach
    void disconnect() {
        clients.shutdownNow();
    }

    @Test
    void sixSixteenBitPngsOfSixThousandPixelsSquareAreRefusedWhileOthersAreServed() throws Exception {
        byte[] png = Images.uniformPng(6300, 6300, 16, 6);
        assertThat(png.length).isLessThan(400_000);

        Burst burst = burst("16-bit RGBA 6300x6300 PNG (" + png.length / 1024 + " kB, 318 MB decoded)", png, 6);

        for (Answer answer : burst.answers) {
            assertThat(answer.status).as(answer.body).isEqualTo(413);
            assertThat(answer.body).contains("\"PHOTO_TOO_LARGE\"");
        }
        assertThat(burst.storedByAttackers()).isZero();
    }

    @Test
    void sixHugeButAllowedPngsInParallelStayWithinTheDecodeBudget() throws Exception {
        byte[] png = Images.uniformPng(6300, 6300, 8, 6);

        Burst burst = burst("8-bit RGBA 6300x6300 PNG (" + png.length / 1024 + " kB, 159 MB at full size)", png, 6);

        long accepted = burst.answers.stream().filter(a -> a.status == 201).count();
        for (Answer answer : burst.answers) {
            assertThat(answer.status).as(answer.body).isIn(201, 503);
            if (answer.status == 503) {
                assertThat(answer.body).contains("\"PHOTO_BUSY\"");
                assertThat(answer.retryAfter).isNotNull();
            }
        }
        assertThat(accepted).as("at least the first ones are decoded, subsampled").isPositive();
        assertThat(burst.storedByAttackers()).isEqualTo(accepted);
        PhotoService.DecodeMemory memory = photos.decodeMemory();
        assertThat(memory.peakBytes()).isLessThanOrEqualTo(memory.budgetBytes());
    }

    @Test
    void hostileFilesAreAnsweredWithTypedErrors() throws Exception {
        byte[] zlibBomb = Images.zlibBomb(1024);
        List<Case> cases = List.of(
                new Case("JPEG declaring 65535x65535 in its SOF", Images.withDeclaredSize(Images.jpeg(64, 48), 65_535, 65_535),
                        415, "UNSUPPORTED_PHOTO"),
                new Case("progressive JPEG declaring 8000x5000 (40 MP)", Images.withDeclaredSize(Images.jpeg(640, 480, true), 8000, 5000),
                        415, "UNSUPPORTED_PHOTO"),
                new Case("truncated PNG", Arrays.copyOf(Images.png(640, 480), 400), 415, "UNSUPPORTED_PHOTO"),
                new Case("truncated JPEG", Arrays.copyOf(Images.jpeg(640, 480), 300), 415, "UNSUPPORTED_PHOTO"),
                new Case("PNG with a 1 GB zTXt bomb", Images.withChunk(Images.png(320, 240), "zTXt",
                        concat("Comment\0\0".getBytes(StandardCharsets.ISO_8859_1), zlibBomb)), 201, null),
                new Case("PNG with a 1 GB iCCP bomb", Images.withChunk(Images.png(320, 240), "iCCP",
                        concat("icc\0\0".getBytes(StandardCharsets.ISO_8859_1), zlibBomb)), 201, null),
                new Case("PNG 1x100000", Images.uniformPng(1, 100_000, 8, 2), 201, null),
                new Case("PNG with an IDAT bomb (40 MP of grey, 8-bit)", Images.uniformPng(8000, 5000, 8, 0), 201, null));
        int failures = 0;
        for (Case c : cases) {
            Answer answer = upload(newResident(), c.content);
            boolean ok = answer.status == c.status && (c.code == null || answer.body.contains("\"" + c.code + "\""));
            failures += ok ? 0 : 1;
            System.out.println("HOSTILE photo case '" + c.name + "' (" + c.content.length / 1024 + " kB): HTTP "
                    + answer.status + " in " + answer.latency.toMillis() + " ms" + (ok ? "" : " UNEXPECTED " + answer.body));
        }
        System.out.println("HOSTILE photo files: " + cases.size() + " cases tried, " + failures + " failures");
        assertThat(failures).isZero();
    }

    @Test
    void theUploadAfterTheHourlyQuotaIsRefused() throws Exception {
        int limit = properties.maxPerHour();
        String token = newResident();
        byte[] jpeg = Images.jpeg(32, 24);
        long started = System.nanoTime();

        for (int i = 0; i < limit; i++) {
            Answer answer = upload(token, jpeg);
            assertThat(answer.status).as("upload %d: %s", i + 1, answer.body).isEqualTo(201);
        }
        Answer refused = upload(token, jpeg);
        Answer someoneElse = upload(newResident(), jpeg);

        System.out.println("HOSTILE photo quota: " + limit + " uploads accepted in "
                + Duration.ofNanos(System.nanoTime() - started).toMillis() + " ms, upload " + (limit + 1) + " answered HTTP "
                + refused.status + " Retry-After " + refused.retryAfter + " s; another resident meanwhile HTTP " + someoneElse.status);
        assertThat(refused.status).isEqualTo(429);
        assertThat(refused.body).contains("\"RATE_LIMITED\"");
        assertThat(Long.parseLong(refused.retryAfter)).isBetween(1L, 3600L);
        assertThat(someoneElse.status).isEqualTo(201);
    }

    @Test
    void unattachedPhotosOlderThanADayAreRemovedAndAttachedOnesKept() {
        UUID resident = Seed.with(db, cipher).residentId();
        Photo stale = photos.upload(resident, Images.jpeg(64, 48)).block();
        Photo attached = photos.upload(resident, Images.jpeg(64, 48)).block();
        Photo fresh = photos.upload(resident, Images.jpeg(64, 48)).block();
        // a KTP photo handed over to a phone change: no complaint, but kept (ADR 0010)
        Photo handedOver = photos.upload(resident, Images.jpeg(64, 48)).block();
        photos.handOver(handedOver.id()).block();
        UUID complaint = Seed.bareComplaint(db, resident);
        db.sql("UPDATE photo SET complaint_id = :complaint WHERE id = :id")
                .bind("complaint", complaint).bind("id", attached.id()).then().block();
        Instant longAgo = Instant.now().minus(properties.unattachedRetention()).minus(Duration.ofHours(1));
        db.sql("UPDATE photo SET created_at = :at WHERE id IN (:stale, :attached, :handedOver)")
                .bind("at", longAgo).bind("stale", stale.id()).bind("attached", attached.id())
                .bind("handedOver", handedOver.id()).then().block();
        assertThat(file(stale.id())).exists();

        Integer removed = cleanup.runOnce().block(Duration.ofSeconds(30));

        System.out.println("HOSTILE photo clean-up: " + removed + " unattached photos older than "
                + properties.unattachedRetention() + " removed (rows and files); attached and fresh ones kept");
        assertThat(removed).isGreaterThanOrEqualTo(1);
        assertThat(rowExists(stale.id())).isFalse();
        assertThat(file(stale.id())).doesNotExist();
        assertThat(thumbnail(stale.id())).doesNotExist();
        assertThat(rowExists(attached.id())).isTrue();
        assertThat(file(attached.id())).exists();
        assertThat(rowExists(fresh.id())).isTrue();
        assertThat(file(fresh.id())).exists();
        assertThat(rowExists(handedOver.id())).isTrue();
        assertThat(file(handedOver.id())).exists();
    }

    // --- a burst of hostile uploads, with a bystander and the heap watched ---

    private Burst burst(String what, byte[] content, int parallel) throws Exception {
        List<String> attackers = new ArrayList<>();
        for (int i = 0; i < parallel; i++) {
            attackers.add(newResident());
        }
        String bystander = newResident();
        byte[] small = Images.jpeg(640, 480);
        // warmed up first, so that the figures below are the attack's and not the first request's
        assertThat(me(bystander).status).isEqualTo(200);
        assertThat(upload(bystander, small).status).isEqualTo(201);
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        long baseline = memory.getHeapMemoryUsage().getUsed();
        AtomicLong peak = new AtomicLong(baseline);
        AtomicBoolean sampling = new AtomicBoolean(true);
        Thread sampler = Thread.ofPlatform().daemon().start(() -> {
            while (sampling.get()) {
                peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        long countBefore = countPhotos();

        List<CompletableFuture<Answer>> attacks = attackers.stream()
                .map(token -> CompletableFuture.supplyAsync(() -> upload(token, content), clients))
                .toList();
        Thread.sleep(300); // the bystander comes while the attack is being decoded
        CompletableFuture<Answer> smallUpload = CompletableFuture.supplyAsync(() -> upload(bystander, small), clients);
        CompletableFuture<Answer> query = CompletableFuture.supplyAsync(() -> me(bystander), clients);

        List<Answer> answers = new ArrayList<>();
        for (CompletableFuture<Answer> attack : attacks) {
            answers.add(attack.get(ANSWER_BOUND.toSeconds(), TimeUnit.SECONDS));
        }
        Answer smallAnswer = smallUpload.get(ANSWER_BOUND.toSeconds(), TimeUnit.SECONDS);
        Answer queryAnswer = query.get(ANSWER_BOUND.toSeconds(), TimeUnit.SECONDS);
        sampling.set(false);
        sampler.join();

        long slowest = answers.stream().mapToLong(a -> a.latency.toMillis()).max().orElse(0);
        System.out.println("HOSTILE photo burst: " + parallel + " x " + what + " in parallel: statuses "
                + answers.stream().map(a -> a.status).toList() + ", slowest answer " + slowest + " ms; heap used "
                + baseline / 1_048_576 + " MB before, peak " + peak.get() / 1_048_576 + " MB (+"
                + (peak.get() - baseline) / 1_048_576 + " MB); decode budget peak since start "
                + photos.decodeMemory().peakBytes() / 1_048_576 + " of " + photos.decodeMemory().budgetBytes() / 1_048_576
                + " MB; bystander's 640x480 upload HTTP " + smallAnswer.status + " in " + smallAnswer.latency.toMillis()
                + " ms, its query HTTP " + queryAnswer.status + " in " + queryAnswer.latency.toMillis() + " ms");
        assertThat(answers).allSatisfy(a -> assertThat(a.latency).isLessThan(ANSWER_BOUND));
        assertThat(smallAnswer.status).as(smallAnswer.body).isEqualTo(201);
        assertThat(queryAnswer.status).isEqualTo(200);
        assertThat(queryAnswer.body).contains("\"maskedNik\"");
        assertThat(queryAnswer.latency).as("a query does not wait for photo decoding").isLessThan(Duration.ofSeconds(10));
        long stored = countPhotos() - countBefore - 1; // less the bystander's
        return new Burst(answers, stored);
    }

    private record Burst(List<Answer> answers, long storedByAttackers) {
    }

    private record Answer(int status, String body, String retryAfter, Duration latency) {
    }

    private record Case(String name, byte[] content, int status, String code) {
    }

    private Answer upload(String token, byte[] content) {
        long started = System.nanoTime();
        EntityExchangeResult<byte[]> result = http.post()
                .uri("/api/photos")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .contentType(MediaType.parseMediaType("multipart/form-data; boundary=" + BOUNDARY))
                .bodyValue(multipart(content))
                .exchange()
                .expectBody()
                .returnResult();
        return answer(result, started);
    }

    private Answer me(String token) {
        long started = System.nanoTime();
        EntityExchangeResult<byte[]> result = http.post()
                .uri("/graphql")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(java.util.Map.of("query", id.go.cilegon.juare.graphql.OperationDocuments.load("Me")))
                .exchange()
                .expectBody()
                .returnResult();
        return answer(result, started);
    }

    private static Answer answer(EntityExchangeResult<byte[]> result, long started) {
        byte[] body = result.getResponseBody();
        return new Answer(result.getStatus().value(), body == null ? "" : new String(body, StandardCharsets.UTF_8),
                result.getResponseHeaders().getFirst(HttpHeaders.RETRY_AFTER), Duration.ofNanos(System.nanoTime() - started));
    }

    private static byte[] multipart(byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(content.length + 512);
        out.writeBytes(("--" + BOUNDARY + "\r\n"
                + "Content-Disposition: form-data; name=\"file\"; filename=\"bukti.png\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(content);
        out.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    // --- fixtures ---

    /** A resident written straight to the database (sign-in is not what is tested here), with a token. */
    private String newResident() {
        return tokens.residentSession(Seed.with(db, cipher).residentId()).block().accessToken();
    }

    private long countPhotos() {
        return db.sql("SELECT count(*) AS n FROM photo").map(row -> row.get("n", Long.class)).one().block();
    }

    private boolean rowExists(UUID id) {
        return db.sql("SELECT count(*) AS n FROM photo WHERE id = :id").bind("id", id)
                .map(row -> row.get("n", Long.class)).one().block() == 1;
    }

    private Path file(UUID id) {
        String name = id.toString();
        return dataDirectory.root().resolve("photos").resolve(name.substring(0, 2)).resolve(name + ".jpg");
    }

    private Path thumbnail(UUID id) {
        String name = id.toString();
        return dataDirectory.root().resolve("photos").resolve(name.substring(0, 2)).resolve(name + "-thumb.jpg");
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }
}
