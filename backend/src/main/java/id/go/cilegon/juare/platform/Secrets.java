package id.go.cilegon.juare.platform;

import java.nio.file.Files;
import java.nio.file.Path;
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
        return keyFromFile(SecretFiles.directory(dataDirectory.root()).resolve(name + ".key"), name);
    }

    private static synchronized byte[] keyFromFile(Path file, String name) {
        boolean existed = Files.exists(file);
        byte[] key = Base64.getDecoder().decode(SecretFiles.readOrCreate(file, () -> {
            byte[] random = new byte[KEY_BYTES];
            new SecureRandom().nextBytes(random);
            return Base64.getEncoder().encodeToString(random);
        }));
        if (!existed) {
            log.warn("No juare.secrets.{} configured: generated one in {}. Configure it in production.", name, file);
        }
        return key;
    }
}
