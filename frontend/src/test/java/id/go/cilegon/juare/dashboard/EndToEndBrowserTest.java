package id.go.cilegon.juare.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.cilegon.juare.dashboard.backend.Resident;
import id.go.cilegon.juare.dashboard.backend.RunningBackend;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The whole loop in real browsers on the real stack (embedded database, backend, dashboard with its one live
 * subscription): a resident files a complaint through the API; it appears in the operator's intake queue within 2 s
 * with no reload; the operator dispatches it; the OPD's responder finds it in the queue, replies and resolves it
 * with an after-photo; meanwhile the mayor's map shows its marker change colour live, with no click.
 */
class EndToEndBrowserTest extends DashboardIT {

    private Browser mayor;
    private Browser staff;

    @AfterEach
    void closeBrowsers() {
        if (mayor != null) {
            mayor.close();
        }
        if (staff != null) {
            staff.close();
        }
    }

    @Test
    void aComplaintGoesFromTheResidentThroughTheOperatorAndTheOpdToResolvedLiveOnTheMayorsMap() throws Exception {
        // somewhere in kecamatan Cilegon, a street of its own so the marker is alone at street level
        ThreadLocalRandom random = ThreadLocalRandom.current();
        double lat = -6.0190 + random.nextDouble(0.004);
        double lng = 106.0520 + random.nextDouble(0.004);

        mayor = new Browser(port);
        mayor.signIn("walikota");
        mayor.open("/command-centre");
        mayor.waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#complaint-map.juare-map-ready")));
        mayor.waiting().until(d -> "live".equals(d.findElement(By.id("live-status")).getDomAttribute("data-state")));
        zoomTo(mayor.driver(), lat, lng);

        staff = new Browser(port);
        staff.signIn("operator");
        staff.open("/intake");
        staff.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("intake-queue")));
        staff.waiting().until(d -> "live".equals(d.findElement(By.id("live-status")).getDomAttribute("data-state")));

        // the resident files it through the public API
        Resident resident = Resident.signUp(RunningBackend.get(), "Siti Rahmawati");
        Resident.Filed filed = resident.submit("JALAN",
                "Lubang besar di jalan depan pasar, sudah dua motor jatuh minggu ini.", lat, lng);
        long filedAt = System.nanoTime();

        // within 2 s in the operator's queue, no reload
        new WebDriverWait(staff.driver(), Duration.ofSeconds(2), Duration.ofMillis(50))
                .ignoring(NoSuchElementException.class)
                .ignoring(StaleElementReferenceException.class)
                .until(d -> staff.gridCell("intake-queue", filed.trackingNumber()));
        System.out.printf(Locale.ROOT, "intake queue shows the new complaint %d ms after it was filed%n",
                (System.nanoTime() - filedAt) / 1_000_000);
        String marker = "#complaint-map path.juare-marker.complaint-" + filed.id();
        mayor.waiting().until(d -> markerStatus(d, marker).equals("SUBMITTED"));

        // the operator dispatches it to the suggested OPD (DPUPR for roads) with the keyboard. The newest complaint is
        // the queue's last row (oldest first): rendered, but maybe below what the grid shows, so it is scrolled into
        // view; the live queue may also redraw it just as it is clicked: found and clicked again until it takes
        staff.clickGridRow("intake-queue", -1, filed.trackingNumber());
        staff.waiting().until(d -> filed.trackingNumber().equals(d.findElement(By.id("detail-tracking-number")).getText()));
        staff.waiting().until(d -> d.findElement(By.cssSelector("#dispatch-opd input")).getDomProperty("value").contains("Pekerjaan Umum"));
        staff.screenshot("e2e-intake.png");
        new Actions(staff.driver()).keyDown(Keys.ALT).sendKeys("d").keyUp(Keys.ALT).perform();
        staff.waiting().until(d -> staff.gridCell("intake-queue", filed.trackingNumber()) == null);
        mayor.waiting().until(d -> markerStatus(d, marker).equals("DISPATCHED"));

        // the OPD's responder: in the queue; reply, then resolve with an after-photo
        staff.driver().findElement(By.id("logout")).click();
        staff.waiting().until(ExpectedConditions.urlContains("/login"));
        staff.signIn("dpupr");
        staff.waiting().until(ExpectedConditions.urlContains("/opd-queue"));
        staff.clickGridRow("opd-queue", -1, filed.trackingNumber());
        staff.waiting().until(d -> filed.trackingNumber().equals(d.findElement(By.id("detail-tracking-number")).getText()));
        staff.driver().findElement(By.cssSelector("#reply-message textarea")).sendKeys("Terima kasih, tim kami menambal lubangnya besok pagi.");
        staff.driver().findElement(By.id("reply")).click();
        staff.waiting().until(d -> !d.findElements(By.cssSelector("#detail-timeline .timeline-entry[data-type='REPLIED']")).isEmpty());
        mayor.waiting().until(d -> markerStatus(d, marker).equals("IN_PROGRESS"));

        staff.driver().findElement(By.id("resolve")).click();
        staff.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#resolve-note textarea")))
                .sendKeys("Lubang sudah ditambal dengan aspal.");
        Path photo = Browser.png(Path.of("target", "e2e-after-photo.png").toAbsolutePath());
        staff.fileInput("resolve-upload").sendKeys(photo.toString());
        staff.waiting().until(d -> d.findElement(By.id("resolve-confirm")).getDomAttribute("disabled") == null);
        staff.driver().findElement(By.id("resolve-confirm")).click();
        staff.waiting().until(d -> staff.gridCell("opd-queue", filed.trackingNumber()) == null);

        // the mayor saw it all without a click: now the colour of a resolved complaint
        mayor.waiting().until(d -> markerStatus(d, marker).equals("RESOLVED"));
        WebElement resolved = mayor.driver().findElement(By.cssSelector(marker));
        assertThat(resolved.getDomAttribute("fill")).isEqualTo(id.go.cilegon.juare.dashboard.base.ui.map.StatusPalette.color("RESOLVED"));
        mayor.screenshot("e2e-mayor-map-resolved.png");
    }

    /** Street level round the place, by Leaflet's own view (what a mayor does with the mouse wheel). */
    private static void zoomTo(WebDriver driver, double lat, double lng) {
        ((JavascriptExecutor) driver).executeScript(
                "document.getElementById('complaint-map')._juare.map.setView([arguments[0], arguments[1]], 18);", lat, lng);
    }

    /** The status in the marker's classes, or "" while it is not drawn. */
    private static String markerStatus(WebDriver driver, String selector) {
        return driver.findElements(By.cssSelector(selector)).stream()
                .map(marker -> marker.getDomAttribute("class"))
                .flatMap(classes -> java.util.Arrays.stream(classes.split("\\s+")))
                .filter(c -> c.startsWith("status-"))
                .map(c -> c.substring("status-".length()))
                .findFirst()
                .orElse("");
    }
}
