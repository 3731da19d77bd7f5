package id.go.cilegon.juare.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * A real S3-compatible server for tests: s3rver (npm), installed by {@code scripts/setup.sh} into {@code .tools/}
 * (or named by {@code JUARE_S3RVER}), started once per test JVM on a free port with the bucket made. Its keys are
 * s3rver's fixed ones; it checks their signatures.
 */
public final class S3Server {

    public static final String ACCESS_KEY = "S3RVER";
    public static final String SECRET_KEY = "S3RVER";
    public static final String BUCKET = "juare-test-photos";

    private static S3Server instance;

    private final Process process;
    private final URI endpoint;

    private S3Server(Process process, URI endpoint) {
        this.process = process;
        this.endpoint = endpoint;
    }

    public static synchronized S3Server get() {
        if (instance == null) {
            instance = start();
        }
        return instance;
    }

    public URI endpoint() {
        return endpoint;
    }

    /** Stops the server: the store behind a running backend becomes unreachable (a fault to test). */
    public void kill() {
        process.destroyForcibly();
    }

    private static S3Server start() {
        Path executable = executable();
        int port = freePort();
        try {
            Path data = Files.createTempDirectory("s3rver-");
            Process process = new ProcessBuilder(executable.toString(), "-d", data.toString(), "-a", "127.0.0.1",
                    "-p", String.valueOf(port), "--silent", "--configure-bucket", BUCKET)
                    .redirectErrorStream(true)
                    .redirectOutput(Path.of("target", "s3rver.log").toFile())
                    .start();
            Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
            awaitPort(port, process);
            return new S3Server(process, URI.create("http://127.0.0.1:" + port));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path executable() {
        String configured = System.getenv("JUARE_S3RVER");
        Path path = configured != null && !configured.isBlank() ? Path.of(configured)
                : repositoryRoot().resolve(".tools/s3rver/node_modules/.bin/s3rver");
        if (!Files.isExecutable(path)) {
            throw new IllegalStateException("No S3-compatible test server at " + path
                    + ": run scripts/setup.sh (it installs s3rver from npm), or set JUARE_S3RVER");
        }
        return path;
    }

    private static Path repositoryRoot() {
        Path here = Path.of("").toAbsolutePath();
        return Files.exists(here.resolve("mvnw")) ? here : here.getParent();
    }

    private static void awaitPort(int port, Process process) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("s3rver exited with " + process.exitValue() + ": see target/s3rver.log");
            }
            try (Socket socket = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException notYet) {
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
        }
        throw new IllegalStateException("s3rver did not open port " + port + " within 30 s");
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
