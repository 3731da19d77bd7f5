package id.go.cilegon.juare.dashboard.identity.ui;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.cilegon.juare.dashboard.BrowserIT;
import id.go.cilegon.juare.dashboard.backend.Resident;
import id.go.cilegon.juare.dashboard.backend.RunningBackend;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The operators' number-change queue in a real browser against the real backend: two residents lost their old number
 * and will show their KTP at the kelurahan office; the operator approves one and rejects the other with a reason.
 */
class PhoneChangesBrowserTest extends BrowserIT {

    @Test
    void anOperatorApprovesOneRequestAndRejectsAnotherWithAReason() throws Exception {
        String approvedName = "Ganti Setuju " + UUID.randomUUID().toString().substring(0, 6);
        String rejectedName = "Ganti Tolak " + UUID.randomUUID().toString().substring(0, 6);
        String approvedId = Resident.lostNumberChange(RunningBackend.get(), approvedName);
        String rejectedId = Resident.lostNumberChange(RunningBackend.get(), rejectedName);

        browser.signIn("operator");
        browser.open("/phone-changes");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("phone-change-grid")));
        openRow(approvedName, approvedId);
        assertThat(driver.findElement(By.id("phone-change-proof")).getText()).contains("kelurahan");
        browser.screenshot("phone-changes.png");
        driver.findElement(By.id("phone-change-approve")).click();
        wait.until(d -> browser.gridCell("phone-change-grid", approvedName) == null);

        openRow(rejectedName, rejectedId);
        // too short a reason: the backend's message on the field, nothing decided
        driver.findElement(By.cssSelector("#phone-change-reason textarea")).sendKeys("x");
        driver.findElement(By.id("phone-change-reject")).click();
        wait.until(d -> "true".equals(d.findElement(By.id("phone-change-reason")).getDomAttribute("invalid"))
                || d.findElement(By.id("phone-change-reason")).getDomAttribute("invalid") != null);
        WebElement reason = driver.findElement(By.cssSelector("#phone-change-reason textarea"));
        reason.sendKeys(" — KTP tidak cocok dengan akun");
        driver.findElement(By.id("phone-change-reject")).click();
        wait.until(d -> browser.gridCell("phone-change-grid", rejectedName) == null);
    }

    private void openRow(String name, String id) {
        // the queue is oldest first and others' requests may be before these: load pages until the row shows
        wait.until(d -> {
            if (browser.gridCell("phone-change-grid", name) != null) {
                return true;
            }
            var more = d.findElements(By.id("phone-change-more"));
            if (!more.isEmpty() && more.getFirst().isDisplayed()) {
                more.getFirst().click();
            }
            return false;
        });
        browser.clickGridRow("phone-change-grid", -1, name);
        wait.until(ExpectedConditions.attributeToBe(By.id("phone-change-detail"), "data-request", id));
    }
}
