package id.go.cilegon.juare.dashboard.ranking.ui;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.cilegon.juare.dashboard.BrowserIT;
import id.go.cilegon.juare.dashboard.backend.BackendClient;
import id.go.cilegon.juare.dashboard.backend.RunningBackend;
import id.go.cilegon.juare.dashboard.ranking.Period;
import id.go.cilegon.juare.dashboard.ranking.Ranking;
import id.go.cilegon.juare.dashboard.ranking.RankingRow;
import id.go.cilegon.juare.dashboard.ranking.RankingService;
import id.go.cilegon.juare.dashboard.report.DailyReport;
import id.go.cilegon.juare.dashboard.report.YesterdaysReport;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The mayor's ranking in a real browser against the real backend with its demo data: the table with scores and the
 * chart, a period switch, a figure that opens the OPD's scorecard with exactly the complaints behind it, and on from
 * the menu to yesterday's report.
 */
class RankingBrowserTest extends BrowserIT {

    RankingBrowserTest() {
        super(1920, 1080);
    }

    @Test
    void theMayorOpensTheRankingDrillsIntoAnOpdAndOpensYesterdaysReport() {
        BackendClient client = new BackendClient(RunningBackend.get().properties(), Clock.systemUTC());
        Ranking expected = new RankingService(client).ranking(client.login("walikota", RunningBackend.DEMO_PASSWORD), Period.DEFAULT);
        RankingRow busiest = expected.rows().stream().max(Comparator.comparingInt(row -> row.figures().received())).orElseThrow();
        assertThat(busiest.figures().received()).as("the demo data has complaints received by OPDs").isPositive();

        browser.signIn("walikota");
        browser.open("/ranking");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("ranking-grid")));
        // every OPD a row; the ranked ones with a score, and as many bars as ranked OPDs with a score
        wait.until(d -> d.findElements(By.cssSelector("#ranking-grid a.figure-link[data-column='RECEIVED']")).size() == expected.rows().size());
        long scored = expected.ranked().stream().filter(row -> row.score() != null).count();
        assertThat(driver.findElement(By.id("score-chart")).getAttribute("data-bars")).isEqualTo(Long.toString(scored));
        assertThat(driver.findElements(By.cssSelector("#score-chart svg rect.score-bar"))).hasSize((int) scored);
        assertThat(driver.findElement(By.id("score-weights")).getText()).contains("Bobot skor").contains("Balasan tepat waktu");
        // each score's uncertainty beside it, its interval over its bar, and the few-complaints mark (issue 12)
        long withInterval = expected.rows().stream().filter(row -> row.uncertainty() != null).count();
        assertThat(withInterval).as("the definition in force publishes intervals").isPositive();
        assertThat(driver.findElements(By.cssSelector("#ranking-grid .score-uncertainty"))).hasSize((int) withInterval);
        assertThat(driver.findElements(By.cssSelector("#score-chart svg line.score-interval")))
                .hasSize((int) expected.ranked().stream().filter(row -> row.score() != null && row.scoreLow() != null).count());
        assertThat(driver.findElements(By.cssSelector("#ranking-grid .few-complaints")))
                .hasSize((int) expected.rows().stream().filter(RankingRow::fewComplaints).count());
        assertThat(driver.findElement(By.id("score-method")).getText()).contains("rata-rata kota");
        assertThat(receivedLink(busiest.opd().code()).getText()).isEqualTo(Integer.toString(busiest.figures().received()));
        browser.screenshot("ranking.png");

        // another period: the address and the heading follow
        String thirtyDays = driver.findElement(By.id("ranking-period")).getText();
        driver.findElement(By.id("period-LAST_7_DAYS")).click();
        wait.until(ExpectedConditions.urlContains("period=LAST_7_DAYS"));
        wait.until(d -> !d.findElement(By.id("ranking-period")).getText().equals(thirtyDays));
        driver.findElement(By.id("period-LAST_30_DAYS")).click();
        wait.until(ExpectedConditions.urlContains("period=LAST_30_DAYS"));
        wait.until(d -> d.findElement(By.id("ranking-period")).getText().equals(thirtyDays));

        // a number opens the OPD's scorecard with the complaints behind it
        WebElement received = wait.until(d -> receivedLink(busiest.opd().code()));
        int figure = Integer.parseInt(received.getText());
        received.click();
        wait.until(ExpectedConditions.urlContains("/ranking/opd/" + busiest.opd().code()));
        assertThat(driver.getCurrentUrl()).contains("metric=RECEIVED").contains("period=LAST_30_DAYS");
        wait.until(d -> d.findElement(By.id("scorecard-title")).getText().contains(busiest.opd().name()));
        assertThat(driver.findElement(By.cssSelector("#figure-RECEIVED .figure-value")).getText()).isEqualTo(Integer.toString(figure));
        // the share of template replies (ADR 0018), beside the figures
        assertThat(driver.findElement(By.id("figure-TEMPLATE_REPLIES")).getText()).contains("Balasan templat").contains("balasan");
        int firstPage = Math.min(figure, RankingService.PAGE_SIZE);
        wait.until(d -> d.findElement(By.id("complaints-listed")).getAttribute("data-count").equals(Integer.toString(firstPage)));
        // Vaadin does not render a button that was never visible: no button is "no more pages" too
        List<WebElement> more = driver.findElements(By.id("load-more"));
        assertThat(!more.isEmpty() && more.getFirst().isDisplayed()).isEqualTo(figure > RankingService.PAGE_SIZE);
        assertThat(driver.findElements(By.cssSelector("#trend-reply-time svg, #trend-on-time svg"))).hasSize(2);
        browser.screenshot("scorecard.png");
        driver.executeScript("document.getElementById('complaints-title').scrollIntoView()");
        browser.screenshot("scorecard-list.png");

        // another figure: its own list
        WebElement openNow = driver.findElement(By.id("figure-OPEN_NOW"));
        driver.executeScript("arguments[0].scrollIntoView({block: 'center'})", openNow);
        openNow.click();
        int open = busiest.figures().openNow();
        wait.until(d -> d.findElement(By.id("complaints-listed")).getAttribute("data-count")
                .equals(Integer.toString(Math.min(open, RankingService.PAGE_SIZE))));
        wait.until(ExpectedConditions.urlContains("metric=OPEN_NOW"));

        // and from the menu to yesterday's report
        DailyReport report = YesterdaysReport.stored();
        driver.findElement(By.cssSelector("vaadin-side-nav-item[path='reports']")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("report-list")));
        browser.clickGridRow("report-list", -1, YesterdaysReport.listed());
        wait.until(ExpectedConditions.attributeToBe(By.id("report-preview"), "data-day", YesterdaysReport.day().toString()));
        // the preview may render twice (the list's selection, then the address): read it once it shows the report
        wait.until(d -> d.findElement(By.cssSelector("#report-total-received .figure-value")).getText()
                .equals(Integer.toString(report.totals().received())));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("report-pdf")));
    }

    private WebElement receivedLink(String opdCode) {
        return driver.findElement(By.cssSelector("#ranking-grid a.figure-link[data-opd='" + opdCode + "'][data-column='RECEIVED']"));
    }
}
