package id.go.cilegon.juare.dashboard.commandcentre;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import id.go.cilegon.juare.dashboard.backend.BackendClient;
import id.go.cilegon.juare.dashboard.backend.BackendSession;
import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.graphql.client.ClientGraphQlResponse;
import org.springframework.stereotype.Service;

/** The complaints behind a number, from the backend's {@code complaints} list with the number's own filter. */
@Service
public class ComplaintListService {

    /** The backend's largest page. */
    static final int PAGE = 100;

    private final BackendClient backend;

    public ComplaintListService(BackendClient backend) {
        this.backend = backend;
    }

    /** Up to {@code limit} complaints, oldest filed first, page after page; {@code more} when the list goes on. */
    public Listed list(BackendSession session, ComplaintListFilter filter, int limit) {
        List<Row> rows = new ArrayList<>();
        String after = null;
        boolean more;
        do {
            Map<String, Object> variables = new HashMap<>();
            variables.put("filter", filter.toGraphQl());
            variables.put("first", Math.min(PAGE, limit - rows.size()));
            if (after != null) {
                variables.put("after", after);
            }
            ClientGraphQlResponse response = backend.execute(session, "ComplaintList", variables);
            Page page = response.field("complaints").toEntity(Page.class);
            page.edges().forEach(edge -> rows.add(edge.node()));
            more = page.pageInfo().hasNextPage();
            after = page.pageInfo().endCursor();
        } while (more && rows.size() < limit);
        return new Listed(List.copyOf(rows), more);
    }

    public record Listed(List<Row> rows, boolean more) implements Serializable {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Row(String id, String trackingNumber, String status, Category category, String title, Named kecamatan,
                      Named kelurahan, Named opd, Instant createdAt, Instant dispatchedAt, Instant replyDueAt,
                      Instant fixDueAt, Instant firstReplyAt, boolean replyOverdue, boolean fixOverdue) implements Serializable {

        public String categoryName(Locale locale) {
            if (category == null) {
                return "";
            }
            return "en".equals(locale.getLanguage()) && category.nameEn() != null ? category.nameEn() : category.nameId();
        }

        /** The deadline that matters now: the reply's while unanswered, else the fix's; null when none runs. */
        public Instant dueAt() {
            return firstReplyAt == null && replyDueAt != null ? replyDueAt : fixDueAt;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Category(String code, String nameId, String nameEn) implements Serializable {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Named(String code, String name) implements Serializable {
    }

    record Edge(String cursor, Row node) {
    }

    record PageInfo(boolean hasNextPage, String endCursor) {
    }

    record Page(List<Edge> edges, PageInfo pageInfo) {
    }
}
