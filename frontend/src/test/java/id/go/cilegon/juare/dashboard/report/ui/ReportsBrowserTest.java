package id.go.cilegon.juare.dashboard.report.ui;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.cilegon.juare.dashboard.BrowserIT;
import id.go.cilegon.juare.dashboard.base.Wib;
import id.go.cilegon.juare.dashboard.base.i18n.TranslationProvider;
import id.go.cilegon.juare.dashboard.report.DailyReport;
import id.go.cilegon.juare.dashboard.report.YesterdaysReport;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The daily reports in a real browser against the real backend (with the report module): the mayor opens
 * yesterday's report, sees its preview, and its PDF and CSV come through the dashboard's proxy; an admin makes it again.
 */
class ReportsBrowserTest extends BrowserIT {

    ReportsBrowserTest() {
        super(1920, 1080);
    }

    private final LocalDate yesterday = YesterdaysReport.day();
    private final String yesterdayShown = Wib.longDay(yesterday, TranslationProvider.INDONESIAN);
    private final String yesterdayListed = YesterdaysReport.listed();

    @Test
    void theMayorOpensYesterdaysReportAndDownloadsItsPdfThroughTheDashboard() throws Exception {
        // made again from the demo data: the start-up report may have been made before the demo data was in
        DailyReport report = YesterdaysReport.regenerated();

        browser.signIn("walikota");
        browser.open("/reports");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("report-list")));
        browser.clickGridRow("report-list", -1, yesterdayListed);
        wait.until(ExpectedConditions.attributeToBe(By.id("report-preview"), "data-day", yesterday.toString()));
        wait.until(ExpectedConditions.urlContains("day=" + yesterday));
        assertThat(driver.findElement(By.id("report-title")).getText()).contains(yesterdayShown);
        assertThat(driver.findElement(By.cssSelector("#report-total-received .figure-value")).getText())
                .isEqualTo(Integer.toString(report.totals().received()));
        assertThat(driver.findElement(By.cssSelector("#report-total-overdue .figure-value")).getText())
                .isEqualTo(Integer.toString(report.totals().overdue()));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("report-opds")));
        assertThat(browser.gridCell("report-opds", report.opds().getFirst().opd().name())).isNotNull();
        browser.screenshot("reports.png");

        // the files through the dashboard, with the browser's session (it never holds a backend token)
        Map<?, ?> pdf = fetch("report-pdf");
        assertThat(pdf.get("status")).isEqualTo(200L);
        assertThat((String) pdf.get("type")).startsWith("application/pdf");
        assertThat(pdf.get("head")).isEqualTo("%PDF");
        assertThat(((Number) pdf.get("size")).intValue()).isEqualTo(report.pdfBytes());
        // one CSV per table, each starting with the UTF-8 byte order mark Excel needs
        for (String link : List.of("report-csv-opd", "report-csv-overdue")) {
            Map<?, ?> csv = fetch(link);
            assertThat(csv.get("status")).as(link).isEqualTo(200L);
            assertThat((String) csv.get("type")).as(link).startsWith("text/csv");
            assertThat((String) csv.get("head")).as(link).startsWith("\u00EF\u00BB\u00BF");
        }

        // without a session: no file
        HttpResponse<byte[]> stranger = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/report-files/" + yesterday + ".pdf")).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(stranger.statusCode()).isNotEqualTo(200);
        assertThat(new String(stranger.body(), 0, Math.min(4, stranger.body().length))).isNotEqualTo("%PDF");
    }

    @Test
    void anAdminMakesYesterdaysReportAgain() {
        YesterdaysReport.stored();
        browser.signIn("diskominfo");
        browser.open("/reports");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("regenerate")));
        // the day offered is yesterday
        driver.findElement(By.id("regenerate")).click();
        wait.until(ExpectedConditions.attributeToBe(By.id("report-preview"), "data-day", yesterday.toString()));
        wait.until(d -> d.findElement(By.id("report-preview")).getText().contains("Dibuat ulang oleh diskominfo"));
        // no errors shown (an invisible component is not in the page at all)
        assertThat(driver.findElements(By.cssSelector("#regenerate-errors")).stream().noneMatch(e -> e.isDisplayed())).isTrue();
    }


    /** Fetches a download link's file in the page, as the browser would with its session cookie. */
    private Map<?, ?> fetch(String linkId) {
        Object result = driver.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(document.getElementById(arguments[0]).href, {credentials: 'same-origin'})
                    .then(async r => {
                        const bytes = new Uint8Array(await r.arrayBuffer());
                        done({status: r.status, type: r.headers.get('content-type') || '',
                              head: String.fromCharCode(...bytes.slice(0, 4)), size: bytes.length});
                    })
                    .catch(e => done({status: -1, type: String(e), head: '', size: 0}));""", linkId);
        return (Map<?, ?>) result;
    }
}
