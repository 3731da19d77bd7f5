package id.go.cilegon.juare.dashboard.complaint;

import id.go.cilegon.juare.dashboard.DashboardIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.go.cilegon.juare.dashboard.backend.BackendClient;
import id.go.cilegon.juare.dashboard.backend.BackendException;
import id.go.cilegon.juare.dashboard.backend.BackendSession;
import id.go.cilegon.juare.dashboard.backend.RunningBackend;
import id.go.cilegon.juare.dashboard.complaint.StaffComplaint.TimelineEntry;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The complaint desk against the real backend with its demo data: an operator dispatches a complaint from the intake
 * queue (a second operator who saw the old version gets CONFLICT), the OPD's responder replies, uploads an after-photo
 * and resolves; the dashboard's photo proxy hands the photo to a signed-in browser session and to nobody else.
 */
class ComplaintDeskTest extends DashboardIT {


    @Autowired
    ComplaintDesk desk;

    @Autowired
    BackendClient client;


    private BackendSession login(String username) {
        return client.login(username, RunningBackend.DEMO_PASSWORD);
    }

    @Test
    void fromTheIntakeQueueToAResolutionWithAnAfterPhoto() throws Exception {
        BackendSession operator = login("operator");
        List<StaffComplaint> intake = desk.intakeQueue(operator);
        assertThat(intake).as("the demo data leaves complaints in the intake queue").isNotEmpty()
                .allSatisfy(c -> assertThat(c.status()).isEqualTo("SUBMITTED"))
                .isSortedAccordingTo(Comparator.comparing(StaffComplaint::createdAt));

        // from the middle: the browser test works from the top of the queue, the other test here from the end
        StaffComplaint seen = desk.complaint(operator, intake.get(intake.size() / 2).id()).orElseThrow();
        assertThat(seen.timeline()).extracting(TimelineEntry::type).startsWith("SUBMITTED");
        assertThat(seen.reporter()).as("operators see who filed it").isNotNull();
        assertThat(desk.byTrackingNumber(operator, seen.trackingNumber().toLowerCase(Locale.ROOT)))
                .hasValueSatisfying(c -> assertThat(c.id()).isEqualTo(seen.id()));

        StaffComplaint dispatched = desk.dispatch(operator, seen, "DPUPR", "Uji dasbor");
        assertThat(dispatched.status()).isEqualTo("DISPATCHED");
        assertThat(dispatched.opd().code()).isEqualTo("DPUPR");
        assertThat(dispatched.version()).isGreaterThan(seen.version());
        assertThat(dispatched.replyDueAt()).isAfter(dispatched.dispatchedAt());

        // a second operator clicking on what they saw a moment ago
        BackendSession operator2 = login("operator2");
        assertThatThrownBy(() -> desk.dispatch(operator2, seen, "DLH", null))
                .isInstanceOfSatisfying(ComplaintRefused.class, e -> {
                    assertThat(e.isConflict()).isTrue();
                    assertThat(e.userMessage()).isNotBlank();
                });
        assertThat(desk.intakeQueue(operator)).extracting(StaffComplaint::id).doesNotContain(seen.id());

        // the OPD's responder
        BackendSession dpupr = login("dpupr");
        List<StaffComplaint> queue = desk.opdQueue(dpupr, null);
        assertThat(queue).extracting(StaffComplaint::id).contains(seen.id());
        assertThat(queue).allSatisfy(c -> {
            assertThat(c.opd().code()).isEqualTo("DPUPR");
            assertThat(c.category().replyHours()).isPositive();
        });
        StaffComplaint mine = desk.complaint(dpupr, seen.id()).orElseThrow();
        assertThat(Countdown.of(mine, java.time.Instant.now()).clock()).isEqualTo(Countdown.Clock.REPLY);

        assertThatThrownBy(() -> desk.reply(dpupr, mine, "ok"))
                .isInstanceOfSatisfying(ComplaintRefused.class, e -> assertThat(e.code()).isEqualTo("MESSAGE_TOO_SHORT"));
        StaffComplaint replied = desk.reply(dpupr, mine, "Tim kami akan meninjau lokasi besok pagi.");
        assertThat(replied.status()).isEqualTo("IN_PROGRESS");
        assertThat(replied.firstReplyAt()).isNotNull();
        desk.addInternalNote(dpupr, seen.id(), "Perlu alat berat");

        assertThatThrownBy(() -> desk.uploadPhoto(dpupr, "surat.pdf", "%PDF-1.7\n...".getBytes(StandardCharsets.US_ASCII)))
                .isInstanceOfSatisfying(ComplaintRefused.class, e -> assertThat(e.code()).isEqualTo("UNSUPPORTED_PHOTO"));
        // operators do not upload after-photos: the backend says so
        assertThatThrownBy(() -> desk.uploadPhoto(operator, "after.png", png(64, 48)))
                .isInstanceOfSatisfying(BackendException.class, e -> assertThat(e.code()).isEqualTo("FORBIDDEN"));
        String photoId = desk.uploadPhoto(dpupr, "after.png", png(800, 600));
        assertThat(UUID.fromString(photoId)).isNotNull();

        StaffComplaint resolved = desk.resolve(dpupr, replied, "Sudah ditambal dengan aspal.", List.of(photoId));
        assertThat(resolved.status()).isEqualTo("RESOLVED");
        assertThat(resolved.photos()).filteredOn(p -> "AFTER".equals(p.kind())).extracting(Photo::id).containsExactly(photoId);
        assertThat(desk.opdQueue(dpupr, null)).extracting(StaffComplaint::id).doesNotContain(seen.id());

        StaffComplaint history = desk.complaint(operator, seen.id()).orElseThrow();
        assertThat(history.timeline()).extracting(TimelineEntry::type)
                .containsSubsequence("SUBMITTED", "DISPATCHED", "REPLIED", "INTERNAL_NOTE", "RESOLVED");
        assertThat(history.timeline()).filteredOn(e -> "INTERNAL_NOTE".equals(e.type()))
                .singleElement().satisfies(e -> {
                    assertThat(e.internal()).isTrue();
                    assertThat(e.note()).isEqualTo("Perlu alat berat");
                });

        // the photo through the dashboard, for a signed-in browser session
        HttpClient browser = signedIn("dpupr");
        HttpResponse<byte[]> photo = get(browser, "/photos/" + photoId);
        assertThat(photo.statusCode()).isEqualTo(200);
        assertThat(photo.headers().firstValue("Content-Type")).hasValue("image/jpeg");
        assertThat(photo.headers().firstValue("Cache-Control")).hasValueSatisfying(v -> assertThat(v).contains("private"));
        assertThat(photo.body()).startsWith((byte) 0xFF, (byte) 0xD8);
        assertThat(ImageIO.read(new java.io.ByteArrayInputStream(photo.body())).getWidth()).isEqualTo(800);
        HttpResponse<byte[]> thumbnail = get(browser, "/photos/" + photoId + "/thumbnail");
        assertThat(thumbnail.statusCode()).isEqualTo(200);
        assertThat(thumbnail.body().length).isLessThan(photo.body().length);
        assertThat(get(browser, "/photos/not-a-photo").statusCode()).isEqualTo(404);
        assertThat(get(browser, "/photos/" + UUID.randomUUID()).statusCode()).isEqualTo(404);

        // another OPD does not get it; a stranger goes to the login
        assertThat(get(signedIn("dlh"), "/photos/" + photoId).statusCode()).isEqualTo(404);
        HttpResponse<byte[]> stranger = get(HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build(), "/photos/" + photoId);
        assertThat(stranger.statusCode()).isEqualTo(302);
        assertThat(stranger.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
    }

    @Test
    void anOperatorMarksADuplicateByTheOriginalsNumberAndRejectsWithAReason() {
        BackendSession operator = login("operator");
        List<StaffComplaint> intake = desk.intakeQueue(operator);
        assertThat(intake).as("two complaints left in the intake queue").hasSizeGreaterThanOrEqualTo(2);
        StaffComplaint original = desk.opdQueue(operator, "DLH").getFirst();

        StaffComplaint copy = desk.complaint(operator, intake.get(intake.size() - 2).id()).orElseThrow();
        String originalId = desk.byTrackingNumber(operator, original.trackingNumber().replace("-", " ")).orElseThrow().id();
        StaffComplaint marked = desk.markDuplicate(operator, copy, originalId, null);
        assertThat(marked.status()).isEqualTo("REJECTED");
        assertThat(marked.rejectReason()).isEqualTo("DUPLICATE");
        assertThat(marked.duplicateOf().trackingNumber()).isEqualTo(original.trackingNumber());

        StaffComplaint spam = desk.complaint(operator, intake.get(intake.size() - 1).id()).orElseThrow();
        StaffComplaint rejected = desk.reject(operator, spam, RejectReason.SPAM, "Iklan");
        assertThat(rejected.status()).isEqualTo("REJECTED");
        assertThat(rejected.rejectReason()).isEqualTo("SPAM");
        // acting again on what was seen: the version moved on
        assertThatThrownBy(() -> desk.reject(operator, spam, RejectReason.OTHER, null))
                .isInstanceOfSatisfying(ComplaintRefused.class, e -> assertThat(e.isStale()).isTrue());
    }

    @Test
    void whatAStaffMemberMayNotSeeIsEmptyAsAnUnknownId() {
        BackendSession operator = login("operator");
        StaffComplaint atDpupr = desk.opdQueue(operator, "DPUPR").getFirst();
        // another OPD's complaint answers as an unknown one: no existence oracle (ADR 0030)
        assertThat(desk.complaint(login("dlh"), atDpupr.id())).isEmpty();
        assertThat(desk.complaint(operator, UUID.randomUUID().toString())).isEmpty();
        assertThat(desk.byTrackingNumber(operator, "ZZZ-ZZZZ")).isEmpty();
        assertThat(desk.activeOpds(operator)).extracting(StaffComplaint.Named::code).contains("DPUPR", "DLH");
        assertThat(desk.shift(operator).shift()).isIn("PAGI", "SIANG", "MALAM");
    }

    private HttpClient signedIn(String username) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        String form = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(RunningBackend.DEMO_PASSWORD, StandardCharsets.UTF_8);
        HttpResponse<String> login = http.send(HttpRequest.newBuilder(uri("/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).doesNotContain("error"));
        return http;
    }

    private HttpResponse<byte[]> get(HttpClient http, String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    static byte[] png(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(90, 140, 60));
        g.fillRect(0, 0, width, height);
        g.setColor(Color.DARK_GRAY);
        g.fillOval(width / 4, height / 4, width / 2, height / 2);
        g.dispose();
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
