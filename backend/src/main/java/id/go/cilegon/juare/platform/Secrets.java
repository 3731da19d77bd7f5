package id.go.cilegon.juare.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Keys from configuration ({@code juare.secrets.NAME}, base64 of at least 32 bytes). When one is not configured,
 * a random key is made once and kept in {@code DATA_DIR/secrets/NAME.key}, so a development instance keeps
 * working across restarts. Production sets them (and several instances must share them).
 */
@Component
public class Secrets {

    private static final Logger log = LoggerFactory.getLogger(Secrets.class);
    private static final int KEY_BYTES = 32;

    private final Environment environment;
    private final DataDirectory dataDirectory;

    public Secrets(Environment environment, DataDirectory dataDirectory) {
        this.environment = environment;
        this.dataDirectory = dataDirectory;
    }

    public byte[] key(String name) {
        String configured = environment.getProperty("juare.secrets." + name);
        if (configured != null && !configured.isBlank()) {
            byte[] key = Base64.getDecoder().decode(configured.trim());
            if (key.length < KEY_BYTES) {
                throw new IllegalStateException("juare.secrets." + name + " must be at least 32 bytes (base64)");
            }
            return key;
        }
        return keyFromFile(dataDirectory.directory("secrets").resolve(name + ".key"), name);
    }

    private static synchronized byte[] keyFromFile(Path file, String name) {
        try {
            if (Files.exists(file)) {
                return Base64.getDecoder().decode(Files.readString(file).trim());
            }
            byte[] key = new byte[KEY_BYTES];
            new SecureRandom().nextBytes(key);
            Files.writeString(file, Base64.getEncoder().encodeToString(key), StandardOpenOption.CREATE_NEW);
            restrictToOwner(file);
            log.warn("No juare.secrets.{} configured: generated one in {}. Configure it in production.", name, file);
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void restrictToOwner(Path file) {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException | IOException ignored) {
            // not a POSIX file system: the directory's permissions are all we have
        }
    }
}
