package id.go.cilegon.juare.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.cilegon.juare.dashboard.backend.BackendClient;
import id.go.cilegon.juare.dashboard.backend.BackendSession;
import id.go.cilegon.juare.dashboard.backend.RunningBackend;
import id.go.cilegon.juare.dashboard.commandcentre.CommandCentreService;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Live updates in a real browser (headless Chromium) against the real backend, the dashboard holding its one
 * subscription with the backend's service account: an operator's dispatch elsewhere shows on the open command
 * centre (latest events, counters) and on the wall screen without a click. Screenshots go to
 * {@code target/screenshots/}.
 */
class LiveBrowserTest extends BrowserIT {

    LiveBrowserTest() {
        super(1920, 1080);
    }

    @Test
    void aDispatchElsewhereShowsOnTheCommandCentreAndTheWallWithoutAClick() throws IOException {
        browser.signIn("operator2");
        wait.until(ExpectedConditions.urlContains("/command-centre"));
        wait.until(ExpectedConditions.attributeToBe(By.id("live-status"), "data-state", "live"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("opd-table")));
        assertThat(driver.findElement(By.id("opd-table")).getText()).contains("Median balasan");

        // another operator dispatches a complaint that waits for one
        BackendClient client = new BackendClient(RunningBackend.get().properties(), Clock.systemUTC());
        BackendSession operator = client.login("operator", RunningBackend.DEMO_PASSWORD);
        Map<String, Object> waiting = firstSubmitted(client, operator);
        String complaintId = (String) waiting.get("id");
        String trackingNumber = (String) waiting.get("trackingNumber");
        Map<?, ?> dispatched = client.execute(operator, "Dispatch", Map.of("input", Map.of("complaintId", complaintId, "opdCode", "DLH")))
                .field("dispatch").toEntity(Map.class);
        assertThat((List<?>) dispatched.get("errors")).isEmpty();
        int stillWaiting = new CommandCentreService(client, Clock.systemUTC()).overview(operator).waitingForOperator();

        // among the latest events (the backend's clock may add overdue ones of other complaints meanwhile), and the
        // counters reloaded
        WebElement shown = wait.until(d -> eventFor(complaintId, "Diteruskan ke OPD"));
        assertThat(shown.getText()).contains(trackingNumber).contains("DLH");
        wait.until(d -> d.findElement(By.id("counter-open")).getText().contains(stillWaiting + " menunggu operator"));
        browser.screenshot("command-centre-live.png");

        // the wall: no menu, dark, the same figures, and it keeps up by itself
        driver.findElement(By.id("wall-mode")).click();
        wait.until(ExpectedConditions.urlContains("/wall"));
        WebElement wall = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("wall")));
        assertThat(wall.getAttribute("theme")).contains("dark");
        assertThat(driver.findElements(By.tagName("vaadin-side-nav"))).isEmpty();
        wait.until(ExpectedConditions.attributeToBe(By.id("live-status"), "data-state", "live"));
        wait.until(d -> d.findElement(By.cssSelector("#wall-counter-open .counter-value")).getText().matches("\\d+"));
        // the events from before the wall opened are there too
        wait.until(d -> eventFor(complaintId, "Diteruskan ke OPD"));

        Map<?, ?> noted = client.execute(operator, "AddInternalNote",
                        Map.of("input", Map.of("complaintId", complaintId, "note", "Petugas DLH sudah di lokasi")))
                .field("addInternalNote").toEntity(Map.class);
        assertThat((List<?>) noted.get("errors")).isEmpty();
        WebElement note = wait.until(d -> eventFor(complaintId, "Catatan internal"));
        browser.screenshot("wall.png");

        // an event opens its complaint
        note.click();
        wait.until(ExpectedConditions.urlContains("/complaint/" + complaintId));
    }

    /** The latest-events row of this complaint that says this, or null. */
    private WebElement eventFor(String complaintId, String text) {
        return driver.findElements(By.cssSelector("#latest-events .latest-event[data-complaint-id='" + complaintId + "']")).stream()
                .filter(row -> row.getText().contains(text))
                .findFirst()
                .orElse(null);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> firstSubmitted(BackendClient client, BackendSession operator) {
        List<Map<String, Object>> edges = client.execute(operator, "IntakeQueue", Map.of("first", 1))
                .field("intakeQueue.edges").toEntity(List.class);
        assertThat(edges).as("the demo data has complaints waiting for an operator").isNotEmpty();
        return (Map<String, Object>) edges.getFirst().get("node");
    }

}
