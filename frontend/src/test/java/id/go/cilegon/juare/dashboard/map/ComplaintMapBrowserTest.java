package id.go.cilegon.juare.dashboard.map;

import id.go.cilegon.juare.dashboard.BrowserIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import id.go.cilegon.juare.dashboard.backend.BackendClient;
import id.go.cilegon.juare.dashboard.backend.RunningBackend;
import id.go.cilegon.juare.dashboard.base.ui.map.StatusPalette;
import id.go.cilegon.juare.graphql.Lifecycle;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Value;

/**
 * The command centre's live map in a real browser against the real backend with its demo data, without tiles (as
 * every test here: {@code config/application.properties} of the test resources): the city outline and kecamatan,
 * clusters adding up to the backend's count, a click on a cluster zooming in until single complaints show in their
 * status colour, and a click on one opening it. And a single complaint's read-only map.
 */
class ComplaintMapBrowserTest extends BrowserIT {

    private static final Pattern MARKER_CLASSES = Pattern.compile("juare-marker complaint-([0-9a-f-]{36}) status-([A-Z_]+)");

    @Value("${juare.map.tile-url}")
    String tileUrl;

    @Test
    void theMayorSeesTheCityAndItsComplaintsAndZoomsInToOne() throws IOException {
        WebDriver driver = browser.driver();
        browser.signIn("walikota");
        driver.get("http://localhost:" + port + "/command-centre");

        // Leaflet drew the map: outline and kecamatan, no tiles
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#complaint-map.leaflet-container.juare-map-ready")));
        assertThat(tileUrl).as("tests run without tiles").isEmpty();
        WebElement map = driver.findElement(By.id("complaint-map"));
        assertThat(map.getAttribute("class")).contains("juare-map-no-tiles");
        assertThat(driver.findElements(By.cssSelector("#complaint-map img.leaflet-tile"))).isEmpty();
        WebElement outline = driver.findElement(By.cssSelector("#complaint-map path.juare-city-outline"));
        assertThat(outline.getAttribute("d")).as("the outline is drawn").matches("M.*\\d.*");
        assertThat(driver.findElements(By.cssSelector("#complaint-map path.juare-kecamatan"))).hasSize(8);
        assertThat(driver.findElement(By.cssSelector("#complaint-map .juare-map-legend")).getText())
                .contains("Status pengaduan", "Baru", "Diproses");

        // the demo complaints, clustered: together as many as the backend counts in the city
        browser.waiting().until(d -> !d.findElements(By.cssSelector("#complaint-map .juare-cluster, #complaint-map path.juare-marker")).isEmpty()
                && map.getAttribute("data-complaints") != null);
        int inView = Integer.parseInt(map.getAttribute("data-complaints"));
        long shown = drawnComplaints(driver);
        assertThat(shown).as("clusters and markers add up to the box's total").isEqualTo(inView);
        assertThat(inView).as("the ongoing ones: the map's filter starts there").isEqualTo(openComplaintsInTheCity());
        assertThat(driver.findElement(By.cssSelector("#complaint-map .juare-map-total")).getText())
                .isEqualTo(inView + " pengaduan di area ini");
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", map);
        browser.screenshot("command-centre-map.png");

        // a click on a cluster zooms into its cell (at least once), until single complaints show
        for (int clicks = 0; clicks == 0 || clicks < 8 && driver.findElements(By.cssSelector("#complaint-map path.juare-marker")).isEmpty(); clicks++) {
            double zoom = zoom(driver);
            // clicked again until the map zooms: a live answer may redraw the clusters just as one is clicked
            browser.waiting().until(d -> zoom(d) > zoom || clickACluster(d));
            browser.waiting().until(d -> zoom(d) > zoom && !d.findElements(By.cssSelector(
                    "#complaint-map .juare-cluster, #complaint-map path.juare-marker")).isEmpty());
            // the answer for the new box has come
            browser.waiting().until(d -> Long.parseLong(map.getAttribute("data-complaints")) == drawnComplaints(d));
        }
        // class and colour read together: a live answer may redraw the markers between two reads
        List<?> marker = browser.waiting().until(d -> (List<?>) ((JavascriptExecutor) d).executeScript(
                "const m = document.querySelector('#complaint-map path.juare-marker');"
                        + " return m ? [m.getAttribute('class'), m.getAttribute('fill')] : null;"));
        Matcher classes = MARKER_CLASSES.matcher((String) marker.get(0));
        assertThat(classes.find()).as((String) marker.get(0)).isTrue();
        String status = classes.group(2);
        assertThat(StatusPalette.statuses()).contains(status);
        assertThat(marker.get(1)).isEqualTo(StatusPalette.color(status));
        browser.screenshot("command-centre-map-zoomed.png");

        // a marker's tooltip, then a click opens its complaint (whichever marker is drawn: the map is live, and
        // other tests' events may redraw or regroup what is in view)
        String tooltip = browser.waiting().until(d -> {
            WebElement drawn = reachableMarker(d);
            if (drawn == null) {
                return null;
            }
            // off the map's corner first: a marker redrawn under a resting pointer gets no mouseover, so no tooltip
            WebElement mapArea = d.findElement(By.id("complaint-map"));
            new Actions(d).moveToElement(mapArea, 4 - mapArea.getSize().getWidth() / 2, 4 - mapArea.getSize().getHeight() / 2)
                    .moveToElement(drawn).perform();
            // the marker's tooltip, not a kecamatan's name (those are tooltips too, from zoom 12)
            String text = d.findElement(By.cssSelector(
                    "#complaint-map .leaflet-tooltip-pane .leaflet-tooltip:not(.juare-kecamatan-label)")).getText();
            return text.lines().count() >= 2 ? text : null;
        });
        assertThat(tooltip).as("(tracking number,) status, category").matches("(?s).+\\n.+");
        String opened = browser.waiting().until(d -> {
            WebElement drawn = reachableMarker(d);
            if (drawn == null) {
                return null;
            }
            Matcher id = MARKER_CLASSES.matcher(drawn.getAttribute("class"));
            new Actions(d).moveToElement(drawn).click().perform();
            return id.find() ? id.group(1) : null;
        });
        browser.waiting().until(ExpectedConditions.urlContains("/complaint/" + opened));
    }

    @Test
    void aSingleComplaintsMapShowsItsPlaceAtStreetLevel() throws IOException {
        WebDriver driver = browser.driver();
        browser.signIn("operator");
        driver.get("http://localhost:" + port + "/test/single-map");

        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#single-map.leaflet-container.juare-map-ready")));
        WebElement marker = driver.findElement(By.cssSelector("#single-map path.juare-marker"));
        assertThat(marker.getAttribute("class")).contains("status-IN_PROGRESS");
        assertThat(marker.getAttribute("fill")).isEqualTo(StatusPalette.color("IN_PROGRESS"));
        assertThat(zoom(driver, "single-map")).isEqualTo(16.0);
        assertThat(driver.findElement(By.cssSelector("#single-map .juare-map-legend")).getText())
                .as("its own status only").contains("Diproses").doesNotContain("Baru");
        Object center = ((JavascriptExecutor) driver).executeScript(
                "const c = document.getElementById('single-map')._juare.map.getCenter(); return [c.lat, c.lng];");
        List<?> latLng = (List<?>) center;
        // to the pixel
        assertThat(((Number) latLng.get(0)).doubleValue()).isCloseTo(SingleMapTestView.LAT, within(1e-4));
        assertThat(((Number) latLng.get(1)).doubleValue()).isCloseTo(SingleMapTestView.LNG, within(1e-4));
        assertThat(driver.findElements(By.cssSelector("#single-map path.juare-city-outline"))).hasSize(1);
        assertThat(driver.findElements(By.cssSelector("#single-map .juare-cluster"))).as("read-only: nothing asked").isEmpty();
        browser.screenshot("single-complaint-map.png");
    }

    /**
     * A marker the pointer can reach: its centre inside the map's box and nothing drawn over it. Leaflet draws markers
     * a little beyond the visible box too, where a pointer moved to them lands outside the map and shows no tooltip.
     */
    private static WebElement reachableMarker(WebDriver driver) {
        return (WebElement) ((JavascriptExecutor) driver).executeScript("""
                const map = document.getElementById('complaint-map');
                map.scrollIntoView({block: 'nearest'});
                const box = map.getBoundingClientRect();
                for (const m of document.querySelectorAll('#complaint-map path.juare-marker')) {
                  const r = m.getBoundingClientRect();
                  const x = r.left + r.width / 2, y = r.top + r.height / 2;
                  if (x > box.left + 8 && x < box.right - 8 && y > box.top + 8 && y < box.bottom - 8
                      && document.elementFromPoint(x, y) === m) {
                    return m;
                  }
                }
                return null;""");
    }

    /** Clicks the first cluster drawn (as a user's click reaches it); false, so a wait tries again. */
    private static boolean clickACluster(WebDriver driver) {
        ((JavascriptExecutor) driver).executeScript(
                "const c = document.querySelector('#complaint-map .juare-cluster'); if (c) { c.click(); }");
        return false;
    }

    /** The complaints drawn: the clusters' counts and one per marker. */
    private static long drawnComplaints(WebDriver driver) {
        long inClusters = driver.findElements(By.cssSelector("#complaint-map .juare-cluster text")).stream()
                // textContent: getText() is empty for a cluster in the box but scrolled out of the window
                .mapToLong(text -> Long.parseLong(text.getDomProperty("textContent").replaceAll("\\D", "")))
                .sum();
        return inClusters + driver.findElements(By.cssSelector("#complaint-map path.juare-marker")).size();
    }

    private static double zoom(WebDriver driver) {
        return zoom(driver, "complaint-map");
    }

    private static double zoom(WebDriver driver, String mapId) {
        Object zoom = ((JavascriptExecutor) driver).executeScript(
                "return document.getElementById(arguments[0])._juare.map.getZoom();", mapId);
        return ((Number) zoom).doubleValue();
    }

    /** The complaints still going on (not finished) the mayor sees (the map's default filter): the demo places them all in the city. */
    private static int openComplaintsInTheCity() {
        BackendClient client = new BackendClient(RunningBackend.get().properties(), Clock.systemUTC());
        return client.execute(client.login("walikota", RunningBackend.DEMO_PASSWORD), "ComplaintCounts",
                        Map.of("filter", Map.of("statuses", List.copyOf(Lifecycle.names(Lifecycle.OPEN)))))
                .field("complaintCounts.total")
                .toEntity(Integer.class);
    }
}
