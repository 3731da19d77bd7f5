package id.go.cilegon.juare.dashboard.complaint.ui;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.cilegon.juare.dashboard.BrowserIT;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Issue 12, found item 7: a reply the backend would refuse (ReplyRule: fewer than 15 letters or digits; "ok siap !!!"
 * has 6) is refused on the reply field itself, in Indonesian, with the backend's minimum; no two-language notice.
 */
class ReplyRefusalBrowserTest extends BrowserIT {

    private static final Pattern TRACKING_NUMBER = Pattern.compile("[A-Z0-9]{3}-[A-Z0-9]{4}");

    @Test
    void aTokenReplyIsRefusedOnTheFieldInIndonesian() {
        WebDriver driver = browser.driver();
        browser.signIn("dlh");
        browser.waiting().until(ExpectedConditions.urlContains("/opd-queue"));
        browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("opd-queue")));
        WebElement row = browser.waiting().until(d -> d.findElement(By.id("opd-queue"))
                .findElements(By.tagName("vaadin-grid-cell-content")).stream()
                .filter(cell -> TRACKING_NUMBER.matcher(cell.getText().strip()).matches()).findFirst().orElse(null));
        String number = row.getText();
        row.click();
        browser.waiting().until(d -> number.equals(d.findElement(By.id("detail-tracking-number")).getText()));

        // ten characters pass the old check (10), not the rule's 15 letters or digits
        driver.findElement(By.cssSelector("#reply-message textarea")).sendKeys("ok siap !!! . . .");
        driver.findElement(By.id("reply")).click();
        WebElement field = driver.findElement(By.id("reply-message"));
        browser.waiting().until(d -> field.getDomAttribute("invalid") != null);
        String error = browser.waiting().until(d -> {
            String shown = field.getDomProperty("errorMessage");
            return shown == null || shown.isBlank() ? null : shown;
        });
        browser.screenshot("reply-refused.png");
        assertThat(error).isEqualTo("Jawaban harus berisi minimal 15 huruf atau angka.").doesNotContain(" / ");
        assertThat(driver.findElements(By.id("notice-error"))).isEmpty();
        assertThat(driver.findElements(By.cssSelector("#detail-timeline .timeline-entry[data-type='REPLIED']")).stream()
                .map(WebElement::getText).filter(text -> text.contains("ok siap"))).isEmpty();
    }
}
