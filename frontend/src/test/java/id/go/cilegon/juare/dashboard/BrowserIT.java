package id.go.cilegon.juare.dashboard;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/** A dashboard test with a fresh headless Chromium per test ({@link Browser}), closed after it. */
public abstract class BrowserIT extends DashboardIT {

    private final int width;
    private final int height;

    protected Browser browser;
    protected ChromeDriver driver;
    protected WebDriverWait wait;

    /** The browser's default window. */
    protected BrowserIT() {
        this(0, 0);
    }

    /** A window of this size (a wall display: 1920 × 1080). */
    protected BrowserIT(int width, int height) {
        this.width = width;
        this.height = height;
    }

    @BeforeEach
    void startBrowser() {
        browser = width == 0 ? new Browser(port) : new Browser(port, width, height);
        driver = browser.driver();
        wait = browser.waiting();
    }

    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }
}
