package id.go.cilegon.juare.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.cilegon.juare.dashboard.backend.BackendClient;
import id.go.cilegon.juare.dashboard.backend.RunningBackend;
import id.go.cilegon.juare.dashboard.commandcentre.CommandCentreService;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;

/**
 * The dashboard in a real browser (headless Chromium) against the real backend with its demo data: sign in as an
 * operator, the command centre's counters, the language switch, sign out. Uses Debian's {@code /usr/bin/chromium} and
 * {@code /usr/bin/chromedriver} (never a downloaded driver); screenshots go to {@code target/screenshots/}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DashboardBrowserTest {

    private static final File CHROMIUM = new File("/usr/bin/chromium");
    private static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    @DynamicPropertySource
    static void backend(DynamicPropertyRegistry registry) {
        registry.add("juare.backend.url", () -> RunningBackend.get().url().toString());
    }

    @Value("${local.server.port}")
    int port;

    private Path profile;
    private ChromeDriverService service;
    private ChromeDriver driver;
    private WebDriverWait wait;

    @BeforeEach
    void startBrowser() throws IOException {
        assertThat(CHROMIUM).as("Debian's chromium (apt-get install chromium; .ci/run installs it)").matches(File::canExecute, "is executable");
        assertThat(CHROMEDRIVER).as("Debian's chromedriver (apt-get install chromium-driver; .ci/run installs it)").matches(File::canExecute, "is executable");
        // an explicit driver and browser: Selenium Manager has nothing to look up or download
        System.setProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, CHROMEDRIVER.getPath());
        profile = Files.createTempDirectory(Files.createDirectories(Path.of("target")).toAbsolutePath(), "chromium-profile-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-quic", "--no-first-run", "--disable-component-update", "--disable-sync",
                "--window-size=1440,900", "--user-data-dir=" + profile);
        service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER).usingAnyFreePort()
                .withLogFile(Path.of("target", "chromedriver.log").toFile()).build();
        driver = new ChromeDriver(service, options);
        wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        wait.ignoring(NoSuchElementException.class).ignoring(StaleElementReferenceException.class);
    }

    @AfterEach
    void stopBrowser() {
        if (driver != null) {
            driver.quit();
        }
        if (service != null) {
            service.stop();
        }
        if (profile != null) {
            FileSystemUtils.deleteRecursively(profile.toFile());
        }
    }

    @Test
    void anOperatorSignsInSeesTheCountersSwitchesToEnglishAndSignsOut() throws IOException {
        driver.get("http://localhost:" + port + "/login");
        WebElement username = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#login-form vaadin-text-field[name='username'] input")));
        WebElement password = driver.findElement(By.cssSelector("#login-form vaadin-password-field[name='password'] input"));
        WebElement submit = driver.findElement(By.cssSelector("#login-form vaadin-button[slot='submit']"));
        assertThat(submit.getText()).isEqualTo("Masuk");
        screenshot("login.png");

        username.sendKeys("operator");
        password.sendKeys(RunningBackend.DEMO_PASSWORD);
        submit.click();

        // the command centre in Bahasa Indonesia, its counters filled in from the backend
        wait.until(ExpectedConditions.urlContains("/command-centre"));
        String open = wait.until(d -> {
            String text = d.findElement(By.cssSelector("#counter-open .counter-value")).getText();
            return text.matches("\\d+") ? text : null;
        });
        assertThat(driver.findElement(By.id("counter-open")).getText()).contains("Terbuka");
        assertThat(driver.findElement(By.id("logout")).getText()).isEqualTo("Keluar");
        assertThat(driver.findElement(By.id("current-user")).getText()).isNotBlank();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("opd-table")));

        BackendClient client = new BackendClient(RunningBackend.get().properties(), Clock.systemUTC());
        int expectedOpen = new CommandCentreService(client, Clock.systemUTC())
                .overview(client.login("operator", RunningBackend.DEMO_PASSWORD)).open();
        assertThat(expectedOpen).isPositive();
        assertThat(Integer.parseInt(open)).isEqualTo(expectedOpen);
        screenshot("command-centre.png");

        // English for the session: the screen reloads with its labels in English
        WebElement language = driver.findElement(By.id("language-switch"));
        assertThat(language.getText()).isEqualTo("English");
        language.click();
        wait.until(d -> d.findElement(By.id("counter-open")).getText().contains("Open")
                && d.findElement(By.id("logout")).getText().equals("Sign out"));
        assertThat(driver.findElement(By.id("language-switch")).getText()).isEqualTo("Bahasa Indonesia");
        assertThat(driver.findElement(By.cssSelector("#counter-open .counter-value")).getText()).isEqualTo(open);

        // sign out: back at the login
        driver.findElement(By.id("logout")).click();
        wait.until(ExpectedConditions.urlContains("/login"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#login-form vaadin-button[slot='submit']")));
        driver.get("http://localhost:" + port + "/command-centre");
        wait.until(ExpectedConditions.urlContains("/login"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login-form")));
    }

    private void screenshot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        File shot = driver.getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SCREENSHOTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }
}
