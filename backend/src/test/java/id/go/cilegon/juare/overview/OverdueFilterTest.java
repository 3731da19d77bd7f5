package id.go.cilegon.juare.overview;

import static id.go.cilegon.juare.support.Api.operation;
import static org.assertj.core.api.Assertions.assertThat;

import id.go.cilegon.juare.auth.TokenService;
import id.go.cilegon.juare.support.IntegrationTest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;

/**
 * ComplaintFilter.overdue and the complaints list: the list behind a command-centre number holds exactly the
 * complaints the number counts (city-wide and per OPD), because both go through one ComplaintScope. Complaints are
 * seeded on a day of their own, as in OverviewCountsTest, so other tests' complaints do not count.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OverdueFilterTest extends IntegrationTest {

    @Autowired id.go.cilegon.juare.platform.PersonalDataCipher cipher;
    @Autowired TokenService tokens;
    @Autowired Clock clock;

    private Instant from;
    private Instant to;
    private final Map<String, String> ids = new HashMap<>();

    @BeforeAll
    void seedComplaints() {
        from = Instant.parse("1970-01-01T00:00:00Z")
                .plus(ThreadLocalRandom.current().nextLong(19 * 365), ChronoUnit.DAYS)
                .plusMillis(ThreadLocalRandom.current().nextLong(1000));
        to = from.plus(Duration.ofDays(1));
        Seed seed = Seed.with(db, cipher);
        Instant now = clock.instant();
        Instant hourAgo = now.minus(Duration.ofHours(1));
        Instant inAnHour = now.plus(Duration.ofHours(1));
        Instant later = now.plus(Duration.ofDays(2));
        int minute = 0;
        // R: reply overdue; F: fix overdue (answered); B: both; O: on time; X: resolved past both (no clock runs);
        // S: waiting for an operator; D: DLH's reply overdue
        ids.put("R", seed.complaint().status("DISPATCHED").opd("DPUPR").filedAt(from.plusSeconds(60L * minute++))
                .replyDue(hourAgo).fixDue(later).insert().id().toString());
        ids.put("F", seed.complaint().status("IN_PROGRESS").opd("DPUPR").filedAt(from.plusSeconds(60L * minute++))
                .replyDue(now.minus(Duration.ofHours(5))).repliedAt(now.minus(Duration.ofHours(6))).fixDue(hourAgo).insert().id().toString());
        ids.put("B", seed.complaint().status("REOPENED").opd("DPUPR").filedAt(from.plusSeconds(60L * minute++))
                .replyDue(hourAgo).fixDue(hourAgo).insert().id().toString());
        ids.put("O", seed.complaint().status("DISPATCHED").opd("DPUPR").filedAt(from.plusSeconds(60L * minute++))
                .replyDue(inAnHour).fixDue(later).insert().id().toString());
        ids.put("X", seed.complaint().status("RESOLVED").opd("DPUPR").filedAt(from.plusSeconds(60L * minute++))
                .replyDue(now.minus(Duration.ofDays(3))).fixDue(now.minus(Duration.ofDays(2))).insert().id().toString());
        ids.put("S", seed.complaint().status("SUBMITTED").filedAt(from.plusSeconds(60L * minute++)).insert().id().toString());
        ids.put("D", seed.complaint().status("DISPATCHED").opd("DLH").category("SAMPAH").filedAt(from.plusSeconds(60L * minute++))
                .replyDue(hourAgo).fixDue(later).insert().id().toString());
    }

    private Map<String, Object> window(Map<String, Object> extra) {
        Map<String, Object> filter = new HashMap<>(extra);
        filter.put("from", from.toString());
        filter.put("to", to.toString());
        return filter;
    }

    private GraphQlTester.Response counts(String token, Map<String, Object> extra) {
        return operation(api().as(token), "ComplaintCounts").variable("filter", window(extra)).execute();
    }

    /** The letters of the seeded complaints the list holds, in its order, read page by page. */
    private List<String> list(String token, Map<String, Object> extra) {
        List<String> letters = new ArrayList<>();
        String after = null;
        do {
            GraphQlTester.Response page = operation(api().as(token), "ComplaintList")
                    .variable("filter", window(extra)).variable("first", 2).variable("after", after).execute();
            page.path("complaints.edges[*].node.id").entityList(String.class).get().forEach(id -> letters.add(letter(id)));
            boolean more = page.path("complaints.pageInfo.hasNextPage").entity(Boolean.class).get();
            after = more ? page.path("complaints.pageInfo.endCursor").entity(String.class).get() : null;
        } while (after != null);
        return letters;
    }

    private String letter(String id) {
        return ids.entrySet().stream().filter(e -> e.getValue().equals(id)).map(Map.Entry::getKey).findFirst().orElse("?" + id);
    }

    private static Set<String> set(List<String> letters) {
        return new TreeSet<>(letters);
    }

    private String operator() {
        return Seed.staffToken(db, tokens, "OPERATOR", null);
    }

    @Test
    void theListBehindACounterHoldsExactlyWhatTheCounterCounts() {
        String operator = operator();
        GraphQlTester.Response all = counts(operator, Map.of());
        int replyOverdue = all.path("complaintCounts.replyOverdue").entity(Integer.class).get();
        int fixOverdue = all.path("complaintCounts.fixOverdue").entity(Integer.class).get();

        List<String> reply = list(operator, Map.of("overdue", "REPLY"));
        assertThat(reply).hasSize(replyOverdue);
        assertThat(set(reply)).containsExactly("B", "D", "R");
        List<String> fix = list(operator, Map.of("overdue", "FIX"));
        assertThat(fix).hasSize(fixOverdue);
        assertThat(set(fix)).containsExactly("B", "F");
        assertThat(set(list(operator, Map.of("overdue", "ANY")))).containsExactly("B", "D", "F", "R");

        // the filter narrows the counts too: counted with it, everything counted is overdue
        counts(operator, Map.of("overdue", "REPLY")).path("complaintCounts.total").entity(Integer.class).isEqualTo(replyOverdue);
        counts(operator, Map.of("overdue", "FIX")).path("complaintCounts.total").entity(Integer.class).isEqualTo(fixOverdue);

        // oldest filed first, every one once across pages
        assertThat(list(operator, Map.of())).containsExactly("R", "F", "B", "O", "X", "S", "D");
    }

    @Test
    void anOpdsCellsOpenTheirLists() {
        String operator = operator();
        GraphQlTester.Response all = counts(operator, Map.of());
        List<String> codes = all.path("complaintCounts.byOpd[*].code").entityList(String.class).get();
        int dpupr = codes.indexOf("DPUPR");
        Map<String, Object> onlyDpupr = Map.of("opdCodes", List.of("DPUPR"));
        int replyOverdue = all.path("complaintCounts.byOpd[" + dpupr + "].replyOverdue").entity(Integer.class).get();
        int fixOverdue = all.path("complaintCounts.byOpd[" + dpupr + "].fixOverdue").entity(Integer.class).get();
        int open = all.path("complaintCounts.byOpd[" + dpupr + "].open").entity(Integer.class).get();
        int total = all.path("complaintCounts.byOpd[" + dpupr + "].total").entity(Integer.class).get();

        Map<String, Object> reply = new HashMap<>(onlyDpupr);
        reply.put("overdue", "REPLY");
        assertThat(list(operator, reply)).hasSize(replyOverdue).containsExactlyInAnyOrder("R", "B");
        Map<String, Object> fix = new HashMap<>(onlyDpupr);
        fix.put("overdue", "FIX");
        assertThat(list(operator, fix)).hasSize(fixOverdue).containsExactlyInAnyOrder("F", "B");
        Map<String, Object> atOpd = new HashMap<>(onlyDpupr);
        atOpd.put("statuses", List.of("DISPATCHED", "IN_PROGRESS", "REOPENED"));
        assertThat(list(operator, atOpd)).hasSize(open).containsExactlyInAnyOrder("R", "F", "B", "O");
        assertThat(list(operator, onlyDpupr)).hasSize(total);
    }

    @Test
    void anOpdListsOnlyItsOwnAndOthersAreTurnedAway() {
        String dlh = Seed.staffToken(db, tokens, "OPD_RESPONDER", "DLH");
        assertThat(list(dlh, Map.of("overdue", "REPLY"))).containsExactly("D");
        assertThat(list(dlh, Map.of("opdCodes", List.of("DPUPR")))).isEmpty();
        OverviewErrors.hasCode(operation(api().as(Seed.residentToken(db, tokens)), "ComplaintList").execute(), "FORBIDDEN");
        OverviewErrors.hasCode(operation(api().anonymous(), "ComplaintList").execute(), "UNAUTHENTICATED");
        OverviewErrors.hasCode(operation(api().as(operator()), "ComplaintList").variable("first", 101).execute(), "INVALID_INPUT");
    }
}
