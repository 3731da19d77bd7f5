package id.go.cilegon.juare.dashboard.base.ui;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.CRC32;

/**
 * Our own static files under {@code META-INF/resources/juare/}, addressed with their content's checksum
 * ({@code context://juare/live.css?v=1a2b3c4d}) so a browser never keeps an old one after a deployment.
 */
public final class JuareFiles {

    private static final Map<String, String> URLS = new ConcurrentHashMap<>();

    private JuareFiles() {
    }

    public static String url(String file) {
        return URLS.computeIfAbsent(file, f -> "context://juare/" + f + "?v=" + checksum(f));
    }

    private static String checksum(String file) {
        String path = "/META-INF/resources/juare/" + file;
        try (InputStream in = JuareFiles.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing " + path);
            }
            CRC32 crc = new CRC32();
            crc.update(in.readAllBytes());
            return Long.toHexString(crc.getValue());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
