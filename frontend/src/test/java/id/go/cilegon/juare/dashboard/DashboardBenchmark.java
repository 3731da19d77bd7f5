package id.go.cilegon.juare.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import id.go.cilegon.juare.dashboard.backend.BackendClient;
import id.go.cilegon.juare.dashboard.backend.BackendSession;
import id.go.cilegon.juare.dashboard.backend.RunningBackend;
import id.go.cilegon.juare.dashboard.base.ui.map.MapBox;
import id.go.cilegon.juare.dashboard.commandcentre.CommandCentreService;
import id.go.cilegon.juare.dashboard.map.ComplaintMapService;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptException;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Not a test: measures the command centre for issue 4, live as in production (the real backend, the dashboard's
 * one live subscription). Fill the backend with bulk complaints for it; results in docs/benchmarks/dashboard.md.
 * <ol>
 *     <li>Time to first render: from navigating to {@code /command-centre} until the counters show numbers and the
 *     map has drawn its clusters, 1 cold run (the landing right after sign-in: fresh browser, the dashboard's first
 *     command centre) and 10 warm ones ({@code driver.get}), timed inside the browser; with the Navigation Timing
 *     and the backend's share (the two queries a render makes, timed from here the way the dashboard makes them).</li>
 *     <li>Server memory per open dashboard session: used heap after GC, before and after {@value #SESSIONS} more
 *     signed-in sessions each keeping a command centre with its live map open (one browser tab each, each tab at
 *     another loopback address, so each has its own cookie and so its own HTTP session); and after their tabs
 *     closed (the sessions stay until they time out, their screens are gone).</li>
 * </ol>
 * Tagged "benchmark", which the build excludes; run it alone:
 * <pre>
 * ./mvnw -B -o -pl graphql,frontend test -Dtest=DashboardBenchmark -DexcludedGroups=none \
 *     -Dsurefire.failIfNoSpecifiedTests=false -Djuare.it.backend-args="--juare.demo.bulk-complaints=100000"
 * </pre>
 */
@Tag("benchmark")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardBenchmark {

    private static final int WARM_RUNS = 10;
    private static final int SESSIONS = 20;
    private static final int BACKEND_WARM_UP = 5;
    private static final int BACKEND_RUNS = 20;
    /** At least the bulk complaints of the command above (the demo's own come on top). */
    private static final int MIN_COMPLAINTS = 100_000;

    /**
     * Runs in every page before its own scripts: notes (performance.now(), ms since the navigation started) when the
     * counters show numbers and the map has drawn its clusters and its total. Polls every 5 ms: precise enough,
     * and it needs no knowledge of when Vaadin or Leaflet start.
     */
    private static final String RENDER_PROBE = """
            (function () {
                function rendered() {
                    const values = document.querySelectorAll('[id^="counter-"] .counter-value');
                    const open = document.querySelector('#counter-open .counter-value');
                    const map = document.getElementById('complaint-map');
                    return values.length === 5 && open && /^\\d+$/.test(open.textContent.trim())
                        && map && map.hasAttribute('data-complaints') && map.querySelector('.juare-cluster') !== null;
                }
                function counters() {
                    const open = document.querySelector('#counter-open .counter-value');
                    return open !== null && /^\\d+$/.test(open.textContent.trim());
                }
                (function poll() {
                    if (window.__juareCounters === undefined && counters()) {
                        window.__juareCounters = performance.now();
                    }
                    if (rendered()) {
                        window.__juareRendered = performance.now();
                    } else {
                        setTimeout(poll, 5);
                    }
                })();
            })();""";

    private static final String NAVIGATION_TIMING = """
            const n = performance.getEntriesByType('navigation')[0];
            return {domContentLoaded: n.domContentLoadedEventEnd, load: n.loadEventEnd, firstByte: n.responseStart,
                    counters: window.__juareCounters};""";

    @DynamicPropertySource
    static void backend(DynamicPropertyRegistry registry) {
        registry.add("juare.backend.url", () -> RunningBackend.get().url().toString());
        registry.add("juare.backend.live.password", () -> RunningBackend.DASHBOARD_PASSWORD);
    }

    @Value("${local.server.port}")
    int port;

    @Autowired BackendClient backend;
    @Autowired CommandCentreService commandCentre;
    @Autowired ComplaintMapService complaintMaps;
    @Autowired SessionCounter counter;

    @Test
    @Order(1)
    void timeToFirstRenderOfTheCommandCentre() {
        String loadBefore = loadAverage();
        List<Render> warm = new ArrayList<>();
        Render cold;
        MapView view;
        try (Browser browser = new Browser(port)) {
            ChromeDriver driver = browser.driver();
            driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", RENDER_PROBE));

            // cold: the sign-in lands on the command centre
            WebElement submit = typeCredentials(browser, "localhost");
            long start = System.nanoTime();
            submit.click();
            cold = rendered(browser, start);
            assertThat(driver.getCurrentUrl()).contains("/command-centre");

            for (int i = 0; i < WARM_RUNS; i++) {
                start = System.nanoTime();
                browser.open("/command-centre");
                warm.add(rendered(browser, start));
            }
            view = mapView(driver);
            browser.screenshot("benchmark-command-centre.png");
        }
        for (Render render : warm) {
            // the map shows the ongoing complaints by default (ADR 0025): most of the bulk, not all of it
            assertThat(render.complaints()).as("the map's total").isGreaterThanOrEqualTo(MIN_COMPLAINTS / 2);
        }

        // the backend's share: the two queries a command centre makes (city outline and category names are kept by
        // the dashboard server), timed as the dashboard makes them
        BackendSession mayor = backend.login("walikota", RunningBackend.DEMO_PASSWORD);
        Timing overview = time(() -> commandCentre.overview(mayor));
        Timing map = time(() -> complaintMaps.complaints(mayor, view.box(), view.zoom(), null, Locale.of("id")));

        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%n=== Command centre, time to first render (%,d complaints on the map) ===%n",
                warm.getFirst().complaints()));
        out.append(String.format(Locale.ROOT, "load average before / after: %s / %s%n", loadBefore, loadAverage()));
        out.append("all ms; render: navigation start to counters and clusters drawn (in the browser); wall: click or get to\n"
                + "the test seeing it; TTFB, DCL, load: Navigation Timing; counters: when the counters showed numbers\n");
        out.append(String.format(Locale.ROOT, "%-24s %9s %9s %9s %9s %9s %9s%n",
                "run", "render", "wall", "TTFB", "DCL", "load", "counters"));
        out.append(cold.line("cold (sign-in landing)"));
        for (int i = 0; i < warm.size(); i++) {
            out.append(warm.get(i).line("warm " + (i + 1)));
        }
        out.append(String.format(Locale.ROOT, "warm render: median %.0f ms, max %.0f ms (wall: median %.0f ms, max %.0f ms)%n",
                median(warm, Render::renderMillis), max(warm, Render::renderMillis),
                median(warm, Render::wallMillis), max(warm, Render::wallMillis)));
        out.append(String.format(Locale.ROOT, "warm navigation timing: domContentLoaded median %.0f ms, load median %.0f ms; "
                        + "counters median %.0f ms%n",
                median(warm, Render::domContentLoaded), median(warm, Render::load), median(warm, Render::countersMillis)));
        out.append(String.format(Locale.ROOT, "map: zoom %d, box %s, %d clusters drawn%n", view.zoom(), view.box(), view.clusters()));
        out.append(String.format(Locale.ROOT, "backend share (median / p95 of %d, via the dashboard's services):%n", BACKEND_RUNS));
        out.append(String.format(Locale.ROOT, "  CommandCentreOverview        %7.1f / %7.1f ms%n", overview.median(), overview.p95()));
        out.append(String.format(Locale.ROOT, "  ComplaintMap (initial view)  %7.1f / %7.1f ms%n", map.median(), map.p95()));
        System.out.println(out);
    }

    @Test
    @Order(2)
    void serverMemoryPerOpenDashboardSession() {
        Heap before;
        Heap open;
        Heap closed;
        try (Browser browser = new Browser(port)) {
            ChromeDriver driver = browser.driver();
            // one warm-up session first: what every dashboard server loads once (classes, caches) is not a session's
            signInAndShow(browser, "127.0.0.1");
            String first = driver.getWindowHandle();
            before = heap();

            List<String> tabs = new ArrayList<>();
            for (int i = 0; i < SESSIONS; i++) {
                driver.switchTo().newWindow(WindowType.TAB);
                tabs.add(driver.getWindowHandle());
                // 127.0.0.2, .3, …: another host for the browser, so another cookie jar entry and another session
                signInAndShow(browser, "127.0.0." + (i + 2));
            }
            open = heap();

            // closing a tab closes its screen on the server (Vaadin's unload beacon); the session stays until it times out
            for (String tab : tabs) {
                driver.switchTo().window(tab);
                driver.close();
            }
            driver.switchTo().window(first);
            int expected = before.uis();
            try {
                new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> counter.uis() <= expected);
            } catch (TimeoutException e) {
                // reported below: the UI count shows how many screens the server still keeps
            }
            closed = heap();
        }

        assertThat(open.httpSessions() - before.httpSessions()).as("new HTTP sessions").isEqualTo(SESSIONS);
        long perSession = (open.used() - before.used()) / SESSIONS;
        long perSessionWithoutScreen = (closed.used() - before.used()) / SESSIONS;
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%n=== Dashboard server memory per open session (%d sessions, command centre with live map) ===%n", SESSIONS));
        out.append(String.format(Locale.ROOT, "%-36s %12s %14s %12s %6s%n", "", "used heap", "HTTP sessions", "Vaadin sess.", "UIs"));
        out.append(before.line("before"));
        out.append(open.line("with " + SESSIONS + " open"));
        out.append(closed.line("their tabs closed, sessions alive"));
        out.append(String.format(Locale.ROOT, "per open session (command centre + live map): %,d KiB%n", perSession / 1024));
        out.append(String.format(Locale.ROOT, "per session once its screen is closed: %,d KiB%n", perSessionWithoutScreen / 1024));
        out.append(String.format(Locale.ROOT, "heap max %,d MiB; JVM %s%n",
                ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getMax() / (1024 * 1024),
                Runtime.version()));
        System.out.println(out);
    }

    /** Opens the login at this host and types the mayor's credentials; returns the button that signs in. */
    private WebElement typeCredentials(Browser browser, String host) {
        ChromeDriver driver = browser.driver();
        driver.get("http://" + host + ":" + port + "/login");
        browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(
                        By.cssSelector("#login-form vaadin-text-field[name='username'] input")))
                .sendKeys("walikota");
        driver.findElement(By.cssSelector("#login-form vaadin-password-field[name='password'] input")).sendKeys(RunningBackend.DEMO_PASSWORD);
        return driver.findElement(By.cssSelector("#login-form vaadin-button[slot='submit']"));
    }

    /** Signs in at this host (its own cookie, so its own session) and waits until its command centre is complete. */
    private void signInAndShow(Browser browser, String host) {
        long start = System.nanoTime();
        // patient: the machine may be busy
        WebDriverWait wait = new WebDriverWait(browser.driver(), Duration.ofSeconds(90));
        wait.ignoring(NoSuchElementException.class).ignoring(StaleElementReferenceException.class);
        typeCredentials(browser, host).click();
        try {
            wait.until(ExpectedConditions.urlContains("/command-centre"));
            wait.until(ExpectedConditions.attributeToBe(By.id("live-status"), "data-state", "live"));
            wait.until(d -> !d.findElements(By.cssSelector("#complaint-map[data-complaints] .juare-cluster")).isEmpty());
        } catch (TimeoutException e) {
            browser.screenshot("benchmark-session-" + host + ".png");
            throw e;
        }
        System.out.printf(Locale.ROOT, "session at %s open in %.1f s%n", host, (System.nanoTime() - start) / 1e9);
    }

    /** Waits for the page's render probe, then reads its time and the Navigation Timing. */
    private static Render rendered(Browser browser, long start) {
        ChromeDriver driver = browser.driver();
        Number at = new WebDriverWait(driver, Duration.ofSeconds(60))
                .pollingEvery(Duration.ofMillis(10))
                // during a navigation the old page is gone for a moment
                .ignoring(JavascriptException.class)
                .until(d -> (Number) driver.executeScript("return window.__juareRendered"));
        double wall = (System.nanoTime() - start) / 1e6;
        @SuppressWarnings("unchecked")
        Map<String, Number> timing = (Map<String, Number>) driver.executeScript(NAVIGATION_TIMING);
        int complaints = Integer.parseInt(driver.findElement(By.id("complaint-map")).getAttribute("data-complaints"));
        return new Render(at.doubleValue(), wall, timing.get("firstByte").doubleValue(),
                timing.get("domContentLoaded").doubleValue(), timing.get("load").doubleValue(),
                timing.get("counters").doubleValue(), complaints);
    }

    /** The box and zoom the browser's map asked for (as {@code juare-map.js} reports them). */
    @SuppressWarnings("unchecked")
    private static MapView mapView(ChromeDriver driver) {
        Map<String, Number> v = (Map<String, Number>) driver.executeScript("""
                const el = document.getElementById('complaint-map');
                const m = el._juare.map;
                const b = m.getBounds();
                return {south: b.getSouth(), west: b.getWest(), north: b.getNorth(), east: b.getEast(),
                        zoom: Math.floor(m.getZoom()), clusters: el.querySelectorAll('.juare-cluster').length};""");
        MapBox box = MapBox.clamped(v.get("south").doubleValue(), v.get("west").doubleValue(),
                v.get("north").doubleValue(), v.get("east").doubleValue()).orElseThrow();
        return new MapView(box, v.get("zoom").intValue(), v.get("clusters").intValue());
    }

    private static Timing time(Supplier<?> call) {
        for (int i = 0; i < BACKEND_WARM_UP; i++) {
            call.get();
        }
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < BACKEND_RUNS; i++) {
            long start = System.nanoTime();
            call.get();
            millis.add((System.nanoTime() - start) / 1e6);
        }
        Collections.sort(millis);
        return new Timing(millis.get(BACKEND_RUNS / 2), millis.get((int) Math.ceil(BACKEND_RUNS * 0.95) - 1));
    }

    /**
     * Used heap once it has settled after full collections: a collection can free what the one before made
     * unreachable (references, cleaners), so collect until two readings agree within 64 KiB (at most 10 times).
     */
    private Heap heap() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long previous = Long.MAX_VALUE;
        long used = 0;
        for (int i = 0; i < 10; i++) {
            System.gc();
            // nothing to await here: reference processing and cleaners run right after a collection
            sleep(Duration.ofMillis(300));
            used = memory.getHeapMemoryUsage().getUsed();
            if (Math.abs(previous - used) < 64 * 1024) {
                break;
            }
            previous = used;
        }
        return new Heap(used, counter.httpSessions(), counter.vaadinSessions(), counter.uis());
    }

    /** The machine's 1-minute load average (shared with other work: timings vary with it). */
    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException e) {
            return "?";
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static double median(List<Render> runs, ToDoubleFunction<Render> value) {
        double[] sorted = runs.stream().mapToDouble(value).sorted().toArray();
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static double max(List<Render> runs, ToDoubleFunction<Render> value) {
        return runs.stream().mapToDouble(value).max().orElseThrow();
    }

    /**
     * One render: {@code renderMillis} from the navigation's start to counters and clusters (in the browser),
     * {@code wallMillis} from the test's click or {@code get} until it saw them.
     */
    record Render(double renderMillis, double wallMillis, double firstByte, double domContentLoaded, double load,
                  double countersMillis, int complaints) {

        String line(String name) {
            return String.format(Locale.ROOT, "%-24s %9.0f %9.0f %9.0f %9.0f %9.0f %9.0f%n",
                    name, renderMillis, wallMillis, firstByte, domContentLoaded, load, countersMillis);
        }
    }

    record MapView(MapBox box, int zoom, int clusters) {
    }

    record Timing(double median, double p95) {
    }

    record Heap(long used, int httpSessions, int vaadinSessions, int uis) {

        String line(String name) {
            return String.format(Locale.ROOT, "%-36s %,9d KiB %14d %12d %6d%n", name, used / 1024, httpSessions, vaadinSessions, uis);
        }
    }

    @TestConfiguration
    static class Counting {

        @Bean
        SessionCounter sessionCounter() {
            return new SessionCounter();
        }
    }

    /** Live HTTP sessions, Vaadin sessions and UIs of the dashboard (registered with the servlet container and Vaadin). */
    static class SessionCounter implements VaadinServiceInitListener, HttpSessionListener {

        private final AtomicInteger httpSessions = new AtomicInteger();
        private final AtomicInteger vaadinSessions = new AtomicInteger();
        private final AtomicInteger uis = new AtomicInteger();

        @Override
        public void serviceInit(ServiceInitEvent event) {
            event.getSource().addSessionInitListener(init -> vaadinSessions.incrementAndGet());
            event.getSource().addSessionDestroyListener(destroy -> vaadinSessions.decrementAndGet());
            event.getSource().addUIInitListener(init -> {
                uis.incrementAndGet();
                init.getUI().addDetachListener(detach -> uis.decrementAndGet());
            });
        }

        @Override
        public void sessionCreated(HttpSessionEvent event) {
            httpSessions.incrementAndGet();
        }

        @Override
        public void sessionDestroyed(HttpSessionEvent event) {
            httpSessions.decrementAndGet();
        }

        int httpSessions() {
            return httpSessions.get();
        }

        int vaadinSessions() {
            return vaadinSessions.get();
        }

        int uis() {
            return uis.get();
        }
    }
}
