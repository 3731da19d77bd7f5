package id.go.cilegon.juare.dashboard.map;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.cilegon.juare.dashboard.BrowserIT;
import id.go.cilegon.juare.dashboard.backend.BackendClient;
import id.go.cilegon.juare.dashboard.backend.BackendSession;
import id.go.cilegon.juare.dashboard.backend.RunningBackend;
import id.go.cilegon.juare.graphql.Lifecycle;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The command centre's map filters, clusters that never overlap, markers by keyboard, and maps that help without
 * tiles (issue 13), in a real browser against the real backend and its demo data.
 */
class MapFiltersBrowserTest extends BrowserIT {

    private static final Pattern MARKER_CLASSES = Pattern.compile("juare-marker complaint-([0-9a-f-]{36}) status-([A-Z_]+)");
    /** Cilegon's centre (docs/refdata/README.md). */
    private static final double CITY_LAT = -5.9989;
    private static final double CITY_LNG = 106.0185;

    @Test
    void eachFilterMakesTheMapCountWhatTheBackendCountsForIt() {
        BackendCounts counts = new BackendCounts();
        openCommandCentre();
        WebElement map = driver.findElement(By.id("complaint-map"));

        // the complaints still going on to start with (closed and rejected ones left out), and the legend says so
        assertThat(MapFilter.DEFAULT.toVariable(Instant.now()))
                .isEqualTo(Map.of("statuses", List.copyOf(Lifecycle.names(Lifecycle.OPEN))));
        int open = mapShowsWhatTheBackendCounts(counts, MapFilter.DEFAULT);
        assertThat(driver.findElement(By.cssSelector("#complaint-map .juare-map-legend")).getText())
                .contains("Tampil: pengaduan masih berjalan", open + " pengaduan di area ini");
        assertThat(driver.findElement(By.cssSelector("#complaint-map .juare-map-legend")).getText())
                .as("the legend lists what the filter can show").doesNotContain("Ditutup", "Ditolak");
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'end'});", map);
        browser.screenshot("map-filters-open.png");

        // every status: closed and rejected ones too
        choose("map-filter-status", "Semua status");
        MapFilter all = MapFilter.DEFAULT.withStatuses(MapFilter.StatusGroup.ALL);
        int everything = mapShowsWhatTheBackendCounts(counts, all);
        assertThat(driver.findElement(By.cssSelector("#complaint-map .juare-map-legend")).getText()).contains("Ditutup", "Ditolak");
        assertThat(everything).as("the demo has closed and rejected complaints").isGreaterThan(open);

        // one OPD, found by its short code
        pick("map-filter-opd", "DPUPR", "DPUPR · ");
        MapFilter dpupr = all.withOpdCodes(Set.of("DPUPR"));
        int ofDpupr = mapShowsWhatTheBackendCounts(counts, dpupr);
        assertThat(ofDpupr).isPositive().isLessThan(everything);
        assertThat(map.findElement(By.className("juare-map-note")).getText()).isEqualTo("Tampil: semua status · DPUPR");

        // and one category
        pick("map-filter-category", "Jalan rusak", "JALAN · ");
        int roads = mapShowsWhatTheBackendCounts(counts, dpupr.withCategoryCodes(Set.of("JALAN")));
        assertThat(roads).isLessThanOrEqualTo(ofDpupr);

        // a period: every status of the last 7 days, whoever and whatever (the chosen OPD and category cleared)
        clear("map-filter-opd");
        clear("map-filter-category");
        choose("map-filter-period", "7 hari terakhir");
        mapShowsWhatTheBackendCounts(counts, all.withPeriod(MapFilter.Period.LAST_7_DAYS));
        // today's only: filed today (other tests file some), fewer than the whole demo
        choose("map-filter-period", "Hari ini");
        int today = mapShowsWhatTheBackendCounts(counts, all.withPeriod(MapFilter.Period.TODAY));
        assertThat(today).isLessThan(everything);
        browser.screenshot("map-filters-today.png");

        // overdue, as the counters count it: either deadline, then the reply's only
        choose("map-filter-period", "Semua waktu");
        choose("map-filter-status", "Terlambat");
        int overdue = mapShowsWhatTheBackendCounts(counts, MapFilter.DEFAULT.withStatuses(MapFilter.StatusGroup.OVERDUE));
        assertThat(overdue).as("the demo has overdue complaints").isPositive().isLessThan(open);
        assertThat(MapFilter.DEFAULT.withStatuses(MapFilter.StatusGroup.OVERDUE).toVariable(Instant.now()))
                .isEqualTo(Map.of("overdue", "ANY"));
        browser.screenshot("map-filters-overdue.png");
        choose("map-filter-status", "Balasan terlambat");
        int replyOverdue = mapShowsWhatTheBackendCounts(counts, MapFilter.DEFAULT.withStatuses(MapFilter.StatusGroup.REPLY_OVERDUE));
        assertThat(replyOverdue).isLessThanOrEqualTo(overdue);

        // back to the ongoing ones
        choose("map-filter-status", "Masih berjalan");
        mapShowsWhatTheBackendCounts(counts, MapFilter.DEFAULT);
    }

    @Test
    void clustersNeverOverlapAndKelurahanShowAtDetailZoom() {
        openCommandCentre();
        choose("map-filter-status", "Semua status");
        for (int zoom : new int[] {11, 12, 13, 14, 15, 16}) {
            zoomTo(zoom);
            List<?> overlaps = (List<?>) ((JavascriptExecutor) driver).executeScript("""
                    const circles = [];
                    for (const el of document.querySelectorAll('#complaint-map .juare-cluster, #complaint-map path.juare-marker')) {
                      const r = el.getBoundingClientRect();
                      circles.push({x: r.left + r.width / 2, y: r.top + r.height / 2, r: Math.min(r.width, r.height) / 2,
                        what: el.getAttribute('class')});
                    }
                    const overlaps = [];
                    for (let a = 0; a < circles.length; a++) {
                      for (let b = a + 1; b < circles.length; b++) {
                        const A = circles[a], B = circles[b];
                        // half a pixel for rounding: touching is fine, overlapping is not
                        if (Math.hypot(A.x - B.x, A.y - B.y) < A.r + B.r - 0.5) {
                          overlaps.push(A.what + ' / ' + B.what);
                        }
                      }
                    }
                    return overlaps;""");
            assertThat(overlaps).as("drawn circles overlapping at zoom " + zoom).isEmpty();
            boolean detail = zoom >= 14;
            assertThat(driver.findElements(By.cssSelector("#complaint-map path.juare-kelurahan")).stream()
                    .anyMatch(WebElement::isDisplayed)).as("kelurahan boundaries at zoom " + zoom).isEqualTo(detail);
            if (detail) {
                // the kelurahan of the map's centre named in the corner, whether or not its name is in view
                browser.waiting().until(d -> d.findElement(By.cssSelector("#complaint-map .juare-map-place")).getText()
                        .matches("Kelurahan \\S.*, Kecamatan \\S.*"));
            } else {
                assertThat(driver.findElement(By.cssSelector("#complaint-map .juare-map-place")).isDisplayed()).isFalse();
            }
            if (zoom == 14) {
                // and the kelurahan names, some in view
                browser.waiting().until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript("""
                        const box = document.getElementById('complaint-map').getBoundingClientRect();
                        return [...document.querySelectorAll('#complaint-map .juare-kelurahan-label')].some(label => {
                          const r = label.getBoundingClientRect();
                          const x = r.left + r.width / 2, y = r.top + r.height / 2;
                          return r.width > 0 && x > box.left && x < box.right && y > box.top && y < box.bottom;
                        });""")));
            }
            if (zoom == 13 || zoom == 15) {
                ((JavascriptExecutor) driver).executeScript(
                        "document.getElementById('complaint-map').scrollIntoView({block: 'center'});");
                browser.screenshot("map-zoom-" + zoom + ".png");
            }
        }
    }

    @Test
    void tabReachesMarkersAndClustersAndEnterOpensAComplaint() {
        openCommandCentre();
        choose("map-filter-status", "Semua status");
        WebElement map = driver.findElement(By.id("complaint-map"));
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'}); arguments[0].focus();", map);
        String opened = null;
        for (int step = 0; step < 60 && opened == null; step++) {
            new Actions(driver).sendKeys(Keys.TAB).perform();
            // read in one script: a live refresh may redraw the focused marker (the map moves the focus to its
            // redrawn twin), which would make a held WebElement stale between two reads
            @SuppressWarnings("unchecked")
            Map<String, Object> focused = (Map<String, Object>) ((JavascriptExecutor) driver).executeScript("""
                    const e = document.activeElement, map = arguments[0];
                    return {classes: String(e && e.getAttribute('class')), role: e && e.getAttribute('role'),
                            label: e && e.getAttribute('aria-label'), map: e === map, inside: !!e && map.contains(e)};""", map);
            String classes = String.valueOf(focused.get("classes"));
            if (classes.contains("juare-cluster")) {
                assertThat(focused.get("role")).isEqualTo("button");
                assertThat(String.valueOf(focused.get("label"))).matches("\\d+ pengaduan: klik atau Enter untuk memperbesar");
                double before = zoom();
                new Actions(driver).sendKeys(Keys.ENTER).perform();
                browser.waiting().until(d -> zoom() > before && answeredZoom() == Math.floor(zoom()));
                // the map keeps the focus: the next Tab goes into what it shows now
                assertThat(driver.switchTo().activeElement()).isEqualTo(map);
            } else if (classes.contains("juare-marker")) {
                assertThat(focused.get("role")).isEqualTo("button");
                assertThat(String.valueOf(focused.get("label")))
                        .as("tracking number, status, category").matches("[A-Z0-9]{3}-[A-Z0-9]{4}, .+, .+: Enter untuk membuka");
                browser.screenshot("map-marker-focused.png");
                Matcher id = MARKER_CLASSES.matcher(classes);
                assertThat(id.find()).isTrue();
                opened = id.group(1);
                new Actions(driver).sendKeys(Keys.ENTER).perform();
            } else if (!Boolean.TRUE.equals(focused.get("map")) && !Boolean.TRUE.equals(focused.get("inside"))) {
                // past the map (its controls, the page): into it again
                ((JavascriptExecutor) driver).executeScript("arguments[0].focus();", map);
            }
        }
        assertThat(opened).as("a marker reached with Tab").isNotNull();
        browser.waiting().until(ExpectedConditions.urlContains("/complaint/" + opened));
    }

    @Test
    void aSingleComplaintsMapWithoutTilesShowsItsKelurahanAndCoordinates() {
        browser.signIn("operator");
        String expected = kelurahanOf(SingleMapTestView.LAT, SingleMapTestView.LNG);
        for (String tiles : new String[] {"", "?tiles=unreachable", "?tiles=local"}) {
            driver.get("http://localhost:" + port + "/test/single-map" + tiles);
            browser.waiting().until(ExpectedConditions.presenceOfElementLocated(
                    By.cssSelector("#single-map.leaflet-container.juare-map-ready")));
            // the kelurahan the point lies in: outlined, and named with its kecamatan and the coordinates
            browser.waiting().until(d -> d.findElements(By.cssSelector("#single-map path.juare-kelurahan-here")).size() == 1);
            assertThat(driver.findElement(By.cssSelector("#single-map path.juare-kelurahan-here")).isDisplayed()).isTrue();
            WebElement place = browser.waiting().until(d -> {
                WebElement p = d.findElement(By.cssSelector("#single-map .juare-map-place"));
                return p.getText().contains("Kelurahan") ? p : null;
            });
            assertThat(place.getText()).isEqualTo(expected + "\n-6.01720, 106.05360");
            assertThat(driver.findElements(By.cssSelector("#single-map path.juare-kelurahan")).size())
                    .as("the neighbours too").isGreaterThan(1);
            assertThat(driver.findElements(By.cssSelector("#single-map path.juare-city-outline"))).hasSize(1);
            WebElement map = driver.findElement(By.id("single-map"));
            switch (tiles) {
                case "" -> {
                    assertThat(map.getAttribute("class")).contains("juare-map-no-tiles");
                    browser.screenshot("map-single-no-tiles.png");
                }
                case "?tiles=unreachable" -> {
                    // the tiles fail: the plain background, the same boundaries and names
                    try {
                        browser.waiting().until(d -> d.findElement(By.id("single-map")).getAttribute("class").contains("juare-map-tiles-failed"));
                    } catch (RuntimeException e) {
                        throw new AssertionError(((JavascriptExecutor) driver).executeScript(
                                "const m = document.getElementById('single-map'); return m.className + ' | ' + [...m.querySelectorAll('img')].map(i => i.src + ' ' + i.className).join(' ; ')") + " " + e);
                    }
                    browser.screenshot("map-single-tiles-unreachable.png");
                }
                default -> {
                    browser.waiting().until(d -> !d.findElements(By.cssSelector("#single-map img.leaflet-tile-loaded")).isEmpty());
                    assertThat(map.getAttribute("class")).doesNotContain("juare-map-no-tiles");
                    browser.screenshot("map-single-with-tiles.png");
                }
            }
        }
    }

    private void openCommandCentre() {
        browser.signIn("walikota");
        driver.get("http://localhost:" + port + "/command-centre");
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#complaint-map.leaflet-container.juare-map-ready[data-complaints]")));
    }

    /** Waits until the map's total is what the backend counts for the filter (others' events change both). */
    private int mapShowsWhatTheBackendCounts(BackendCounts counts, MapFilter filter) {
        int[] last = new int[2];
        try {
            browser.waiting().until(d -> {
                WebElement map = d.findElement(By.id("complaint-map"));
                last[0] = Integer.parseInt(map.getAttribute("data-complaints"));
                last[1] = counts.total(filter.toVariable(Instant.now()));
                return last[0] == last[1] && map.findElement(By.className("juare-map-total")).getText()
                        .equals(last[0] + " pengaduan di area ini") && drawnComplaints(d) == last[0];
            });
        } catch (RuntimeException e) {
            throw new AssertionError("map " + last[0] + ", backend " + last[1] + " for " + filter, e);
        }
        return last[0];
    }

    /** Opens a vaadin-select and clicks the item with the label. */
    private void choose(String selectId, String label) {
        driver.findElement(By.id(selectId)).click();
        browser.waiting().until(d -> d.findElements(By.cssSelector("vaadin-select-item")).stream()
                .filter(item -> item.isDisplayed() && item.getText().equals(label))
                .findFirst()
                .map(item -> {
                    item.click();
                    return true;
                })
                .orElse(false));
        browser.waiting().until(d -> d.findElements(By.cssSelector("vaadin-select-overlay[opened]")).isEmpty());
    }

    /** Types into a multi-select combo box and picks the item whose label starts so. */
    private void pick(String id, String typed, String labelStart) {
        WebElement input = driver.findElement(By.cssSelector("#" + id + " input"));
        input.click();
        input.sendKeys(typed);
        browser.waiting().until(d -> d.findElements(By.cssSelector("vaadin-multi-select-combo-box-item")).stream()
                .filter(item -> item.isDisplayed() && item.getText().startsWith(labelStart))
                .findFirst()
                .map(item -> {
                    item.click();
                    return true;
                })
                .orElse(false));
        // closes the list (a second Escape would clear the choice)
        input.sendKeys(Keys.ESCAPE);
    }

    private void clear(String id) {
        // its clear button, as a user clears it
        ((JavascriptExecutor) driver).executeScript("arguments[0].shadowRoot.querySelector('[part~=\"clear-button\"]').click();",
                driver.findElement(By.id(id)));
        browser.waiting().until(d -> Long.valueOf(0).equals(((JavascriptExecutor) d).executeScript(
                "return arguments[0].selectedItems.length;", d.findElement(By.id(id)))));
    }

    /** Zooms the map to the city's centre and waits for the answer for that zoom. */
    private void zoomTo(int zoom) {
        ((JavascriptExecutor) driver).executeScript(
                "document.getElementById('complaint-map')._juare.map.setView([arguments[0], arguments[1]], arguments[2], {animate: false});",
                CITY_LAT, CITY_LNG, zoom);
        browser.waiting().until(d -> zoom() == zoom && answeredZoom() == zoom
                && Long.parseLong(d.findElement(By.id("complaint-map")).getAttribute("data-complaints")) >= 0);
    }

    private double zoom() {
        return ((Number) ((JavascriptExecutor) driver).executeScript(
                "return document.getElementById('complaint-map')._juare.map.getZoom();")).doubleValue();
    }

    private double answeredZoom() {
        String zoom = driver.findElement(By.id("complaint-map")).getAttribute("data-zoom");
        return zoom == null ? -1 : Double.parseDouble(zoom);
    }

    /** The complaints drawn: the clusters' counts and one per marker. */
    private static long drawnComplaints(WebDriver driver) {
        long inClusters = driver.findElements(By.cssSelector("#complaint-map .juare-cluster text")).stream()
                .mapToLong(text -> Long.parseLong(text.getDomProperty("textContent").replaceAll("\\D", "")))
                .sum();
        return inClusters + driver.findElements(By.cssSelector("#complaint-map path.juare-marker")).size();
    }

    /** "Kelurahan X, Kecamatan Y" as the backend locates the point. */
    private static String kelurahanOf(double lat, double lng) {
        BackendClient client = new BackendClient(RunningBackend.get().properties(), Clock.systemUTC());
        BackendSession session = client.login("operator", RunningBackend.DEMO_PASSWORD);
        var located = client.execute(session, "Locate", Map.of("location", Map.of("lat", lat, "lng", lng)));
        return "Kelurahan " + located.field("locate.kelurahan.name").toEntity(String.class)
                + ", Kecamatan " + located.field("locate.kecamatan.name").toEntity(String.class);
    }

    /** complaintCounts as the mayor, for a filter. */
    private static final class BackendCounts {

        private final BackendClient client = new BackendClient(RunningBackend.get().properties(), Clock.systemUTC());
        private final BackendSession session = client.login("walikota", RunningBackend.DEMO_PASSWORD);

        int total(Map<String, Object> filter) {
            Map<String, Object> variables = new HashMap<>();
            if (filter != null) {
                variables.put("filter", filter);
            }
            return client.execute(session, "ComplaintCounts", variables).field("complaintCounts.total").toEntity(Integer.class);
        }
    }
}
