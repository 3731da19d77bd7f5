package id.go.cilegon.juare.dashboard.base.ui;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.cilegon.juare.dashboard.Browser;
import id.go.cilegon.juare.dashboard.DashboardIT;
import id.go.cilegon.juare.dashboard.admin.AdminService;
import id.go.cilegon.juare.dashboard.admin.StaffForm;
import id.go.cilegon.juare.dashboard.admin.StaffMember;
import id.go.cilegon.juare.dashboard.backend.BackendClient;
import id.go.cilegon.juare.dashboard.backend.BackendSession;
import id.go.cilegon.juare.dashboard.backend.Outcome;
import id.go.cilegon.juare.dashboard.backend.RunningBackend;
import id.go.cilegon.juare.dashboard.backend.StaffRole;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The frame around the screens: a screen one's role may not use and an unknown address give a page in the user's
 * language inside the frame (menu, a way home) instead of Vaadin's "Could not navigate"; every screen has one main
 * landmark and one level-one heading; the bar keeps the user's name on one line on a phone; a wrong password keeps
 * the username; the icon is there; a sign-in that ends on the backend's side leads to the login page.
 */
class DeadEndsBrowserTest extends DashboardIT {

    @Autowired
    AdminService admin;

    @Autowired
    BackendClient client;

    @Test
    void aRoleOnAScreenItMayNotUseGetsAPageInItsLanguageWithTheMenuAndAWayHome() {
        try (Browser browser = new Browser(port)) {
            ChromeDriver driver = browser.driver();
            browser.signIn("dpupr");
            browser.open("/intake");
            WebElement page = browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("dead-end")));
            assertThat(page.getDomAttribute("data-kind")).isEqualTo("denied");
            assertThat(page.getText()).contains("Bukan untuk peran Anda").doesNotContain("Could not navigate");
            assertThat(driver.findElements(By.cssSelector("vaadin-side-nav-item[path='opd-queue']"))).hasSize(1);
            assertThat(driver.findElements(By.cssSelector("vaadin-side-nav-item[path='intake']"))).isEmpty();
            landmarks(driver, "Bukan untuk peran Anda");
            browser.screenshot("dead-end-denied-desk.png");

            driver.findElement(By.id("dead-end-home")).click();
            browser.waiting().until(ExpectedConditions.urlContains("/opd-queue"));
            browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("opd-queue")));
            landmarks(driver, "Antrean OPD");

            browser.open("/no-such-screen");
            page = browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("dead-end")));
            assertThat(page.getDomAttribute("data-kind")).isEqualTo("notFound");
            assertThat(page.getText()).contains("Halaman tidak ditemukan");
            browser.screenshot("dead-end-not-found-desk.png");

            // in English after the switch
            driver.findElement(By.id("language-switch")).click();
            browser.waiting().until(d -> d.findElement(By.id("logout")).getText().equals("Sign out"));
            browser.open("/intake");
            browser.waiting().until(d -> d.findElement(By.id("dead-end")).getText().contains("Not for your role"));
        }
    }

    @Test
    void onAPhoneTheDeadEndFitsAndTheNameStaysOnOneLine() {
        try (Browser browser = phone(new Browser(port, 390, 844))) {
            ChromeDriver driver = browser.driver();
            browser.signIn("dpupr.kepala");
            browser.open("/intake");
            browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("dead-end")));
            browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("current-user")));
            Number userHeight = (Number) driver.executeScript("return document.getElementById('current-user').getBoundingClientRect().height");
            Number barHeight = (Number) driver.executeScript(
                    "return document.querySelector('.juare-header').getBoundingClientRect().height");
            assertThat(userHeight.doubleValue()).as("the name on one line").isLessThan(30);
            assertThat(barHeight.doubleValue()).as("the bar one line high").isLessThan(70);
            assertThat(driver.findElement(By.id("current-user")).getDomAttribute("title")).contains("Kepala OPD");
            assertThat((Boolean) driver.executeScript("return document.documentElement.scrollWidth <= window.innerWidth"))
                    .as("no sideways scrolling").isTrue();
            browser.screenshot("dead-end-denied-phone.png");
        }
    }

    @Test
    void aWrongPasswordKeepsTheUsernameAndTheIconIsServed() throws Exception {
        try (Browser browser = new Browser(port)) {
            ChromeDriver driver = browser.driver();
            browser.open("/login");
            browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(
                    By.cssSelector("#login-form vaadin-text-field[name='username'] input"))).sendKeys("operator2");
            driver.findElement(By.cssSelector("#login-form vaadin-password-field[name='password'] input")).sendKeys("not-the-password");
            driver.findElement(By.cssSelector("#login-form vaadin-button[slot='submit']")).click();
            browser.waiting().until(ExpectedConditions.urlContains("error"));
            browser.waiting().until(d -> "operator2".equals(
                    d.findElement(By.cssSelector("#login-form vaadin-text-field[name='username'] input")).getDomProperty("value")));
            assertThat(driver.findElement(By.cssSelector("#login-form")).getText()).contains("Gagal masuk");
            assertThat(driver.findElements(By.cssSelector("head link[rel='icon'][href*='favicon.ico']"))).isNotEmpty();
            browser.screenshot("login-wrong-password.png");
        }
        HttpResponse<byte[]> icon = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/favicon.ico")).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(icon.statusCode()).isEqualTo(200);
        assertThat(icon.body().length).isGreaterThan(0);
    }

    @Test
    void aSignInThatEndsOnTheBackendsSideLeadsToTheLoginPage() {
        BackendSession diskominfo = client.login("diskominfo", RunningBackend.DEMO_PASSWORD);
        StaffForm form = StaffForm.newAccount();
        form.setUsername("it-ended-" + UUID.randomUUID().toString().substring(0, 8));
        form.setDisplayName("Akun Uji Berakhir");
        form.setPassword(RunningBackend.DEMO_PASSWORD);
        form.setRole(StaffRole.MAYOR);
        Outcome<StaffMember> created = admin.createStaffAccount(diskominfo, form);
        assertThat(created.errors()).isEmpty();

        try (Browser browser = new Browser(port)) {
            ChromeDriver driver = browser.driver();
            browser.signIn(created.value().username());
            browser.open("/command-centre");
            browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("refresh")));

            StaffForm disable = StaffForm.edit(created.value());
            disable.setActive(false);
            assertThat(admin.updateStaffAccount(diskominfo, disable).ok()).isTrue();

            // a click whose call the backend refuses: the session's error handler signs out (a live reload the screen
            // makes on its own may get there first and take the button away: then the login page is already there)
            browser.waiting().until(d -> {
                if (!d.findElements(By.id("login-form")).isEmpty()) {
                    return true;
                }
                d.findElement(By.id("refresh")).click();
                return !d.findElements(By.id("login-form")).isEmpty();
            });
            browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("login-form")));
            assertThat(driver.getPageSource()).doesNotContain("UNAUTHENTICATED");
        }
    }

    /** One main landmark, one level-one heading with the screen's title. */
    private static void landmarks(ChromeDriver driver, String title) {
        assertThat(((Number) driver.executeScript("return document.querySelectorAll('main, [role=main]').length")).intValue())
                .as("main landmarks").isEqualTo(1);
        assertThat(((Number) driver.executeScript("return document.querySelectorAll('h1').length")).intValue()).as("h1").isEqualTo(1);
        assertThat((String) driver.executeScript("return document.querySelector('h1').textContent")).isEqualTo(title);
    }

    /** Headless Chromium keeps a window at least 500 px wide: the page is laid out at a phone's 390 × 844 instead. */
    static Browser phone(Browser browser) {
        browser.driver().executeCdpCommand("Emulation.setDeviceMetricsOverride",
                java.util.Map.of("width", 390, "height", 844, "deviceScaleFactor", 1, "mobile", true));
        return browser;
    }
}
