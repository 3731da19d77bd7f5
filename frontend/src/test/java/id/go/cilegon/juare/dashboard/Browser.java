package id.go.cilegon.juare.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.cilegon.juare.dashboard.backend.RunningBackend;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import javax.imageio.ImageIO;
import java.util.List;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.WebElement;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.util.FileSystemUtils;

/**
 * A headless Debian Chromium for browser tests (never a downloaded driver), with a fresh profile, a patient wait,
 * sign-in and screenshots to {@code target/screenshots/}. Close it after each test.
 */
public final class Browser implements AutoCloseable {

    public static final File CHROMIUM = new File("/usr/bin/chromium");
    public static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");
    public static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private final String baseUrl;
    private final Path profile;
    private final ChromeDriverService service;
    private final ChromeDriver driver;
    private final WebDriverWait wait;

    public Browser(int port) {
        this(port, 1440, 900);
    }

    /** With a window of this size (a wall screen is larger than an office PC's). */
    public Browser(int port, int width, int height) {
        this(port, width, height, options -> { });
    }

    /** With more options, e.g. Chromium's performance log (every request the page makes, through DevTools). */
    public Browser(int port, int width, int height, java.util.function.Consumer<ChromeOptions> more) {
        assertThat(CHROMIUM).as("Debian's chromium (apt-get install chromium; .ci/run installs it)").matches(File::canExecute, "is executable");
        assertThat(CHROMEDRIVER).as("Debian's chromedriver (apt-get install chromium-driver)").matches(File::canExecute, "is executable");
        this.baseUrl = "http://localhost:" + port;
        System.setProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, CHROMEDRIVER.getPath());
        try {
            profile = Files.createTempDirectory(Files.createDirectories(Path.of("target")).toAbsolutePath(), "chromium-profile-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-quic", "--no-first-run", "--disable-component-update", "--disable-sync",
                "--window-size=" + width + "," + height, "--user-data-dir=" + profile);
        more.accept(options);
        service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER).usingAnyFreePort()
                .withLogFile(Path.of("target", "chromedriver.log").toFile()).build();
        driver = new ChromeDriver(service, options);
        wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        // while a page reloads or re-renders under the driver (language switch, live update) Chromium may answer a
        // look-up with any DOM error ("node does not belong to the document"), not only a stale element: a wait
        // retries until its timeout, which then reports the last error
        wait.ignoring(WebDriverException.class);
    }

    public ChromeDriver driver() {
        return driver;
    }

    public WebDriverWait waiting() {
        return wait;
    }

    public void open(String path) {
        driver.get(baseUrl + path);
    }

    /** Signs in with a demo account and waits until the login is behind. */
    public void signIn(String username) {
        open("/login");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#login-form vaadin-text-field[name='username'] input")))
                .sendKeys(username);
        driver.findElement(By.cssSelector("#login-form vaadin-password-field[name='password'] input")).sendKeys(RunningBackend.DEMO_PASSWORD);
        driver.findElement(By.cssSelector("#login-form vaadin-button[slot='submit']")).click();
        wait.until(d -> !d.getCurrentUrl().contains("/login"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("current-user")));
    }

    public void screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            File shot = driver.getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), SCREENSHOTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The cell of grid {@code gridId} whose text is exactly {@code text}, or null while there is none. */
    public WebElement gridCell(String gridId, String text) {
        // one round trip: asking each cell for its text would take longer than what a test times
        return (WebElement) driver.executeScript("""
                const grid = document.getElementById(arguments[0]);
                if (!grid) { return null; }
                return [...grid.querySelectorAll('vaadin-grid-cell-content')]
                    .find(cell => cell.offsetParent !== null && cell.textContent.trim() === arguments[1]) || null;""", gridId, text);
    }

    /**
     * Clicks the row of grid {@code gridId} whose cell reads {@code text}, first scrolling row {@code index} (when known,
     * else -1) into the grid's view and the cell into the page's. Found and clicked again until the click lands: a
     * live grid may redraw the row, and a notification or the page's footer may cover it just as it is clicked.
     */
    public void clickGridRow(String gridId, int index, String text) {
        wait.until(d -> {
            if (index >= 0) {
                driver.executeScript("document.getElementById(arguments[0]).scrollToIndex(arguments[1])", gridId, index);
            }
            WebElement cell = gridCell(gridId, text);
            if (cell == null) {
                return false;
            }
            driver.executeScript("arguments[0].scrollIntoView({block: 'center'});", cell);
            cell.click(); // a covered cell throws, which the wait ignores: tried again
            return true;
        });
    }

    /** The file input of the vaadin-upload with this id, wherever this version keeps it. */
    public WebElement fileInput(String uploadId) {
        WebElement upload = driver.findElement(By.id(uploadId));
        List<WebElement> light = upload.findElements(By.cssSelector("input[type=file]"));
        if (!light.isEmpty()) {
            return light.getFirst();
        }
        SearchContext shadow = upload.getShadowRoot();
        return shadow.findElement(By.cssSelector("input[type=file]"));
    }

    /** A 640×480 PNG at {@code file}: a photo to upload. */
    public static Path png(Path file) throws IOException {
        BufferedImage image = new BufferedImage(640, 480, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(70, 120, 180));
        g.fillRect(0, 0, 640, 480);
        g.setColor(Color.WHITE);
        g.fillRect(100, 200, 440, 80);
        g.dispose();
        ImageIO.write(image, "png", file.toFile());
        return file;
    }

    @Override
    public void close() {
        driver.quit();
        service.stop();
        FileSystemUtils.deleteRecursively(profile.toFile());
    }
}
