package id.go.cilegon.juare.dashboard.complaint.ui;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.cilegon.juare.dashboard.Browser;
import id.go.cilegon.juare.dashboard.BrowserIT;
import id.go.cilegon.juare.dashboard.backend.BackendClient;
import id.go.cilegon.juare.dashboard.backend.BackendSession;
import id.go.cilegon.juare.dashboard.backend.Resident;
import id.go.cilegon.juare.dashboard.backend.RunningBackend;
import id.go.cilegon.juare.dashboard.complaint.ComplaintDesk;
import id.go.cilegon.juare.dashboard.complaint.StaffComplaint;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 13, the OPD field worker on a phone (390 × 844, as a phone's browser: device metrics emulated, since headless
 * Chromium keeps a window at least 500 px wide): the queue is a list of cards; a tap opens the complaint full screen,
 * photos first, then the text and the place with a directions link to its point, then reply and resolve (the
 * after-photo from the camera's file input); resolved, the worker is back on the queue. Nothing is wider than the
 * screen at any step. Escape on the complaint page returns to the queue, but first closes an open lightbox.
 */
class OpdPhoneBrowserTest extends BrowserIT {

    private static final int WIDTH = 390;
    private static final int HEIGHT = 844;

    /** Anything wider than the screen that nothing clips (a map's panes are clipped by the map, for one). */
    private static final String TOO_WIDE = """
            const w = window.innerWidth;
            const clipped = el => {
              for (let p = el.parentElement; p; p = p.parentElement) {
                const s = getComputedStyle(p);
                if (s.overflowX !== 'visible' && p.getBoundingClientRect().width <= w + 1) { return true; }
              }
              return false;
            };
            const wide = [...document.querySelectorAll('body *')].filter(el => {
              const r = el.getBoundingClientRect();
              return r.width > 0 && r.height > 0 && (r.width > w + 1 || r.right > w + 1) && !clipped(el);
            }).map(el => el.localName + (el.id ? '#' + el.id : '') + '.' + el.className + ' ' + Math.round(el.getBoundingClientRect().width));
            return {scrollWidth: document.documentElement.scrollWidth, innerWidth: w, wide: wide.slice(0, 10)};""";

    @Autowired
    ComplaintDesk desk;

    @Autowired
    BackendClient client;

    OpdPhoneBrowserTest() {
        super(WIDTH, HEIGHT);
    }

    @BeforeEach
    void aPhonesScreen() {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", WIDTH, "height", HEIGHT, "deviceScaleFactor", 1, "mobile", true));
        driver.executeCdpCommand("Emulation.setTouchEmulationEnabled", Map.of("enabled", true, "maxTouchPoints", 5));
    }

    @Test
    void aFieldWorkerRepliesAndResolvesFromAPhone() throws Exception {
        try {
            fieldWork();
        } catch (AssertionError | RuntimeException e) {
            browser.screenshot("opd-phone-failed.png");
            System.out.println("geometry at failure: " + driver.executeScript("""
                    const out = {scrollY: window.scrollY, innerHeight: window.innerHeight};
                    for (const id of ['complaint-view', 'complaint-back', 'detail', 'detail-tracking-number', 'detail-photos',
                        'detail-facts', 'detail-clocks', 'detail-description', 'detail-map']) {
                      const el = document.getElementById(id);
                      if (!el) { out[id] = 'none'; continue; }
                      const r = el.getBoundingClientRect(), s = getComputedStyle(el);
                      out[id] = [Math.round(r.top), Math.round(r.height), Math.round(r.width), s.display, s.visibility, s.order].join(' ');
                    }
                    let p = document.getElementById('complaint-view');
                    const chain = [];
                    for (; p; p = p.parentElement || (p.getRootNode() && p.getRootNode().host)) {
                      const s = getComputedStyle(p);
                      chain.push(p.localName + ' ' + s.overflowY + ' ' + p.scrollTop + ' ' + Math.round(p.getBoundingClientRect().top));
                    }
                    out.chain = chain;
                    return JSON.stringify(out);"""));
            System.out.println("page at failure: " + driver.getCurrentUrl() + "\n" + driver.findElement(By.tagName("body")).getText());
            throw e;
        }
    }

    private void fieldWork() throws Exception {
        // a street light out somewhere in kecamatan Cilegon, with the resident's photo, sent to DISHUB
        ThreadLocalRandom random = ThreadLocalRandom.current();
        double lat = -6.0190 + random.nextDouble(0.004);
        double lng = 106.0520 + random.nextDouble(0.004);
        Resident resident = Resident.signUp(RunningBackend.get(), "Dewi Lestari");
        String photoId = resident.uploadPhoto(RunningBackend.get(), jpeg());
        Resident.Filed filed = resident.submit("PJU", "Lampu jalan di depan musala mati sejak tiga malam, jalan gelap sekali.",
                lat, lng, List.of(photoId));
        BackendSession operator = client.login("operator", RunningBackend.DEMO_PASSWORD);
        StaffComplaint dispatched = desk.dispatch(operator, desk.complaint(operator, filed.id()).orElseThrow(), "DISHUB", null);
        String number = filed.trackingNumber();

        // the queue: cards, no split pane
        browser.signIn("dishub");
        wait.until(ExpectedConditions.urlContains("/opd-queue"));
        assertThat(driver.executeScript("return window.innerWidth")).isEqualTo(390L);
        WebElement card = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("opd-card-" + number)));
        browser.screenshot("opd-phone-queue-top.png");
        // time to usable: the queue opened again until its cards are there
        long opening = System.nanoTime();
        browser.open("/opd-queue");
        card = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("opd-card-" + number)));
        System.out.printf("OPD queue on a phone usable after %d ms%n", (System.nanoTime() - opening) / 1_000_000);
        assertThat(driver.findElements(By.cssSelector("vaadin-split-layout"))).isEmpty();
        assertThat(driver.findElements(By.id("opd-queue"))).isEmpty();
        scrollIntoView(card);
        String cardText = card.getText();
        assertThat(cardText).contains(number, "Lampu penerangan jalan mati");
        if (dispatched.kelurahan() != null) {
            assertThat(cardText).contains(dispatched.kelurahan().name());
        }
        WebElement clock = card.findElement(By.cssSelector(".countdown"));
        assertThat(clock.getDomAttribute("data-level")).isIn("OK", "WARNING", "OVERDUE");
        assertThat(clock.getText()).startsWith("Balasan");
        noHorizontalScroll("the queue");
        browser.screenshot("opd-phone-queue.png");

        // a tap opens the complaint on its own page: photos first, then the text, the place, the actions
        card.click();
        wait.until(ExpectedConditions.urlContains("/complaint/" + filed.id()));
        // read from the DOM and brought into view: under load the frame may still be scrolled where the queue was, and
        // Selenium reads an element scrolled out of the frame's content as empty
        wait.until(d -> number.equals(((JavascriptExecutor) d).executeScript("""
                const e = document.getElementById('detail-tracking-number');
                if (!e) { return null; }
                e.scrollIntoView({block: 'start'});
                return e.textContent.trim();""")));
        scrollIntoView(wait.until(ExpectedConditions.presenceOfElementLocated(By.id("detail-photos-evidence"))));
        WebElement before = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("detail-photos-evidence")));
        assertThat(before.getText()).startsWith("Sebelum");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("opd-actions")));
        assertThat(top("detail-photos")).isLessThan(top("detail-description"));
        assertThat(top("detail-description")).isLessThan(top("detail-map"));
        assertThat(top("detail-map")).isLessThan(top("detail-directions"));
        assertThat(top("detail-directions")).isLessThan(top("reply-message"));
        assertThat(top("resolve")).isLessThan(top("detail-timeline"));
        String point = ComplaintDetailPanel.coordinate(lat) + "," + ComplaintDetailPanel.coordinate(lng);
        WebElement directions = driver.findElement(By.id("detail-directions"));
        assertThat(directions.getDomAttribute("href")).isEqualTo("https://www.google.com/maps/dir/?api=1&destination=" + point);
        assertThat(directions.getDomAttribute("target")).isEqualTo("_blank");
        assertThat(directions.getText()).isEqualTo("Petunjuk arah");
        assertThat(driver.findElement(By.id("detail-geo")).getDomAttribute("href")).startsWith("geo:" + point);
        assertThat(Double.parseDouble(point.split(",")[0])).isCloseTo(lat, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(driver.findElement(By.id("complaint-back")).getText()).isEqualTo("Kembali ke Antrean OPD");
        noHorizontalScroll("the complaint");
        browser.screenshot("opd-phone-complaint.png");

        // reply
        WebElement reply = driver.findElement(By.cssSelector("#reply-message textarea"));
        scrollIntoView(reply);
        reply.sendKeys("Petugas kami memeriksa lampu ini malam ini juga.");
        // Escape while typing stays on the page (the text too)
        reply.sendKeys(Keys.ESCAPE);
        assertThat(driver.getCurrentUrl()).contains("/complaint/" + filed.id());
        driver.findElement(By.id("reply")).click();
        wait.until(d -> !d.findElements(By.cssSelector("#detail-timeline .timeline-entry[data-type='REPLIED']")).isEmpty());
        noHorizontalScroll("after the reply");
        scrollIntoView(driver.findElement(By.id("reply")));
        browser.screenshot("opd-phone-replied.png");

        // resolve, the after-photo through the camera's file input (same upload path and checks)
        WebElement resolve = driver.findElement(By.id("resolve"));
        scrollIntoView(resolve);
        resolve.click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#resolve-note textarea")))
                .sendKeys("Lampu sudah diganti dengan LED baru, menyala normal.");
        WebElement input = browser.fileInput("resolve-upload");
        assertThat(input.getDomAttribute("capture")).isEqualTo("environment");
        assertThat(input.getDomAttribute("accept")).contains("image/jpeg", "image/png");
        assertThat(driver.findElement(By.id("resolve-camera")).isDisplayed()).isTrue();
        input.sendKeys(Browser.png(Path.of("target", "phone-after-photo.png").toAbsolutePath()).toString());
        wait.until(d -> d.findElement(By.id("resolve-confirm")).getDomAttribute("disabled") == null);
        noHorizontalScroll("the resolve dialog");
        browser.screenshot("opd-phone-resolve.png");
        driver.findElement(By.id("resolve-confirm")).click();

        // resolved: back on the queue, without it
        wait.until(ExpectedConditions.urlContains("/opd-queue"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("opd-cards")));
        wait.until(d -> d.findElements(By.id("opd-card-" + number)).isEmpty());
        noHorizontalScroll("the queue after resolving");
        browser.screenshot("opd-phone-queue-after.png");
        StaffComplaint resolved = desk.complaint(operator, filed.id()).orElseThrow();
        assertThat(resolved.status()).isEqualTo("RESOLVED");
        assertThat(resolved.photos()).anySatisfy(p -> assertThat(p.kind()).isEqualTo("AFTER"));

        // before and after, labelled; Escape closes the lightbox first, then returns to the queue
        browser.open("/complaint/" + filed.id() + "?from=opd-queue");
        WebElement after = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("detail-photos-after")));
        assertThat(after.getText()).startsWith("Sesudah");
        assertThat(driver.findElement(By.id("detail-photos-evidence")).getText()).startsWith("Sebelum");
        assertThat(driver.findElements(By.id("opd-actions")).stream().noneMatch(WebElement::isDisplayed)).isTrue();
        noHorizontalScroll("before and after");
        browser.screenshot("opd-phone-before-after.png");
        after.findElement(By.cssSelector("img.photo-thumb")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("lightbox-image")));
        new Actions(driver).sendKeys(Keys.ESCAPE).perform();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("lightbox-image")));
        assertThat(driver.getCurrentUrl()).contains("/complaint/" + filed.id());
        new Actions(driver).sendKeys(Keys.ESCAPE).perform();
        wait.until(ExpectedConditions.urlContains("/opd-queue"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("opd-cards")));
    }

    @Test
    void escapeReturnsToTheQueueOnTheDeskToo() {
        BackendSession operator = client.login("operator", RunningBackend.DEMO_PASSWORD);
        StaffComplaint atDishub = desk.opdQueue(operator, "DISHUB").getFirst();
        try (Browser desktop = new Browser(port)) {
            desktop.signIn("operator");
            desktop.open("/complaint/" + atDishub.id() + "?from=intake");
            desktop.waiting().until(d -> atDishub.trackingNumber().equals(d.findElement(By.id("detail-tracking-number")).getText()));
            new Actions(desktop.driver()).sendKeys(Keys.ESCAPE).perform();
            desktop.waiting().until(ExpectedConditions.urlContains("/intake"));
            desktop.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("intake-queue")));
        }
    }

    private long top(String id) {
        Object top = ((JavascriptExecutor) driver).executeScript(
                "return Math.round(document.getElementById(arguments[0]).getBoundingClientRect().top + window.scrollY)", id);
        return ((Number) top).longValue();
    }

    private void scrollIntoView(WebElement element) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
    }

    @SuppressWarnings("unchecked")
    private void noHorizontalScroll(String where) {
        Map<String, Object> seen = (Map<String, Object>) ((JavascriptExecutor) driver).executeScript(TOO_WIDE);
        assertThat(((Number) seen.get("scrollWidth")).longValue()).as("page width on " + where + ": " + seen)
                .isLessThanOrEqualTo(((Number) seen.get("innerWidth")).longValue());
        assertThat((List<String>) seen.get("wide")).as("elements wider than the screen on " + where).isEmpty();
    }

    /** The resident's photo of the dark street. */
    private static byte[] jpeg() throws IOException {
        BufferedImage image = new BufferedImage(480, 360, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(20, 24, 40));
        g.fillRect(0, 0, 480, 360);
        g.setColor(new Color(90, 90, 95));
        g.fillPolygon(new int[] {200, 280, 480, 0}, new int[] {150, 150, 360, 360}, 4);
        g.setColor(new Color(60, 60, 60));
        g.fillRect(330, 40, 8, 200);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "jpg", out);
        return out.toByteArray();
    }
}
