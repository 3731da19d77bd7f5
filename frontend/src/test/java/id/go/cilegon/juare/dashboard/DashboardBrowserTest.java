package id.go.cilegon.juare.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.cilegon.juare.dashboard.backend.BackendClient;
import id.go.cilegon.juare.dashboard.backend.RunningBackend;
import id.go.cilegon.juare.dashboard.commandcentre.CommandCentreService;
import java.io.IOException;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The dashboard in a real browser (headless Chromium) against the real backend with its demo data: sign in as an
 * operator, the command centre's counters, the language switch, sign out. The browser: {@link Browser}.
 */
class DashboardBrowserTest extends BrowserIT {

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
        browser.screenshot(name);
    }
}
