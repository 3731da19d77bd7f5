package id.go.cilegon.juare.dashboard.complaint.ui;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.cilegon.juare.dashboard.Browser;
import id.go.cilegon.juare.dashboard.DashboardIT;
import id.go.cilegon.juare.dashboard.backend.Resident;
import id.go.cilegon.juare.dashboard.backend.RunningBackend;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Operators notice (issue 13), at a desk's 1440×900: the intake queue with its "Menunggu" column and nothing cut off;
 * counts on both tabs; a complaint a resident files through the API counts in the tab's title ("(1) …") and on the
 * tab, and the title's count goes when the operator looks (touches the page).
 */
class IntakeNoticeBrowserTest extends DashboardIT {

    private Browser browser;

    @AfterEach
    void close() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void aNewComplaintCountsInTheTitleUntilTheOperatorLooksAndTheQueueFitsADesk() throws Exception {
        browser = new Browser(port, 1440, 900);
        browser.signIn("operator");
        browser.open("/intake");
        WebDriver d = browser.driver();
        JavascriptExecutor js = (JavascriptExecutor) d;
        browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("intake-queue")));
        browser.waiting().until(x -> "live".equals(x.findElement(By.id("live-status")).getDomAttribute("data-state")));
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#tab-intake-count[data-count]")));
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#tab-transfer-count[data-count]")));
        browser.waiting().until(x -> js.executeScript("return !!window.juareNotice") == Boolean.TRUE);

        // the waiting column, and every column inside the grid's box: no sideways scrolling
        assertThat(headers(d)).contains("Menunggu", "Nomor", "Uraian");
        browser.waiting().until(x -> !x.findElements(By.cssSelector("#intake-queue .juare-waiting")).isEmpty());
        String waited = d.findElement(By.cssSelector("#intake-queue .juare-waiting")).getText();
        assertThat(waited).matches("< 1 mnt|\\d+ mnt|\\d+ jam \\d+ mnt|\\d+ hr \\d+ jam");
        Map<String, Object> fit = (Map<String, Object>) js.executeScript("""
                const grid = document.getElementById('intake-queue');
                const table = grid.$.table;
                const box = grid.getBoundingClientRect();
                const headers = [...grid.shadowRoot.querySelectorAll('th')].filter(th => th.offsetParent !== null)
                    .map(th => th.getBoundingClientRect());
                return {scrolls: table.scrollWidth > table.clientWidth + 1,
                        cut: headers.filter(r => r.right > box.right + 1 || r.left < box.left - 1).length,
                        columns: headers.length};""");
        assertThat(fit.get("scrolls")).as("the intake queue scrolls sideways at 1440×900").isEqualTo(false);
        assertThat(((Number) fit.get("cut")).intValue()).as("columns cut off").isZero();
        assertThat(((Number) fit.get("columns")).intValue()).isEqualTo(4);
        browser.screenshot("intake-1440.png");

        // the operator has touched the page once (browsers let a page sound only after that)
        d.findElement(By.cssSelector("#intake-view h2")).click();
        String title = d.getTitle();
        assertThat(title).doesNotStartWith("(");
        int before = Integer.parseInt(d.findElement(By.id("tab-intake-count")).getDomAttribute("data-count"));

        ThreadLocalRandom random = ThreadLocalRandom.current();
        Resident resident = Resident.signUp(RunningBackend.get(), "Dewi Lestari");
        Resident.Filed filed = resident.submit("SAMPAH", "Sampah menumpuk di pinggir jalan sejak tiga hari, baunya menyengat.",
                -6.0190 + random.nextDouble(0.004), 106.0520 + random.nextDouble(0.004));
        browser.waiting().until(x -> x.getTitle().startsWith("(1) "));
        assertThat(d.getTitle()).isEqualTo("(1) " + title);
        browser.waiting().until(x -> Integer.parseInt(x.findElement(By.id("tab-intake-count")).getDomAttribute("data-count")) > before);
        // the newest is the last row (oldest first): scrolled to, as an operator would
        browser.waiting().until(x -> {
            js.executeScript("const t = document.getElementById('intake-queue').$.table; t.scrollTop = t.scrollHeight;");
            return browser.gridCell("intake-queue", filed.trackingNumber()) != null;
        });
        System.out.println("intake notice: title '" + d.getTitle() + "', sound played: "
                + js.executeScript("return document.documentElement.getAttribute('data-juare-sounded')")
                + ", notification permission: " + d.findElement(By.id("intake-notifications")).getDomAttribute("data-permission"));
        browser.screenshot("intake-new-complaint.png");

        // the operator looks: the title's count goes
        d.findElement(By.cssSelector("#intake-view h2")).click();
        browser.waiting().until(x -> x.getTitle().equals(title));
    }

    @SuppressWarnings("unchecked")
    private static List<String> headers(WebDriver d) {
        return (List<String>) ((JavascriptExecutor) d).executeScript("""
                const grid = document.getElementById('intake-queue');
                return [...grid.querySelectorAll('vaadin-grid-cell-content')]
                    .filter(c => c.assignedSlot && c.assignedSlot.parentElement && c.assignedSlot.parentElement.closest('th'))
                    .map(c => c.textContent.trim());""");
    }
}
