package id.go.cilegon.juare.dashboard.verification;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import id.go.cilegon.juare.dashboard.backend.BackendClient;
import id.go.cilegon.juare.dashboard.backend.BackendSession;
import id.go.cilegon.juare.dashboard.backend.Outcome;
import id.go.cilegon.juare.dashboard.complaint.Photo;
import id.go.cilegon.juare.dashboard.complaint.StaffComplaint;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * Operators' check of fixes that closed by themselves (issue 12, backend ADR 0021): the queue oldest closure first
 * ({@code VerificationQueue}), and the answer ({@code VerifyFix}: really done; {@code RejectFix}: not done, with a
 * reason, which reopens the complaint and counts as a dispute for the OPD).
 */
@Service
public class VerificationDesk {

    public static final int PAGE_SIZE = 20;

    private final BackendClient backend;

    public VerificationDesk(BackendClient backend) {
        this.backend = backend;
    }

    /** One page of the queue after {@code cursor} (null: the first page). */
    public Page queue(BackendSession session, String cursor) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("first", PAGE_SIZE);
        if (cursor != null) {
            variables.put("after", cursor);
        }
        Connection connection = backend.execute(session, "VerificationQueue", variables).field("verificationQueue")
                .toEntity(Connection.class);
        return new Page(connection.edges().stream().map(Edge::node).toList(), connection.pageInfo().hasNextPage(),
                connection.pageInfo().endCursor());
    }

    public Outcome<Item> verify(BackendSession session, Item item) {
        return Outcome.read(backend.execute(session, "VerifyFix",
                Map.of("input", Map.of("complaintId", item.id(), "expectedVersion", item.version()))), "verifyFix", "complaint", Item.class);
    }

    public Outcome<Item> reject(BackendSession session, Item item, String reason) {
        return Outcome.read(backend.execute(session, "RejectFix", Map.of("input",
                        Map.of("complaintId", item.id(), "expectedVersion", item.version(), "reason", reason == null ? "" : reason))),
                "rejectFix", "complaint", Item.class);
    }

    /** A queued complaint with what the operator needs to judge the fix. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Item(String id, String trackingNumber, String status, int version, String description,
                       StaffComplaint.Named opd, StaffComplaint.Category category, List<Photo> photos, Instant closedAt,
                       Verification verification) {

        public Item {
            photos = photos == null ? List.of() : List.copyOf(photos);
        }

        /** The resident's photos: the complaint's and a dispute's. */
        public List<Photo> before() {
            return photos.stream().filter(p -> !"AFTER".equals(p.kind())).toList();
        }

        /** The OPD's after-photos. */
        public List<Photo> after() {
            return photos.stream().filter(p -> "AFTER".equals(p.kind())).toList();
        }

        public String reason() {
            return verification == null ? null : verification.reason();
        }

        public String resolutionNote() {
            return verification == null ? null : verification.resolutionNote();
        }
    }

    /** The backend's FixVerification. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Verification(String status, String reason, Instant closedAt, String resolutionNote) {
    }

    public record Page(List<Item> items, boolean hasMore, String endCursor) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record PageInfo(boolean hasNextPage, String endCursor) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Edge(String cursor, Item node) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Connection(List<Edge> edges, PageInfo pageInfo) {
    }
}
