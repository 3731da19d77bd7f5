package id.go.cilegon.juare.dashboard.commandcentre.ui;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.cilegon.juare.dashboard.Browser;
import id.go.cilegon.juare.dashboard.DashboardIT;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Every number opens its list (issue 13): a command-centre counter and an OPD's cell are links to the complaints
 * they count, and the list holds exactly that many; the command centre, a list and the ranking fit a phone (390×844)
 * with nothing sideways. The numbers move with other tests' events: a comparison that meets a change in between is
 * made again.
 */
class NumbersBrowserTest extends DashboardIT {

    private Browser browser;

    @AfterEach
    void close() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void aCounterAndAnOpdCellOpenTheComplaintsTheyCount() {
        browser = new Browser(port, 1440, 900);
        browser.signIn("walikota");

        browser.open("/command-centre");
        browser.waiting().until(x -> x.findElement(By.cssSelector("#counter-open .counter-value")).getText().matches("\\d+"));
        assertThat(browser.driver().findElement(By.id("complaint-map")).getRect().getWidth())
                .as("the map beside the latest events on a desk").isGreaterThan(600);

        int replyOverdue = followCounter("reply-overdue", "overdue=reply");
        assertThat(replyOverdue).as("the demo data has complaints whose reply is overdue").isPositive();
        browser.screenshot("numbers-list-reply-overdue.png");
        followCounter("open", "status=");
        followCounter("fix-overdue", "overdue=fix");
        followCounter("new-today", "from=");

        // the worst OPD's cells: each opens the OPD's complaints it counts, every one with that OPD
        for (String column : List.of("replyOverdue", "open", "total")) {
            int listed = followOpdCell(column);
            assertThat(listed).as("the worst OPD's %s", column).isGreaterThanOrEqualTo(0);
        }
        browser.screenshot("numbers-list-opd.png");
    }

    /** Clicks the counter, lands on its list, and checks the list holds as many as the counter said; the count. */
    private int followCounter(String counter, String inUrl) {
        for (int attempt = 1; ; attempt++) {
            browser.open("/command-centre");
            WebDriver d = browser.driver();
            browser.waiting().until(x -> x.findElement(By.cssSelector("#counter-" + counter + " .counter-value")).getText().matches("\\d+"));
            int shown = Integer.parseInt(d.findElement(By.cssSelector("#counter-" + counter + " .counter-value")).getText());
            assertThat(d.findElement(By.id("counter-" + counter)).getTagName()).isEqualTo("a");
            d.findElement(By.id("counter-" + counter)).click();
            int listed = listed(inUrl);
            if (listed == shown || attempt == 3) {
                assertThat(listed).as("the list behind the counter %s", counter).isEqualTo(shown);
                return listed;
            }
        }
    }

    /** Clicks the worst OPD's cell of a column, and checks the list: as many as the cell, all of that OPD. */
    private int followOpdCell(String column) {
        for (int attempt = 1; ; attempt++) {
            browser.open("/command-centre");
            WebDriver d = browser.driver();
            By cell = By.cssSelector("#opd-table tbody tr:first-child a.opd-cell-link[data-column='" + column + "']");
            WebElement link = browser.waiting().until(ExpectedConditions.presenceOfElementLocated(cell));
            ((JavascriptExecutor) d).executeScript("arguments[0].scrollIntoView({block: 'center'})", link);
            if (attempt == 1 && column.equals("replyOverdue")) {
                browser.screenshot("numbers-command-centre-opds.png");
            }
            int shown = Integer.parseInt(link.getText());
            String opdName = d.findElement(By.cssSelector("#opd-table tbody tr:first-child td.juare-name")).getDomProperty("textContent").strip();
            link.click();
            int listed = listed("opd=" + link.getDomAttribute("data-opd"));
            List<String> opds = d.findElements(By.cssSelector("#complaint-list tbody tr.complaint-row td:nth-child(5)")).stream()
                    .map(cellOpd -> cellOpd.getDomProperty("textContent").strip()).distinct().toList();
            if (listed == shown || attempt == 3) {
                assertThat(listed).as("the list behind %s's %s", opdName, column).isEqualTo(shown);
                if (listed > 0) {
                    assertThat(opds).containsExactly(opdName);
                }
                return listed;
            }
        }
    }

    /** On the list (its address holding {@code inUrl}): the rows it shows, as many as its count says. */
    private int listed(String inUrl) {
        browser.waiting().until(ExpectedConditions.urlContains("/complaints?"));
        assertThat(browser.driver().getCurrentUrl()).contains(inUrl);
        WebElement count = browser.waiting().until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#complaint-list-count[data-count]")));
        int rows = browser.driver().findElements(By.cssSelector("#complaint-list tbody tr.complaint-row")).size();
        assertThat(rows).isEqualTo(Integer.parseInt(count.getDomAttribute("data-count")));
        return rows;
    }

    @Test
    void theCommandCentreAListAndTheRankingFitAPhone() {
        browser = new Browser(port, 390, 844);
        phone(browser);
        browser.signIn("walikota");
        WebDriver d = browser.driver();

        browser.open("/command-centre");
        browser.waiting().until(x -> x.findElement(By.cssSelector("#counter-open .counter-value")).getText().matches("\\d+"));
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#opd-table tbody tr")));
        assertThat(((JavascriptExecutor) d).executeScript("return window.innerWidth")).isEqualTo(390L);
        assertThat(overflow(d)).as("what sticks out sideways on the command centre").isEmpty();
        assertThat(d.findElement(By.id("complaint-map")).getRect().getWidth()).as("the map is as wide as the phone").isGreaterThan(300);
        browser.screenshot("numbers-phone-command-centre.png");
        ((JavascriptExecutor) d).executeScript("document.getElementById('opd-table').scrollIntoView()");
        browser.screenshot("numbers-phone-command-centre-opds.png");

        browser.open("/complaints?overdue=reply");
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#complaint-list-count[data-count]")));
        assertThat(overflow(d)).as("what sticks out sideways on a list").isEmpty();
        browser.screenshot("numbers-phone-list.png");

        browser.open("/ranking");
        browser.waiting().until(ExpectedConditions.attributeToBe(By.id("ranking-grid"), "data-narrow", "true"));
        browser.waiting().until(x -> !x.findElements(By.cssSelector("#ranking-grid a.figure-link[data-column='OVERDUE_NOW']")).isEmpty());
        assertThat(overflow(d)).as("what sticks out sideways on the ranking").isEmpty();
        Boolean gridScrolls = (Boolean) ((JavascriptExecutor) d).executeScript(
                "const t = document.getElementById('ranking-grid').$.table; return t.scrollWidth > t.clientWidth + 1;");
        assertThat(gridScrolls).as("the ranking table scrolls sideways").isFalse();
        browser.screenshot("numbers-phone-ranking.png");
        ((JavascriptExecutor) d).executeScript("document.getElementById('ranking-grid').scrollIntoView()");
        browser.screenshot("numbers-phone-ranking-table.png");
    }

    /** A phone's screen: headless Chromium keeps a window at least 500 px wide, so the viewport is set as DevTools does. */
    static void phone(Browser browser) {
        browser.driver().executeCdpCommand("Emulation.setDeviceMetricsOverride",
                java.util.Map.of("width", 390, "height", 844, "deviceScaleFactor", 1, "mobile", true));
    }

    /**
     * Visible elements of the page that reach past the window's right edge (or the page scrolling sideways), by tag,
     * id and class; inside a grid or the map only what the grid or map itself does (map tiles lie outside by design).
     */
    @SuppressWarnings("unchecked")
    static List<String> overflow(WebDriver driver) {
        return (List<String>) ((JavascriptExecutor) driver).executeScript("""
                const width = window.innerWidth;
                const out = [];
                if (document.documentElement.scrollWidth > width + 1) {
                    out.push('page scrollWidth ' + document.documentElement.scrollWidth + ' > ' + width);
                }
                for (const e of document.querySelectorAll('body *')) {
                    if (e.closest('vaadin-grid') && e.tagName !== 'VAADIN-GRID') continue;
                    const head = e.closest('thead');
                    if (head && getComputedStyle(head).clipPath !== 'none') continue; // visually hidden, for screen readers
                    if (e.closest('.leaflet-container') && !e.classList.contains('leaflet-container')) continue;
                    if (e.closest('[slot=drawer]') || e.closest('vaadin-overlay, vaadin-notification-container, vaadin-tooltip-overlay')) continue;
                    const r = e.getBoundingClientRect();
                    if (r.width === 0 || r.height === 0) continue;
                    const style = getComputedStyle(e);
                    if (style.visibility === 'hidden' || style.display === 'none' || style.position === 'fixed' && r.right <= 0) continue;
                    if (r.right > width + 1 && r.left < width) {
                        out.push(e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className && e.className.baseVal === undefined ? '.' + String(e.className).trim().split(/\\s+/).join('.') : '')
                            + ' right ' + Math.round(r.right));
                    }
                }
                return out.slice(0, 20);""");
    }
}
