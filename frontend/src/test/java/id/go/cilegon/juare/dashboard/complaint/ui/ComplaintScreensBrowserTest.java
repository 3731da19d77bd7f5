package id.go.cilegon.juare.dashboard.complaint.ui;

import id.go.cilegon.juare.dashboard.BrowserIT;
import static org.assertj.core.api.Assertions.assertThat;

import id.go.cilegon.juare.dashboard.Browser;
import id.go.cilegon.juare.dashboard.backend.BackendClient;
import id.go.cilegon.juare.dashboard.backend.BackendSession;
import id.go.cilegon.juare.dashboard.backend.RunningBackend;
import id.go.cilegon.juare.dashboard.complaint.ComplaintDesk;
import id.go.cilegon.juare.dashboard.complaint.StaffComplaint;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The complaint screens in headless Chromium against the real backend and its demo data: an operator dispatches a
 * complaint from the intake queue with the keyboard; the OPD's responder replies, uploads an after-photo (a PDF is
 * refused first) and resolves; the complaint page shows the photo through the dashboard's proxy.
 */
class ComplaintScreensBrowserTest extends BrowserIT {

    private static final Pattern TRACKING_NUMBER = Pattern.compile("[A-Z0-9]{3}-[A-Z0-9]{4}");

    @Autowired
    ComplaintDesk desk;

    @Autowired
    BackendClient client;

    @Test
    void anOperatorDispatchesFromTheIntakeQueueWithTheKeyboard() {
        WebDriver driver = browser.driver();
        browser.signIn("operator");
        browser.open("/intake");
        browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("intake-queue")));
        String shift = browser.waiting().until(d -> nonEmpty(d.findElement(By.id("intake-shift")).getText()));
        assertThat(shift).contains("WIB");

        // choose a complaint in the queue (one whose category has an OPD): its detail comes up with that OPD chosen
        BackendSession operator = client.login("operator", RunningBackend.DEMO_PASSWORD);
        String number = desk.intakeQueue(operator).stream().filter(c -> c.suggestedOpd() != null).findFirst().orElseThrow()
                .trackingNumber();
        WebElement row = browser.waiting().until(d -> trackingCells(d, "intake-queue").stream()
                .filter(cell -> number.equals(cell.getText())).findFirst().orElse(null));
        row.click();
        browser.waiting().until(d -> number.equals(d.findElement(By.id("detail-tracking-number")).getText()));
        browser.waiting().until(d -> nonEmpty(d.findElement(By.cssSelector("#dispatch-opd input")).getDomProperty("value")));
        assertThat(driver.findElement(By.id("dispatch")).getDomAttribute("disabled")).isNull();
        assertThat(driver.findElement(By.id("detail-timeline")).getText()).isNotBlank();
        browser.screenshot("intake.png");

        // Alt+D dispatches; the complaint leaves the queue and the next one comes up
        new Actions(driver).keyDown(Keys.ALT).sendKeys("d").keyUp(Keys.ALT).perform();
        browser.waiting().until(d -> trackingCells(d, "intake-queue").stream().noneMatch(cell -> number.equals(cell.getText())));
        StaffComplaint dispatched = desk.byTrackingNumber(operator, number).orElseThrow();
        assertThat(dispatched.status()).isEqualTo("DISPATCHED");
        assertThat(dispatched.opd()).isNotNull();
        if (!desk.intakeQueue(operator).isEmpty()) {
            browser.waiting().until(d -> {
                String shown = d.findElement(By.id("detail-tracking-number")).getText();
                return !shown.isEmpty() && !shown.equals(number);
            });
        }

        // the complaints OPDs handed back, on the second tab
        driver.findElement(By.id("tab-transfer")).click();
        String transfers = browser.waiting().until(d -> nonEmpty(d.findElement(By.id("transfer-count")).getText()));
        assertThat(transfers).matches("\\d+ .*");
    }

    @Test
    void theResponderRepliesAndResolvesWithAnAfterPhoto() throws IOException {
        WebDriver driver = browser.driver();
        browser.signIn("dpupr");
        // an OPD responder starts on the OPD queue
        browser.waiting().until(ExpectedConditions.urlContains("/opd-queue"));
        browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("opd-queue")));
        WebElement row = browser.waiting().until(d -> trackingCells(d, "opd-queue").stream().findFirst().orElse(null));
        String number = row.getText();
        row.click();
        browser.waiting().until(d -> number.equals(d.findElement(By.id("detail-tracking-number")).getText()));
        assertThat(driver.findElements(By.cssSelector("#opd-queue .countdown")))
                .as("each row has its countdown").isNotEmpty()
                .allSatisfy(badge -> assertThat(badge.getDomAttribute("data-level")).isIn("OK", "WARNING", "OVERDUE"));
        browser.screenshot("opd-queue.png");

        // reply to the resident
        driver.findElement(By.cssSelector("#reply-message textarea")).sendKeys("Petugas kami datang ke lokasi ini besok pagi.");
        driver.findElement(By.id("reply")).click();
        browser.waiting().until(d -> !d.findElements(By.cssSelector("#detail-timeline .timeline-entry[data-type='REPLIED']")).isEmpty());

        // resolve: a PDF is refused in the browser, a PNG goes up, then the resolution
        driver.findElement(By.id("resolve")).click();
        browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#resolve-note textarea")))
                .sendKeys("Sudah ditambal dengan aspal hotmix.");
        Path pdf = Files.writeString(Path.of("target", "surat.pdf").toAbsolutePath(), "%PDF-1.7\n%...\n", StandardCharsets.US_ASCII);
        browser.fileInput("resolve-upload").sendKeys(pdf.toString());
        browser.waiting().until(d -> nonEmpty(d.findElement(By.id("resolve-upload-error")).getText()));
        assertThat(driver.findElement(By.id("resolve-upload-error")).getText()).contains("surat.pdf");
        assertThat(driver.findElement(By.id("resolve-confirm")).getDomAttribute("disabled")).isNotNull();

        browser.fileInput("resolve-upload").sendKeys(Browser.png(Path.of("target", "after-photo.png").toAbsolutePath()).toString());
        browser.waiting().until(d -> d.findElement(By.id("resolve-confirm")).getDomAttribute("disabled") == null);
        assertThat(driver.findElement(By.id("resolve-photos")).getText()).contains("1");
        driver.findElement(By.id("resolve-confirm")).click();
        browser.waiting().until(d -> trackingCells(d, "opd-queue").stream().noneMatch(cell -> number.equals(cell.getText())));

        BackendSession responder = client.login("dpupr", RunningBackend.DEMO_PASSWORD);
        StaffComplaint resolved = desk.byTrackingNumber(responder, number).orElseThrow();
        assertThat(resolved.status()).isEqualTo("RESOLVED");
        assertThat(resolved.photos()).anySatisfy(p -> assertThat(p.kind()).isEqualTo("AFTER"));

        // its own page: the after-photo comes through the dashboard's proxy; a click opens it full size
        browser.open("/complaint/" + resolved.id());
        browser.waiting().until(d -> number.equals(d.findElement(By.id("detail-tracking-number")).getText()));
        WebElement thumbnail = browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#detail-photos img.photo-thumb")));
        browser.waiting().until(d -> loaded(d, thumbnail));
        assertThat(driver.findElement(By.id("detail-timeline")).getText()).contains("Petugas kami datang ke lokasi ini besok pagi.");
        browser.screenshot("complaint-detail.png");
        thumbnail.click();
        WebElement full = browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("lightbox-image")));
        browser.waiting().until(d -> loaded(d, full));
    }

    @Test
    void aComplaintOfAnotherOpdIsRefusedPlainly() {
        BackendSession operator = client.login("operator", RunningBackend.DEMO_PASSWORD);
        StaffComplaint atDlh = desk.opdQueue(operator, "DLH").getFirst();
        browser.signIn("dpupr");
        browser.open("/complaint/" + atDlh.id());
        WebElement message = browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("complaint-message")));
        // the backend answers another OPD's complaint as an unknown one: no existence oracle (issue 14, ADR 0030; was
        // "Anda tidak berhak melihat pengaduan ini.")
        browser.waiting().until(d -> d.findElement(By.id("complaint-message")).getText().equals("Pengaduan ini tidak ditemukan."));
        browser.open("/complaint/" + java.util.UUID.randomUUID());
        browser.waiting().until(d -> d.findElement(By.id("complaint-message")).getText().equals("Pengaduan ini tidak ditemukan."));
    }

    /** The grid cells holding a tracking number, in row order. */
    private static List<WebElement> trackingCells(WebDriver driver, String gridId) {
        return driver.findElement(By.id(gridId)).findElements(By.tagName("vaadin-grid-cell-content")).stream()
                .filter(cell -> TRACKING_NUMBER.matcher(cell.getText().strip()).matches())
                .toList();
    }

    private static boolean loaded(WebDriver driver, WebElement image) {
        Object width = ((JavascriptExecutor) driver).executeScript("return arguments[0].complete && arguments[0].naturalWidth", image);
        return width instanceof Number n && n.intValue() > 0;
    }

    private static String nonEmpty(String text) {
        return text == null || text.isBlank() ? null : text;
    }

}
