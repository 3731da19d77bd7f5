package id.go.cilegon.juare.dashboard.wall.ui;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.cilegon.juare.dashboard.Browser;
import id.go.cilegon.juare.dashboard.DashboardIT;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The wall at the sizes wall screens have: everything on one screen at once (counters, map, the OPD table or its
 * current page with "1/3", the latest events), no scrolling, dark wherever one looks and every text readable on its
 * background, the OPD table turning to its next page when the OPDs do not fit; the latest events keyboard-reachable
 * with a date and time. Screenshots {@code wall-<width>x<height>.png} in {@code target/screenshots/}.
 */
class WallBrowserTest extends DashboardIT {

    private static final Logger log = LoggerFactory.getLogger(WallBrowserTest.class);

    /** Other tests' events change the figures meanwhile: only the shape is checked, never exact counts. */
    @ParameterizedTest(name = "{0}x{1}")
    @CsvSource({"1366, 768", "1920, 1080", "3840, 2160"})
    void theWallFitsTheScreenItIsOn(int width, int height) {
        try (Browser browser = new Browser(port, width, height)) {
            int pages = showsEverythingAtOnce(browser, "/wall", width, height, "wall-" + width + "x" + height);
            ChromeDriver driver = browser.driver();
            JavascriptExecutor js = driver;
            WebDriverWait wait = browser.waiting();
            if (pages > 1) {
                turnsToTheNextPage(browser, "wall-" + width + "x" + height);
            }

            // the live dot: a status region whose text is the state (announced on change), no aria-label
            WebElement live = driver.findElement(By.id("live-status"));
            assertThat(live.getDomAttribute("role")).isEqualTo("status");
            assertThat(live.getDomAttribute("aria-label")).isNull();
            assertThat(live.getText()).isNotBlank();

            if (width == 1920) {
                // the events with the keyboard: the list and each row are reachable, Enter opens the complaint
                WebElement list = driver.findElement(By.id("latest-events"));
                assertThat(list.getDomAttribute("tabindex")).isEqualTo("0");
                WebElement row = driver.findElement(By.cssSelector("#latest-events a.latest-event"));
                String complaintId = row.getDomAttribute("data-complaint-id");
                js.executeScript("arguments[0].focus();", list);
                driver.switchTo().activeElement().sendKeys(Keys.TAB);
                WebElement focused = driver.switchTo().activeElement();
                assertThat(focused.getDomAttribute("class")).contains("latest-event");
                browser.screenshot("wall-event-focus.png");
                String target = focused.getDomAttribute("data-complaint-id");
                focused.sendKeys(Keys.ENTER);
                wait.until(ExpectedConditions.urlContains("/complaint/" + (target == null ? complaintId : target)));
            }
        }
    }

    /** A city whose every OPD has had complaints: more than fit, so the table shows "1/4" and turns to page 2. */
    @Test
    void moreOpdsThanFitTurnPagesBySelf() {
        try (Browser browser = new Browser(port, 1366, 768)) {
            int pages = showsEverythingAtOnce(browser, "/test/wall-many-opds", 1366, 768, "wall-1366x768-many-opds");
            assertThat(pages).as("pages of " + ManyOpdsWallTestView.OPDS + " OPDs at 1366x768").isGreaterThan(1);
            turnsToTheNextPage(browser, "wall-1366x768-many-opds");
        }
    }

    /** The checks every size and every wall passes; the OPD table's number of pages. */
    private static int showsEverythingAtOnce(Browser browser, String path, int width, int height, String screenshot) {
        ChromeDriver driver = browser.driver();
        WebDriverWait wait = browser.waiting();
        JavascriptExecutor js = driver;
        // the page gets exactly the screen (a kiosk browser in full screen), not the window less its toolbars
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", false));
        browser.signIn("walikota");
        long start = System.nanoTime();
        browser.open(path);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("wall")));
        wait.until(d -> d.findElement(By.cssSelector("#wall-counter-open .counter-value")).getText().matches("\\d+"));
        wait.until(d -> !d.findElements(By.cssSelector("#wall-opd-table tbody tr")).isEmpty());
        wait.until(d -> d.findElement(By.id("wall-opd-table")).getDomAttribute("data-pages") != null);
        wait.until(d -> !d.findElements(By.cssSelector("#latest-events a.latest-event")).isEmpty());
        wait.until(d -> !d.findElements(By.cssSelector("#wall-complaint-map .leaflet-pane")).isEmpty());
        wait.until(ExpectedConditions.attributeToBe(By.id("live-status"), "data-state", "live"));
        log.info("{} at {}x{}: everything shown {} ms after the request", path, width, height, (System.nanoTime() - start) / 1_000_000);

        // the browser's viewport is the screen asked for (a wrong one would prove nothing)
        Map<?, ?> viewport = (Map<?, ?>) js.executeScript("return {w: innerWidth, h: innerHeight};");
        assertThat(((Number) viewport.get("w")).intValue()).isEqualTo(width);
        assertThat(((Number) viewport.get("h")).intValue()).isEqualTo(height);

        // no scrolling, either way
        Map<?, ?> scroll = (Map<?, ?>) js.executeScript("""
                const d = document.documentElement, b = document.body;
                return {sh: Math.max(d.scrollHeight, b.scrollHeight), sw: Math.max(d.scrollWidth, b.scrollWidth),
                        ih: innerHeight, iw: innerWidth};""");
        assertThat(((Number) scroll.get("sh")).intValue()).as("scrollHeight").isLessThanOrEqualTo(((Number) scroll.get("ih")).intValue());
        assertThat(((Number) scroll.get("sw")).intValue()).as("scrollWidth").isLessThanOrEqualTo(((Number) scroll.get("iw")).intValue());

        // everything inside the screen, and not a sliver of it
        for (String id : List.of("wall-counter-new-today", "wall-counter-open", "wall-counter-reply-overdue",
                "wall-counter-fix-overdue", "wall-counter-resolved-today", "wall-complaint-map", "wall-opd-table",
                "latest-events", "live-status")) {
            assertThat(insideViewport(js, id)).as(id + " inside the screen").isTrue();
        }
        // nothing cut off at the side: no part of the wall holds more than it shows
        @SuppressWarnings("unchecked")
        List<String> clipped = (List<String>) js.executeScript("""
                return ['wall', 'wall-counters', 'wall-opds', 'wall-opd-frame', 'wall-events', 'latest-events',
                        ...[...document.querySelectorAll('.juare-wall-counter, .juare-wall-top')].map(e => e.id || e.className)]
                    .map(id => document.getElementById(id) || document.getElementsByClassName(id)[0])
                    .filter(e => e.scrollWidth > e.clientWidth + 1)
                    .map(e => (e.id || e.className) + ' ' + e.scrollWidth + '>' + e.clientWidth);""");
        assertThat(clipped).as("cut off at the side").isEmpty();
        Map<?, ?> map = rect(js, "wall-complaint-map");
        assertThat(((Number) map.get("width")).doubleValue()).as("map width").isGreaterThan(width * 0.25);
        assertThat(((Number) map.get("height")).doubleValue()).as("map height").isGreaterThan(height * 0.4);
        Map<?, ?> events = rect(js, "latest-events");
        assertThat(((Number) events.get("height")).doubleValue()).as("events height").isGreaterThan(height * 0.3);
        assertThat(driver.findElement(By.cssSelector("#latest-events a.latest-event")).getText())
                .as("an event has its date and time").containsPattern("\\d{1,2} \\p{L}{3} \\d{2}\\.\\d{2}");

        // the OPD table: every row of the page shown whole inside its frame, names whole (the code, the full name
        // on hover), a page indicator when there is more than one page
        Map<?, ?> table = (Map<?, ?>) js.executeScript("""
                const frame = document.getElementById('wall-opd-frame').getBoundingClientRect();
                const table = document.getElementById('wall-opd-table');
                const shown = [...table.tBodies[0].rows].filter(r => r.offsetParent !== null);
                const cut = shown.filter(r => r.getBoundingClientRect().bottom > frame.bottom + 0.5
                        || [...r.cells].some(c => c.scrollWidth > c.clientWidth + 1)).length;
                const names = shown.map(r => r.cells[0]);
                return {rows: table.tBodies[0].rows.length, shown: shown.length, cut: cut,
                        titled: names.filter(n => n.querySelector('abbr[title]')).length,
                        ellipsis: names.filter(n => n.textContent.includes('…')).length,
                        page: table.dataset.page, pages: Number(table.dataset.pages),
                        indicator: document.getElementById('wall-opd-page').textContent};""");
        int rows = ((Number) table.get("rows")).intValue();
        int shown = ((Number) table.get("shown")).intValue();
        int pages = ((Number) table.get("pages")).intValue();
        assertThat(shown).as("OPD rows shown").isPositive();
        assertThat(((Number) table.get("cut")).intValue()).as("rows cut off").isZero();
        assertThat(((Number) table.get("titled")).intValue()).as("OPD names with the full name on hover").isEqualTo(shown);
        assertThat(((Number) table.get("ellipsis")).intValue()).isZero();
        if (pages == 1) {
            assertThat(shown).as("all OPDs on the one page").isEqualTo(rows);
            assertThat((String) table.get("indicator")).isEmpty();
        } else {
            assertThat(shown).isLessThan(rows);
            assertThat((String) table.get("indicator")).isEqualTo(table.get("page") + "/" + pages);
        }

        assertDark(js, width, height);
        assertReadable(js);
        browser.screenshot(screenshot + ".png");

        return pages;
    }

    /**
     * Within a page's time (and a margin) the table turns to the next page by itself (page 2 when it showed page 1, as
     * it does on opening): other OPDs, still inside the screen.
     */
    private static void turnsToTheNextPage(Browser browser, String screenshot) {
        ChromeDriver driver = browser.driver();
        WebDriverWait wait = browser.waiting();
        JavascriptExecutor js = driver;
        Map<?, ?> before = (Map<?, ?>) js.executeScript(FIRST_SHOWN);
        int pages = Integer.parseInt((String) before.get("pages"));
        String next = String.valueOf(Integer.parseInt((String) before.get("page")) % pages + 1);
        wait.until(d -> next.equals(d.findElement(By.id("wall-opd-table")).getDomAttribute("data-page")));
        Map<?, ?> after = (Map<?, ?>) js.executeScript(FIRST_SHOWN);
        assertThat(driver.findElement(By.id("wall-opd-page")).getText()).isEqualTo(next + "/" + pages);
        assertThat(after.get("opd")).isNotEqualTo(before.get("opd"));
        assertThat(insideViewport(js, "wall-opd-table")).isTrue();
        browser.screenshot(screenshot + "-page" + next + ".png");
    }

    /** The page shown, the number of pages, and the first OPD on it. */
    private static final String FIRST_SHOWN = """
            const table = document.getElementById('wall-opd-table');
            const row = [...table.tBodies[0].rows].find(r => r.offsetParent !== null);
            return {page: table.dataset.page, pages: table.dataset.pages, opd: row.dataset.opd};""";

    private static Map<?, ?> rect(JavascriptExecutor js, String id) {
        return (Map<?, ?>) js.executeScript("""
                const r = document.getElementById(arguments[0]).getBoundingClientRect();
                return {left: r.left, top: r.top, right: r.right, bottom: r.bottom, width: r.width, height: r.height};""", id);
    }

    private static boolean insideViewport(JavascriptExecutor js, String id) {
        return (Boolean) js.executeScript("""
                const r = document.getElementById(arguments[0]).getBoundingClientRect();
                return r.width > 0 && r.height > 0 && r.left >= 0 && r.top >= 0
                    && r.right <= innerWidth + 0.5 && r.bottom <= innerHeight + 0.5;""", id);
    }

    /** What the eye sees at points spread over the screen (the map aside): a dark background everywhere. */
    private static void assertDark(JavascriptExecutor js, int width, int height) {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> samples = (List<Map<String, Object>>) js.executeScript(JS_COLOURS + """
                const map = document.getElementById('wall-complaint-map').getBoundingClientRect();
                const out = [];
                for (let i = 0; i < 9; i++) {
                  for (let j = 0; j < 9; j++) {
                    const x = Math.round((i + 0.5) * innerWidth / 9), y = Math.round((j + 0.5) * innerHeight / 9);
                    if (x >= map.left && x <= map.right && y >= map.top && y <= map.bottom) { continue; }
                    const el = document.elementFromPoint(x, y);
                    const bg = background(el);
                    out.push({x: x, y: y, el: el.tagName + '#' + el.id + '.' + el.className, lum: luminance(bg)});
                  }
                }
                // and the screen's last row of pixels, where the old wall ended
                const el = document.elementFromPoint(innerWidth / 2, innerHeight - 1);
                out.push({x: innerWidth / 2, y: innerHeight - 1, el: el.tagName, lum: luminance(background(el))});
                return out;""");
        assertThat(samples).hasSizeGreaterThan(40);
        for (Map<String, Object> sample : samples) {
            assertThat(((Number) sample.get("lum")).doubleValue()).as("background luminance at " + sample).isLessThan(0.1);
        }
    }

    /** Every text on the wall (outside the map) against its background: at least 4.5:1 (WCAG AA). */
    private static void assertReadable(JavascriptExecutor js) {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> poor = (List<Map<String, Object>>) js.executeScript(JS_COLOURS + """
                const out = [];
                const walker = document.createTreeWalker(document.getElementById('wall'), NodeFilter.SHOW_TEXT);
                for (let node = walker.nextNode(); node; node = walker.nextNode()) {
                  const el = node.parentElement;
                  if (!node.textContent.trim() || el.closest('#wall-complaint-map') || el.offsetParent === null) { continue; }
                  const style = getComputedStyle(el);
                  if (style.visibility === 'hidden' || el.closest('.juare-visually-hidden')) { continue; }
                  const fg = parse(style.color), bg = background(el);
                  const blended = fg[3] < 1 ? blend(fg, bg) : fg;
                  const a = luminance(blended) + 0.05, b = luminance(bg) + 0.05;
                  const ratio = Math.max(a, b) / Math.min(a, b);
                  if (ratio < 4.5) { out.push({text: node.textContent.trim().slice(0, 40), ratio: ratio}); }
                }
                return out;""");
        assertThat(poor).as("texts below 4.5:1").isEmpty();
    }

    /** Colour helpers: the background an element shows (its own or an ancestor's, semi-transparent ones blended). */
    private static final String JS_COLOURS = """
            function parse(c) {
              const m = c.match(/rgba?\\(([^)]+)\\)/);
              if (!m) { return [0, 0, 0, 0]; }
              const p = m[1].split(/[ ,\\/]+/).filter(s => s).map(Number);
              return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1];
            }
            function blend(top, under) {
              const a = top[3];
              return [top[0] * a + under[0] * (1 - a), top[1] * a + under[1] * (1 - a), top[2] * a + under[2] * (1 - a), 1];
            }
            function background(el) {
              const layers = [];
              for (let e = el; e; e = e.parentElement) {
                const c = parse(getComputedStyle(e).backgroundColor);
                if (c[3] > 0) { layers.push(c); if (c[3] >= 1) { break; } }
              }
              let colour = [255, 255, 255, 1];
              for (let i = layers.length - 1; i >= 0; i--) { colour = blend(layers[i], colour); }
              return colour;
            }
            function luminance(c) {
              const f = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
              return 0.2126 * f(c[0]) + 0.7152 * f(c[1]) + 0.0722 * f(c[2]);
            }
            """;
}
