package id.go.cilegon.juare.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A client nobody here wrote, run on Node: a committed npm project under {@code src/test/<name>} (package.json,
 * package-lock.json, its scripts) copied to {@code target/<name>} and installed there with {@code npm ci} once per build
 * directory. Node and npm come from scripts/setup.sh; the registry is needed on the first run.
 */
public final class NodeProject {

    private final Path directory;

    private NodeProject(Path directory) {
        this.directory = directory;
    }

    /** The project, copied and installed; {@code marker} is a package its node_modules must hold. */
    public static NodeProject install(String name, String marker) throws IOException, InterruptedException {
        Path source = Path.of("src", "test", name);
        Path work = Path.of("target", name);
        boolean installed = Files.isDirectory(work.resolve("node_modules").resolve(marker));
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.toList()) {
                Path target = work.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        NodeProject project = new NodeProject(work);
        if (!installed) {
            Result ci = project.run(300, null, "npm", "ci", "--no-audit", "--no-fund");
            assertThat(ci.exitCode()).as("npm ci in " + work + " (needs node and npm: scripts/setup.sh)\n" + ci.output())
                    .isZero();
        }
        return project;
    }

    public record Result(int exitCode, String output) {
    }

    /** Runs a command in the project; stdout is the answer, stderr goes to the test's log. */
    public Result run(int seconds, byte[] stdin, String... command) throws InterruptedException {
        try {
            Process process = new ProcessBuilder(List.of(command)).directory(directory.toFile())
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            try (OutputStream in = process.getOutputStream()) {
                if (stdin != null) {
                    in.write(stdin);
                }
            }
            byte[] stdout = process.getInputStream().readAllBytes();
            if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return new Result(-1, "timed out");
            }
            return new Result(process.exitValue(), new String(stdout, StandardCharsets.UTF_8).strip());
        } catch (IOException e) {
            return new Result(-1, String.join(" ", command) + ": " + e.getMessage());
        }
    }
}
