package id.go.cilegon.juare.dashboard.map;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.cilegon.juare.dashboard.BrowserIT;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The map's filter bar on a phone (390 × 844): its fields wrap inside the screen (the filtered map alone: where the
 * command centre puts it on a phone is the command centre's layout); a single complaint's map too.
 */
class MapPhoneBrowserTest extends BrowserIT {

    MapPhoneBrowserTest() {
        super(390, 844);
    }

    @Test
    void theFilterBarWrapsInsideAPhoneScreen() {
        browser.signIn("walikota");
        driver.get("http://localhost:" + port + "/test/filtered-map");
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#complaint-map.leaflet-container.juare-map-ready[data-complaints]")));
        List<?> outside = (List<?>) ((JavascriptExecutor) driver).executeScript("""
                document.getElementById('map-filters').scrollIntoView({block: 'start'});
                const width = document.documentElement.clientWidth;
                return [...document.querySelectorAll('#map-filters > *')]
                    .filter(field => { const r = field.getBoundingClientRect(); return r.left < 0 || r.right > width || r.width < 100; })
                    .map(field => field.id);""");
        assertThat(outside).as("filter fields cut off or squeezed at 390 px").isEmpty();
        browser.screenshot("map-filters-phone.png");

        driver.get("http://localhost:" + port + "/test/single-map");
        browser.waiting().until(d -> d.findElement(By.cssSelector("#single-map .juare-map-place")).getText().contains("Kelurahan"));
        browser.screenshot("map-single-phone.png");
    }
}
