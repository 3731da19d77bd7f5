package id.go.cilegon.juare.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Where this instance keeps files: the embedded database, photos, generated secrets ({@code juare.data-dir}). */
@Component
public class DataDirectory {

    public static final String PROPERTY = "juare.data-dir";
    public static final String DEFAULT = "data";

    private final Path root;

    public DataDirectory(Environment environment) {
        this.root = resolve(environment);
    }

    public static Path resolve(Environment environment) {
        return Path.of(environment.getProperty(PROPERTY, DEFAULT)).toAbsolutePath().normalize();
    }

    public Path root() {
        return root;
    }

    /** A sub-directory, created if missing. */
    public Path directory(String name) {
        Path dir = root.resolve(name);
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dir;
    }
}
