package id.go.cilegon.juare.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Generated development secrets in {@code DATA_DIR/secrets}: the directory readable by its owner only (0700), each
 * file 0600 from the moment it exists (created with those permissions, never widened and then narrowed). Files left
 * wider by an older version or by hand are tightened whenever the directory is opened. On a file system without
 * POSIX permissions nothing can be done and nothing is.
 */
public final class SecretFiles {

    public static final String DIRECTORY = "secrets";
    private static final Set<PosixFilePermission> OWNER_DIRECTORY = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");

    private SecretFiles() {
    }

    /** {@code dataRoot/secrets}, created 0700 if missing; it and the files in it tightened to the owner. */
    public static synchronized Path directory(Path dataRoot) {
        Path dir = dataRoot.resolve(DIRECTORY);
        try {
            Files.createDirectories(dataRoot);
            if (!Files.isDirectory(dir)) {
                try {
                    Files.createDirectory(dir, attribute(OWNER_DIRECTORY));
                } catch (UnsupportedOperationException notPosix) {
                    Files.createDirectories(dir);
                } catch (FileAlreadyExistsException raced) {
                    // made meanwhile: tightened below
                }
            }
            restrict(dir, OWNER_DIRECTORY);
            try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
                for (Path file : files) {
                    if (Files.isRegularFile(file)) {
                        restrict(file, OWNER_FILE);
                    }
                }
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The file's trimmed content; when it does not exist, the generator's value written to a new 0600 file. */
    public static synchronized String readOrCreate(Path file, Supplier<String> generator) {
        try {
            if (Files.exists(file)) {
                restrict(file, OWNER_FILE);
                return Files.readString(file).strip();
            }
            String value = generator.get();
            write(file, value);
            return value;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes a new file readable by its owner only. */
    public static void write(Path file, String value) throws IOException {
        try {
            Files.createFile(file, attribute(OWNER_FILE));
        } catch (UnsupportedOperationException notPosix) {
            Files.createFile(file);
        }
        Files.writeString(file, value);
    }

    /** {@code bytes} random bytes, base64url without padding: fit for a password in a file or a SQL literal. */
    public static String randomToken(int bytes) {
        byte[] random = new byte[bytes];
        new SecureRandom().nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    private static FileAttribute<Set<PosixFilePermission>> attribute(Set<PosixFilePermission> permissions) {
        return PosixFilePermissions.asFileAttribute(permissions);
    }

    private static void restrict(Path path, Set<PosixFilePermission> permissions) {
        try {
            if (!Files.getPosixFilePermissions(path).equals(permissions)) {
                Files.setPosixFilePermissions(path, permissions);
            }
        } catch (UnsupportedOperationException | IOException ignored) {
            // not a POSIX file system, or not ours to change: the directory's permissions are all we have
        }
    }
}
