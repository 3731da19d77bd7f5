package id.go.cilegon.juare.dashboard.verification.ui;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.cilegon.juare.dashboard.Browser;
import id.go.cilegon.juare.dashboard.BrowserIT;
import id.go.cilegon.juare.dashboard.backend.BackendClient;
import id.go.cilegon.juare.dashboard.backend.BackendSession;
import id.go.cilegon.juare.dashboard.backend.Resident;
import id.go.cilegon.juare.dashboard.backend.RunningBackend;
import id.go.cilegon.juare.dashboard.complaint.ComplaintDesk;
import id.go.cilegon.juare.dashboard.complaint.StaffComplaint;
import id.go.cilegon.juare.dashboard.verification.VerificationDesk;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The operators' verification screen in a real browser against the real backend (auto-closing after 40 s there):
 * two residents' complaints are "resolved" by DPUPR with the resident's own photo and close by themselves; both wait
 * as "Foto sesudah mirip foto sebelum". On a desktop window (1440 × 900) the operator verifies one; on a phone-sized
 * one (390 × 844) rejects the other, first with too short a reason (refused on the field), then with a real one.
 */
class VerificationBrowserTest extends BrowserIT {

    @Autowired
    ComplaintDesk desk;

    @Autowired
    VerificationDesk verification;

    @Autowired
    BackendClient client;

    @Test
    void anOperatorVerifiesOneFixAndRejectsAnother() throws Exception {
        BackendSession operator = client.login("operator", RunningBackend.DEMO_PASSWORD);
        BackendSession dpupr = client.login("dpupr", RunningBackend.DEMO_PASSWORD);
        List<StaffComplaint> gamed = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            byte[] photo = street(i);
            Resident resident = Resident.signUp(RunningBackend.get(), "Warga Verifikasi " + i);
            String photoId = resident.uploadPhoto(RunningBackend.get(), photo);
            Resident.Filed filed = resident.submit("JALAN", "Jalan berlubang di depan gang nomor " + (i + 7) + ", mohon diperbaiki.",
                    -6.0190 + i * 0.001, 106.0530, List.of(photoId));
            StaffComplaint seen = desk.complaint(operator, filed.id()).orElseThrow();
            StaffComplaint dispatched = desk.dispatch(operator, seen, "DPUPR", null);
            // the OPD's "after" photo is the resident's own picture
            String after = desk.uploadPhoto(dpupr, "sesudah.jpg", photo);
            gamed.add(desk.resolve(dpupr, dispatched, "Jalan sudah ditambal dengan aspal oleh tim.", List.of(after)));
        }
        // the backend closes them after 40 s and queues them: the resident's photo came back as the after-photo
        new WebDriverWait(driver, Duration.ofSeconds(120)).pollingEvery(Duration.ofSeconds(2))
                .until(d -> gamed.stream().allMatch(c -> queued(operator, c.id())));

        browser.signIn("operator");
        browser.open("/verification");
        WebElement first = card(browser, gamed.get(0).id());
        assertThat(first.getText()).contains("Sebelum", "Sesudah", "Foto sesudah mirip foto sebelum",
                "Jalan sudah ditambal dengan aspal oleh tim.");
        assertThat(first.findElements(By.cssSelector(".before img"))).isNotEmpty();
        assertThat(first.findElements(By.cssSelector(".after img"))).isNotEmpty();
        browser.screenshot("verification.png");
        first.findElement(By.cssSelector("vaadin-button.verification-verify")).click();
        wait.until(d -> d.findElements(By.id("verification-" + gamed.get(0).id())).isEmpty());
        assertThat(desk.complaint(operator, gamed.get(0).id()).orElseThrow().status()).isEqualTo("CLOSED");
        assertThat(queued(operator, gamed.get(0).id())).isFalse();

        try (Browser phone = new Browser(port, 390, 844)) {
            phone.signIn("operator");
            phone.open("/verification");
            WebElement second = card(phone, gamed.get(1).id());
            phone.screenshot("verification-phone.png");
            scrollTo(phone.driver(), second.findElement(By.cssSelector("vaadin-button.verification-reject")));
            second.findElement(By.cssSelector(".verification-reject-reason textarea")).sendKeys("x");
            second.findElement(By.cssSelector("vaadin-button.verification-reject")).click();
            phone.waiting().until(d -> d.findElement(By.cssSelector("#verification-" + gamed.get(1).id() + " .verification-reject-reason"))
                    .getDomAttribute("invalid") != null);
            scrollTo(phone.driver(), second.findElement(By.cssSelector("vaadin-button.verification-reject")));
            second.findElement(By.cssSelector(".verification-reject-reason textarea")).sendKeys(" — foto sesudah sama dengan foto warga");
            second.findElement(By.cssSelector("vaadin-button.verification-reject")).click();
            phone.waiting().until(d -> d.findElements(By.id("verification-" + gamed.get(1).id())).isEmpty());
        }
        StaffComplaint reopened = desk.complaint(operator, gamed.get(1).id()).orElseThrow();
        assertThat(reopened.status()).isEqualTo("REOPENED");
        // one deadline per assignment: the fix deadline it was dispatched with
        assertThat(reopened.fixDueAt()).isEqualTo(gamed.get(1).fixDueAt());
    }

    private static void scrollTo(WebDriver driver, WebElement element) {
        ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
    }

    private boolean queued(BackendSession operator, String complaintId) {
        String cursor = null;
        do {
            VerificationDesk.Page page = verification.queue(operator, cursor);
            if (page.items().stream().anyMatch(item -> item.id().equals(complaintId))) {
                return true;
            }
            cursor = page.hasMore() ? page.endCursor() : null;
        } while (cursor != null);
        return false;
    }

    /** The complaint's card, loading more pages of the queue (oldest first) until it shows. */
    private static WebElement card(Browser browser, String complaintId) {
        return browser.waiting().until(d -> {
            List<WebElement> found = d.findElements(By.id("verification-" + complaintId));
            if (!found.isEmpty()) {
                // into the middle of the window, so that its buttons can be clicked and the screenshot shows it
                ((org.openqa.selenium.JavascriptExecutor) d).executeScript("arguments[0].scrollIntoView({block: 'center'});",
                        found.getFirst());
                return found.getFirst();
            }
            List<WebElement> more = d.findElements(By.id("verification-more"));
            if (!more.isEmpty() && more.getFirst().isDisplayed()) {
                more.getFirst().click();
            }
            return null;
        });
    }

    /** A small street-like JPEG, different per seed. */
    private static byte[] street(int seed) throws IOException {
        BufferedImage image = new BufferedImage(480, 360, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        ThreadLocalRandom random = ThreadLocalRandom.current();
        g.setColor(new Color(150, 190, 230));
        g.fillRect(0, 0, 480, 150);
        g.setColor(new Color(90, 90, 95));
        g.fillPolygon(new int[] {200, 280, 480, 0}, new int[] {150, 150, 360, 360}, 4);
        for (int i = 0; i < 6; i++) {
            g.setColor(new Color(random.nextInt(256), random.nextInt(256), random.nextInt(256)));
            g.fillRect(i * 80, 60 + random.nextInt(40), 70, 90);
        }
        g.setColor(new Color(40, 30, 25));
        g.fillOval(180 + seed * 40, 250, 110, 50);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "jpg", out);
        return out.toByteArray();
    }
}
