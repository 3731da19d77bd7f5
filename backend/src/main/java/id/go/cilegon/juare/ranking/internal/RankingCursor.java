package id.go.cilegon.juare.ranking.internal;

import id.go.cilegon.juare.platform.ApiException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** An opaque keyset position in a drill-down: the id of the event that started the assignment. */
final class RankingCursor {

    private static final String PREFIX = "assignment:";

    private RankingCursor() {
    }

    static String encode(long startId) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((PREFIX + startId).getBytes(StandardCharsets.UTF_8));
    }

    /** 0 (before everything) for null. */
    static long decode(String cursor) {
        if (cursor == null) {
            return 0;
        }
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (!raw.startsWith(PREFIX)) {
                throw new IllegalArgumentException(raw);
            }
            long id = Long.parseLong(raw.substring(PREFIX.length()));
            if (id < 0) {
                throw new IllegalArgumentException(raw);
            }
            return id;
        } catch (IllegalArgumentException e) {
            throw ApiException.invalidInput("input.cursor");
        }
    }
}
