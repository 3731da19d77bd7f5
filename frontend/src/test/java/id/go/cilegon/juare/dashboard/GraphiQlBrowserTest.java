package id.go.cilegon.juare.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.cilegon.juare.dashboard.backend.RunningBackend;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 14: GraphiQL served by the backend itself, in a real headless Chromium. The page loads from the backend's jar,
 * its docs explorer shows the schema (GraphiQL's own introspection query worked), a query runs, a staff member signs
 * in and a query runs with the token from the Headers tab, and every request the page made (Chromium's DevTools
 * network events, WebSocket included, and the page's resource timing entries) went to the backend's own origin.
 */
class GraphiQlBrowserTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void graphiQlLoadsIntrospectsAndRunsQueriesWithNoRequestLeavingTheHost() throws IOException {
        URI backend = RunningBackend.get().url();
        String origin = "localhost:" + backend.getPort();
        try (Browser browser = new Browser(backend.getPort(), 1440, 900, options -> {
            LoggingPreferences logs = new LoggingPreferences();
            logs.enable(LogType.PERFORMANCE, Level.ALL);
            logs.enable(LogType.BROWSER, Level.ALL);
            options.setCapability("goog:loggingPrefs", logs);
        })) {
            var driver = browser.driver();
            var wait = browser.waiting();
            browser.open("/graphiql");
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".graphiql-container")));

            // the docs explorer lists the schema's root types: introspection answered
            driver.findElement(By.cssSelector("button[aria-label='Show Documentation Explorer']")).click();
            wait.until(d -> d.findElement(By.cssSelector(".graphiql-doc-explorer")).getText().contains("Root Types"));
            String docs = driver.findElement(By.cssSelector(".graphiql-doc-explorer")).getText();
            assertThat(docs).contains("query", "Query", "mutation", "Mutation", "subscription", "Subscription");

            // the default query runs over HTTP
            run(browser);
            String categories = waitForResponse(browser, "\"code\"");
            assertThat(categories).contains("\"JALAN\"").doesNotContain("\"errors\"");

            // a staff sign-in, then the token in the Headers tab
            setEditor(browser, ".graphiql-query-editor", "mutation SignIn { login(input: {username: \"operator\", password: \""
                    + RunningBackend.DEMO_PASSWORD + "\"}) { session { accessToken } errors { code } } }");
            run(browser);
            String token = wait.until(d -> {
                String text = response(browser);
                int at = text.indexOf("\"accessToken\": \"");
                return at < 0 ? null : text.substring(at + 16, text.indexOf('"', at + 16));
            });
            setHeaders(browser, "{\"Authorization\": \"Bearer " + token + "\"}");
            setEditor(browser, ".graphiql-query-editor", "query Me { myStaffAccount { username role } }");
            run(browser);
            String me = waitForResponse(browser, "myStaffAccount");
            assertThat(me).contains("\"operator\"", "\"OPERATOR\"");

            // a subscription opens graphql-ws on this origin with the same header in connection_init
            setEditor(browser, ".graphiql-query-editor",
                    "subscription Live { complaintEvents { __typename } }");
            run(browser);
            wait.until(d -> webSocketUrls(requests(browser)).size() > 0);
            // while it runs, the execute button stops it
            wait.until(d -> executeLabel(browser).startsWith("Stop"));
            browser.driver().findElement(By.cssSelector(".graphiql-execute-button")).click();
            wait.until(d -> executeLabel(browser).startsWith("Execute"));

            setEditor(browser, ".graphiql-query-editor", "query Me { myStaffAccount { username role } }");
            run(browser);
            try {
                waitForResponse(browser, "myStaffAccount");
            } finally {
                browser.screenshot("graphiql.png");
            }

            List<Map<String, Object>> requests = requests(browser);
            @SuppressWarnings("unchecked")
            List<String> resources = (List<String>) driver.executeScript(
                    "return performance.getEntriesByType('resource').map(e => e.name)");
            Set<String> urls = new LinkedHashSet<>();
            requests.forEach(r -> urls.add((String) r.get("url")));
            urls.addAll(resources);
            // Chromium's own UI (chrome://, the blank tab before the page) reads from inside the browser: no network
            urls.removeIf(url -> url.startsWith("chrome://"));
            System.out.println("GRAPHIQL requests: " + urls.size() + " distinct URLs, " + requests.size() + " requests; "
                    + urls.stream().map(url -> url.length() > 60 ? url.substring(0, 60) + "…" : url).toList());
            assertThat(urls).as("every request the page made").isNotEmpty().allSatisfy(url -> assertThat(url)
                    .matches("(https?|wss?)://" + origin + "/.*|data:.*"));
            assertThat(urls).contains("http://" + origin + "/graphiql", "http://" + origin + "/graphiql/graphiql.min.js",
                    "http://" + origin + "/graphql");
            assertThat(webSocketUrls(requests)).allMatch(url -> url.equals("ws://" + origin + "/graphql"));
            // GraphiQL's own introspection request: what it sends, kept for the record
            String introspection = requests.stream()
                    .map(r -> (String) r.get("postData"))
                    .filter(body -> body != null && body.contains("\"operationName\":\"IntrospectionQuery\""))
                    .findFirst().orElseThrow();
            Files.writeString(Path.of("target", "graphiql-introspection-request.json"), introspection, StandardCharsets.UTF_8);
            // nothing refused by the page's Content-Security-Policy (it would be a request meant for elsewhere)
            List<String> refused = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                    .map(LogEntry::getMessage).filter(m -> m.contains("Content Security Policy")).toList();
            assertThat(refused).isEmpty();
        }
    }

    private static void run(Browser browser) {
        setResponse(browser);
        browser.driver().findElement(By.cssSelector(".graphiql-execute-button")).click();
    }

    private static String waitForResponse(Browser browser, String expected) {
        try {
            return browser.waiting().until(d -> response(browser).contains(expected) ? response(browser) : null);
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("no \"" + expected + "\" in GraphiQL's response pane: " + response(browser), e);
        }
    }

    private static String executeLabel(Browser browser) {
        return String.valueOf(browser.driver().findElement(By.cssSelector(".graphiql-execute-button")).getAttribute("aria-label"));
    }

    /** Clears the response pane, so that a wait sees the next answer. */
    private static void setResponse(Browser browser) {
        browser.driver().executeScript(
                "const cm = document.querySelector('.graphiql-response .CodeMirror'); if (cm) { cm.CodeMirror.setValue(''); }");
    }

    private static String response(Browser browser) {
        Object text = browser.driver().executeScript(
                "const cm = document.querySelector('.graphiql-response .CodeMirror'); return cm ? cm.CodeMirror.getValue() : '';");
        return String.valueOf(text);
    }

    private static void setEditor(Browser browser, String container, String text) {
        browser.driver().executeScript("document.querySelector(arguments[0] + ' .CodeMirror').CodeMirror.setValue(arguments[1]);",
                container, text);
        settle();
    }

    /** GraphiQL works out the operation's name from an edit after a debounce: run only after it. */
    private static void settle() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void setHeaders(Browser browser, String json) {
        browser.driver().executeScript("""
                const editor = [...document.querySelectorAll('.graphiql-editor-tool .graphiql-editor')]
                    .find(e => !e.classList.contains('hidden'));
                editor.querySelector('.CodeMirror').CodeMirror.setValue(arguments[0]);""", json);
        settle();
    }

    private static final List<Map<String, Object>> SEEN = new ArrayList<>();

    /** Every request Chromium's DevTools reported so far (HTTP with its body, and WebSockets as "ws" entries). */
    private static List<Map<String, Object>> requests(Browser browser) {
        for (LogEntry entry : browser.driver().manage().logs().get(LogType.PERFORMANCE).getAll()) {
            JsonNode message = JSON.readTree(entry.getMessage()).path("message");
            String method = message.path("method").asString("");
            JsonNode params = message.path("params");
            if (method.equals("Network.requestWillBeSent")) {
                JsonNode request = params.path("request");
                SEEN.add(Map.of("kind", "http", "url", request.path("url").asString(""),
                        "postData", request.path("postData").asString("")));
            } else if (method.equals("Network.webSocketCreated")) {
                SEEN.add(Map.of("kind", "ws", "url", params.path("url").asString(""), "postData", ""));
            }
        }
        return List.copyOf(SEEN);
    }

    private static List<String> webSocketUrls(List<Map<String, Object>> requests) {
        return requests.stream().filter(r -> r.get("kind").equals("ws")).map(r -> (String) r.get("url")).toList();
    }
}
