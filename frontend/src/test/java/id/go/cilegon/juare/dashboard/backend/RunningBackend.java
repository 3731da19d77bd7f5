package id.go.cilegon.juare.dashboard.backend;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * The real backend, started once per test JVM from its jar ({@code juare.backend.jar}; a test dependency of this
 * module, so the reactor builds it first) on a free port with a fresh embedded database and the demo data. Its log goes to
 * {@code target/backend-it.log}. Ready means the demo data is in: then every demo account can sign in.
 */
public final class RunningBackend {

    public static final String DEMO_PASSWORD = "juare-demo-2026";
    /** The backend's service account for the dashboard's live events ({@code dashboard}, role MAYOR). */
    public static final String DASHBOARD_PASSWORD = "juare-dashboard-it-2026";

    private static RunningBackend instance;

    private final Process process;
    private final URI url;
    private final WhatsAppCodes whatsApp;

    private RunningBackend(Process process, URI url, WhatsAppCodes whatsApp) {
        this.process = process;
        this.url = url;
        this.whatsApp = whatsApp;
    }

    public static synchronized RunningBackend get() {
        if (instance == null) {
            instance = start();
        }
        return instance;
    }

    public URI url() {
        return url;
    }

    /** Where the backend's WhatsApp messages go (a local stub): sign-in codes for residents. */
    WhatsAppCodes whatsApp() {
        return whatsApp;
    }

    public BackendProperties properties() {
        return new BackendProperties(url, java.time.Duration.ofSeconds(5), java.time.Duration.ofSeconds(30),
                java.time.Duration.ofSeconds(60));
    }

    private static RunningBackend start() {
        Path jar = backendJar();
        int port = freePort();
        Path target = Path.of("target").toAbsolutePath();
        Path dataDir = target.resolve("backend-it-data-" + ProcessHandle.current().pid());
        String java = ProcessHandle.current().info().command().orElse("java");
        WhatsAppCodes whatsApp = WhatsAppCodes.start();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx512m", "-jar", jar.toString(),
                "--server.port=" + port,
                "--management.server.port=" + freePort(),
                "--juare.data-dir=" + dataDir,
                "--juare.demo.enabled=true",
                "--juare.staff.admin-password=" + DEMO_PASSWORD + "-admin",
                "--juare.staff.dashboard-password=" + DASHBOARD_PASSWORD,
                "--juare.whatsapp.base-url=" + whatsApp.baseUrl(),
                "--juare.whatsapp.phone-number-id=" + WhatsAppCodes.PHONE_NUMBER_ID,
                "--juare.whatsapp.access-token=" + WhatsAppCodes.ACCESS_TOKEN,
                // resolutions close by themselves within a test (VerificationBrowserTest): 40 s instead of 5 days
                "--juare.clocks.auto-close-after=PT40S",
                "--juare.clocks.check-every=PT5S",
                // GraphiQL from the jar (GraphiQlBrowserTest)
                "--spring.graphql.graphiql.enabled=true"));
        // more arguments for one run, e.g. -Djuare.it.backend-args="--juare.demo.bulk-complaints=100000"
        String extra = System.getProperty("juare.it.backend-args", "").strip();
        if (!extra.isEmpty()) {
            command.addAll(List.of(extra.split("\\s+")));
        }
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroy));

        // drain the log (a full pipe would stall the backend) and notice when the demo data is in
        CompletableFuture<Void> ready = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                 PrintWriter log = new PrintWriter(Files.newBufferedWriter(target.resolve("backend-it.log")), true)) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    log.println(line);
                    if (line.contains("Demo data created") || line.contains("Demo data already there")) {
                        ready.complete(null);
                    }
                }
            } catch (IOException e) {
                ready.completeExceptionally(e);
            }
            ready.completeExceptionally(new IllegalStateException(
                    "the backend stopped before it was ready, exit " + process.exitValue() + "; see target/backend-it.log"));
        }, "backend-log");
        reader.setDaemon(true);
        reader.start();
        try {
            ready.get(4, TimeUnit.MINUTES);
        } catch (Exception e) {
            process.destroy();
            throw new IllegalStateException("The backend did not get ready; see target/backend-it.log", e);
        }
        return new RunningBackend(process, URI.create("http://localhost:" + port), whatsApp);
    }

    private static Path backendJar() {
        String configured = System.getProperty("juare.backend.jar");
        Assumptions.assumeTrue(configured != null, "juare.backend.jar is not set (surefire sets it)");
        Path jar = Path.of(configured);
        // a build that stops before "package" (e.g. mvn test) has no backend jar to start
        Assumptions.assumeTrue(Files.isRegularFile(jar), "no backend jar at " + jar + ": run ./mvnw verify");
        return jar;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public boolean isAlive() {
        return process.isAlive();
    }
}
