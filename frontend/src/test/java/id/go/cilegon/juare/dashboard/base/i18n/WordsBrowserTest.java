package id.go.cilegon.juare.dashboard.base.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.cilegon.juare.dashboard.BrowserIT;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The words in a real browser: an admin who switched to English gets the backend's refusal in English only, on the
 * field it concerns (the dashboard sends Accept-Language: en); and the OPD picker finds "DPUPR" by its acronym.
 */
class WordsBrowserTest extends BrowserIT {

    WordsBrowserTest() {
        super(1440, 900);
    }

    @Test
    void aRefusalShowsInEnglishOnItsField() {
        browser.signIn("diskominfo");
        WebElement language = wait.until(ExpectedConditions.elementToBeClickable(By.id("language-switch")));
        assertThat(language.getText()).isEqualTo("English");
        language.click();
        wait.until(d -> d.findElement(By.id("logout")).getText().equals("Sign out"));
        browser.open("/admin/staff");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("staff-edit-diskominfo")));

        // a username the demo data has: the backend refuses it, on the username field
        driver.findElement(By.id("staff-new")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#staff-username input"))).sendKeys("operator");
        driver.findElement(By.cssSelector("#staff-display-name input")).sendKeys("Someone Else");
        driver.findElement(By.cssSelector("#staff-password input")).sendKeys("another-password-2026");
        choose("staff-role", "OPD responder");

        // the OPD picker finds the OPD by its acronym, not only by its name
        WebElement opd = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("staff-opd")));
        WebElement opdInput = opd.findElement(By.tagName("input"));
        opdInput.sendKeys("DPUPR");
        wait.until(d -> d.findElements(By.cssSelector("vaadin-combo-box-item")).stream()
                .anyMatch(item -> item.isDisplayed() && item.getText().contains("Pekerjaan Umum")));
        browser.screenshot("words-opd-picker-acronym.png");
        opdInput.sendKeys(Keys.ARROW_DOWN, Keys.ENTER);
        wait.until(d -> d.findElement(By.id("staff-opd")).getDomAttribute("invalid") == null);

        driver.findElement(By.id("staff-save")).click();
        wait.until(d -> d.findElement(By.id("staff-username")).getDomAttribute("invalid") != null);
        String refusal = driver.findElement(By.cssSelector("#staff-username [slot='error-message']")).getText();
        browser.screenshot("words-refusal-english.png");
        assertThat(refusal).isEqualTo("Username taken").doesNotContain("/").doesNotContain("dipakai");
        assertThat(driver.findElement(By.id("staff-dialog")).isDisplayed()).isTrue();
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
