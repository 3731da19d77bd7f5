package id.go.cilegon.juare.dashboard.identity;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import id.go.cilegon.juare.dashboard.backend.BackendClient;
import id.go.cilegon.juare.dashboard.backend.BackendSession;
import id.go.cilegon.juare.dashboard.backend.Outcome;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * Operators' phone-change queue (residents whose old WhatsApp number is lost): the pending requests oldest first
 * ({@code PhoneChangeQueue}), and the decision ({@code ApprovePhoneChange}, {@code RejectPhoneChange}).
 */
@Service
public class PhoneChangeDesk {

    public static final int PAGE_SIZE = 50;

    private final BackendClient backend;

    public PhoneChangeDesk(BackendClient backend) {
        this.backend = backend;
    }

    /** One page of pending requests, oldest first, after {@code cursor} (null: the first page). */
    public Page pending(BackendSession session, String cursor) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("first", PAGE_SIZE);
        if (cursor != null) {
            variables.put("after", cursor);
        }
        Connection connection = backend.execute(session, "PhoneChangeQueue", variables).field("phoneChangeQueue").toEntity(Connection.class);
        return new Page(connection.edges().stream().map(Edge::node).toList(), connection.pageInfo().hasNextPage(),
                connection.pageInfo().endCursor());
    }

    public Outcome<Request> approve(BackendSession session, String requestId) {
        return Outcome.read(backend.execute(session, "ApprovePhoneChange", Map.of("input", Map.of("requestId", requestId))),
                "approvePhoneChange", "request", Request.class);
    }

    public Outcome<Request> reject(BackendSession session, String requestId, String reason) {
        return Outcome.read(backend.execute(session, "RejectPhoneChange", Map.of("input", Map.of("requestId", requestId, "reason", reason))),
                "rejectPhoneChange", "request", Request.class);
    }

    /** A request as the operator sees it: NIK and numbers masked; the KTP photo through the dashboard's photo proxy. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Request(String id, String maskedNik, String residentName, String oldMaskedPhone, String newMaskedPhone,
                          String proof, String ktpPhotoUrl, String ktpThumbnailUrl, String status, String reason, Instant createdAt) {

        /**
         * The backend's /api/photos/{id} as the dashboard's photos/{id}, or null without a photo. The backend hands
         * out an absolute signed URL (ADR 0032); the dashboard still serves it through its proxy, since the backend's
         * address as the dashboard reaches it need not be one the staff member's browser can reach.
         */
        public String ktpPhotoSrc() {
            if (ktpPhotoUrl == null) {
                return null;
            }
            String path = java.net.URI.create(ktpPhotoUrl).getPath();
            return path == null ? null : path.replaceFirst("^/api/photos/", "photos/");
        }
    }

    public record Page(List<Request> requests, boolean hasMore, String endCursor) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record PageInfo(boolean hasNextPage, String endCursor) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Edge(String cursor, Request node) {
    }

    record Connection(List<Edge> edges, PageInfo pageInfo) {
    }
}
