package id.go.cilegon.juare.dashboard.base.ui;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * axe-core (Deque's accessibility engine) run in the test browser on the page as it is: its script comes from the
 * test classpath (the {@code com.deque.html.axe-core:selenium} jar carries {@code axe.min.js}), nothing is fetched.
 * Open shadow roots (Vaadin's components) are checked too.
 */
public final class Axe {

    /** The impacts that fail a screen. */
    public static final List<String> BLOCKING = List.of("critical", "serious");

    private static final String SCRIPT = load();

    /** One rule an element or more break: axe's rule id, its impact, how many elements, the first few of them. */
    public record Finding(String rule, String impact, int nodes, List<String> targets) {

        public boolean blocking() {
            return BLOCKING.contains(impact);
        }

        @Override
        public String toString() {
            return rule + " (" + impact + ", " + nodes + "×: " + String.join(" | ", targets) + ")";
        }
    }

    private Axe() {
    }

    /** The page's violations of the WCAG 2.x A and AA rules and axe's best practices. */
    @SuppressWarnings("unchecked")
    public static List<Finding> run(ChromeDriver driver) {
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(90));
        if (!Boolean.TRUE.equals(driver.executeScript("return typeof window.axe === 'object'"))) {
            driver.executeScript(SCRIPT + "\n;window.axe = axe;");
        }
        Object answer = driver.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                window.axe.run(document, {resultTypes: ['violations'],
                        runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']}})
                    .then(r => done(r.violations.map(v => ({id: v.id, impact: v.impact || 'minor', nodes: v.nodes.length,
                        targets: v.nodes.slice(0, 3).map(n => JSON.stringify(n.target) + (n.failureSummary ? ' ' + n.failureSummary.replace(/\\s+/g, ' ') : ''))}))))
                    .catch(e => done('axe failed: ' + e));""");
        if (answer instanceof String error) {
            throw new IllegalStateException(error);
        }
        return ((List<Map<String, Object>>) answer).stream()
                .map(v -> new Finding((String) v.get("id"), (String) v.get("impact"), ((Number) v.get("nodes")).intValue(),
                        ((List<Object>) v.get("targets")).stream().map(Objects::toString).toList()))
                .toList();
    }

    public static long count(List<Finding> findings, String impact) {
        return findings.stream().filter(f -> impact.equals(f.impact())).count();
    }

    private static String load() {
        try (InputStream in = Axe.class.getResourceAsStream("/axe.min.js")) {
            if (in == null) {
                throw new IllegalStateException("axe.min.js is not on the test classpath (com.deque.html.axe-core:selenium)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
