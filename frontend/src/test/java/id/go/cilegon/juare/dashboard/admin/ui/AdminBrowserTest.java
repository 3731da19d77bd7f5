package id.go.cilegon.juare.dashboard.admin.ui;

import id.go.cilegon.juare.dashboard.BrowserIT;
import static org.assertj.core.api.Assertions.assertThat;

import id.go.cilegon.juare.dashboard.admin.AdminService;
import id.go.cilegon.juare.dashboard.admin.StaffMember;
import id.go.cilegon.juare.dashboard.backend.BackendClient;
import id.go.cilegon.juare.dashboard.backend.RunningBackend;
import id.go.cilegon.juare.dashboard.backend.StaffRole;
import java.io.IOException;
import java.time.Clock;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The admin screens in a real browser (headless Debian Chromium, as in DashboardBrowserTest) against the real backend
 * with its demo data: the demo admin creates an OPD responder through the dialog (the OPD is asked for when missing),
 * and finds it in the grid; the categories; an operator neither sees nor opens the admin screens. Screenshots go to
 * {@code target/screenshots/}.
 */
class AdminBrowserTest extends BrowserIT {

    @Test
    void theAdminCreatesAnOpdResponderThroughTheDialog() throws IOException {
        browser.signIn("diskominfo");
        // the admin menu, and the staff screen from it
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("vaadin-side-nav-item[path='admin/staff']"))).click();
        wait.until(ExpectedConditions.urlContains("/admin/staff"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("staff-edit-diskominfo")));

        String username = "ui-" + UUID.randomUUID().toString().substring(0, 8);
        driver.findElement(By.id("staff-new")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#staff-username input"))).sendKeys(username);
        driver.findElement(By.cssSelector("#staff-display-name input")).sendKeys("Petugas Uji Peramban");
        driver.findElement(By.cssSelector("#staff-password input")).sendKeys("sandi-uji-2026");
        // a hidden field is not on the page at all
        assertThat(driver.findElements(By.id("staff-opd"))).as("no OPD before an OPD role").allMatch(e -> !e.isDisplayed());
        choose("staff-role", "Petugas OPD");

        // saved without an OPD: the OPD field says it is required, nothing is created
        WebElement opd = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("staff-opd")));
        driver.findElement(By.id("staff-save")).click();
        wait.until(d -> d.findElement(By.id("staff-opd")).getDomAttribute("invalid") != null);
        assertThat(opd.findElement(By.cssSelector("[slot='error-message']")).getText()).isEqualTo("Pilih OPD untuk peran ini");
        assertThat(driver.findElement(By.id("staff-dialog")).isDisplayed()).isTrue();

        // the OPD chosen from the combo box: saved, and in the grid
        WebElement opdInput = opd.findElement(By.tagName("input"));
        opdInput.sendKeys("Lingkungan");
        wait.until(d -> d.findElements(By.cssSelector("vaadin-combo-box-item")).stream()
                .anyMatch(item -> item.getText().contains("(DLH)")));
        opdInput.sendKeys(Keys.ARROW_DOWN, Keys.ENTER);
        wait.until(d -> d.findElement(By.id("staff-opd")).getDomAttribute("invalid") == null);
        browser.screenshot("admin-staff-dialog.png");
        driver.findElement(By.id("staff-save")).click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("staff-dialog")));

        WebElement filter = driver.findElement(By.cssSelector("#staff-filter input"));
        filter.sendKeys(username);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("staff-edit-" + username)));
        wait.until(d -> d.findElements(By.cssSelector("#staff-grid vaadin-grid-cell-content")).stream()
                .anyMatch(cell -> cell.getText().equals("Petugas Uji Peramban")));
        assertThat(driver.findElements(By.cssSelector("#staff-grid vaadin-grid-cell-content")))
                .extracting(WebElement::getText).contains(username, "Petugas OPD", "DLH", "Aktif");
        browser.screenshot("admin-staff.png");

        // the backend has it as the dialog said
        BackendClient client = new BackendClient(RunningBackend.get().properties(), Clock.systemUTC());
        StaffMember created = new AdminService(client, event -> { })
                .staffAccounts(client.login("diskominfo", RunningBackend.DEMO_PASSWORD)).stream()
                .filter(m -> m.username().equals(username)).findFirst().orElseThrow();
        assertThat(created.role()).isEqualTo(StaffRole.OPD_RESPONDER);
        assertThat(created.opdCode()).isEqualTo("DLH");
        assertThat(client.login(username, "sandi-uji-2026").account().opd().code()).isEqualTo("DLH");

        // the same username again: the backend's refusal shows on the username field
        driver.findElement(By.id("staff-new")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#staff-username input"))).sendKeys(username);
        driver.findElement(By.cssSelector("#staff-display-name input")).sendKeys("Orang Lain");
        driver.findElement(By.cssSelector("#staff-password input")).sendKeys("sandi-lain-2026");
        choose("staff-role", "Wali Kota");
        driver.findElement(By.id("staff-save")).click();
        wait.until(d -> d.findElement(By.id("staff-username")).getDomAttribute("invalid") != null);
        assertThat(driver.findElement(By.cssSelector("#staff-username [slot='error-message']")).getText()).contains("sudah dipakai");
        driver.findElement(By.id("staff-cancel")).click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("staff-dialog")));

        // the categories, and hours out of bounds are refused on the field (and nothing is saved)
        driver.findElement(By.cssSelector("vaadin-side-nav-item[path='admin/categories']")).click();
        wait.until(ExpectedConditions.urlContains("/admin/categories"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("category-edit-JALAN")));
        browser.screenshot("admin-categories.png");
        driver.findElement(By.id("category-edit-DRAINASE")).click();
        WebElement fixHours = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#category-fix-hours input")));
        fixHours.sendKeys(Keys.chord(Keys.CONTROL, "a"), "2000", Keys.TAB);
        driver.findElement(By.id("category-save")).click();
        wait.until(d -> d.findElement(By.id("category-fix-hours")).getDomAttribute("invalid") != null);
        driver.findElement(By.id("category-cancel")).click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("category-dialog")));
    }

    @Test
    void anOperatorHasNoAdminScreens() {
        browser.signIn("operator");
        wait.until(ExpectedConditions.urlContains("/command-centre"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("vaadin-side-nav-item[path='command-centre']")));
        assertThat(driver.findElements(By.cssSelector("vaadin-side-nav-item[path^='admin']"))).isEmpty();

        driver.get("http://localhost:" + port + "/admin/staff");
        // issue 13: the dead-end page in the frame, not Vaadin's "Could not navigate to 'admin/staff'"
        wait.until(d -> "denied".equals(d.findElement(By.id("dead-end")).getDomAttribute("data-kind")));
        assertThat(driver.findElements(By.id("staff-grid"))).isEmpty();
        assertThat(driver.findElements(By.id("staff-new"))).isEmpty();
    }

    /** Opens a vaadin-select and clicks the item with the label. */
    private void choose(String selectId, String label) {
        driver.findElement(By.id(selectId)).click();
        wait.until(d -> d.findElements(By.cssSelector("vaadin-select-item")).stream()
                .filter(item -> item.isDisplayed() && item.getText().equals(label))
                .findFirst()
                .map(item -> {
                    item.click();
                    return true;
                })
                .orElse(false));
        wait.until(d -> d.findElement(By.id(selectId)).getText().contains(label)
                || label.equals(d.findElement(By.id(selectId)).getDomProperty("innerText")));
    }

}
