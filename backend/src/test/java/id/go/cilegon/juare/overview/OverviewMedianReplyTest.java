package id.go.cilegon.juare.overview;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.cilegon.juare.auth.TokenService;
import id.go.cilegon.juare.platform.PersonalDataCipher;
import id.go.cilegon.juare.support.IntegrationTest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;

/**
 * complaintCounts' per-OPD median reply time (dispatch to first reply, complaints dispatched in the last 30 days).
 * The complaints are filed on a random past day of their own and every query filters on it, so other tests'
 * complaints do not count; dispatch and reply times are around the real now.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OverviewMedianReplyTest extends IntegrationTest {

    private static final String DOCUMENT = """
            query Medians($filter: ComplaintFilter) {
                complaintCounts(filter: $filter) {
                    byOpd { code total medianReplySeconds }
                    byKecamatan { code medianReplySeconds }
                }
            }""";

    @Autowired PersonalDataCipher cipher;
    @Autowired TokenService tokens;
    @Autowired Clock clock;

    private Instant from;
    private Instant to;

    @BeforeAll
    void seedComplaints() {
        from = Instant.parse("1970-01-01T00:00:00Z")
                .plus(ThreadLocalRandom.current().nextLong(19 * 365), ChronoUnit.DAYS)
                .plusMillis(ThreadLocalRandom.current().nextLong(1000));
        to = from.plus(Duration.ofDays(1));
        Seed seed = Seed.with(db, cipher);
        Instant now = clock.instant();

        // DPUPR: replies after 1 h, 2 h and 4 h (median 2 h); one dispatched 40 days ago (10 h) and one not answered yet
        replied(seed, "DPUPR", "JALAN", now.minus(Duration.ofDays(5)), Duration.ofHours(1));
        replied(seed, "DPUPR", "JALAN", now.minus(Duration.ofDays(4)), Duration.ofHours(2));
        replied(seed, "DPUPR", "DRAINASE", now.minus(Duration.ofDays(3)), Duration.ofHours(4));
        replied(seed, "DPUPR", "JALAN", now.minus(Duration.ofDays(40)), Duration.ofHours(10));
        seed.complaint().status("DISPATCHED").opd("DPUPR").filedAt(from.plusSeconds(10)).dispatchedAt(now.minus(Duration.ofDays(2)))
                .replyDue(now.plus(Duration.ofHours(1))).insert();
        // DLH: 30 min and 90 min: an even count, so the middle of the two (1 h)
        replied(seed, "DLH", "SAMPAH", now.minus(Duration.ofDays(1)), Duration.ofMinutes(30));
        replied(seed, "DLH", "SAMPAH", now.minus(Duration.ofHours(20)), Duration.ofMinutes(90));
        // DISHUB: dispatched, no reply yet: no median
        seed.complaint().status("DISPATCHED").opd("DISHUB").category("LALIN").filedAt(from.plusSeconds(20))
                .dispatchedAt(now.minus(Duration.ofHours(3))).replyDue(now.plus(Duration.ofHours(1))).insert();
    }

    private void replied(Seed seed, String opd, String category, Instant dispatchedAt, Duration after) {
        seed.complaint().status("IN_PROGRESS").opd(opd).category(category).filedAt(from.plusSeconds(ThreadLocalRandom.current().nextInt(3600)))
                .dispatchedAt(dispatchedAt).replyDue(dispatchedAt.plus(Duration.ofDays(1))).repliedAt(dispatchedAt.plus(after)).insert();
    }

    private GraphQlTester.Response medians(String role, String opd, Map<String, Object> extraFilter) {
        Map<String, Object> filter = new HashMap<>(extraFilter);
        filter.put("from", from.toString());
        filter.put("to", to.toString());
        return api().as(Seed.staffToken(db, tokens, role, opd)).document(DOCUMENT).variable("filter", filter).execute();
    }

    @Test
    void eachOpdHasTheMedianOfItsRepliesInTheLast30Days() {
        GraphQlTester.Response response = medians("OPERATOR", null, Map.of());
        // by name: Dinas Lingkungan Hidup, Dinas Pekerjaan Umum dan Penataan Ruang, Dinas Perhubungan
        response.path("complaintCounts.byOpd[*].code").entityList(String.class).containsExactly("DLH", "DPUPR", "DISHUB");
        response.path("complaintCounts.byOpd[*].total").entityList(Integer.class).containsExactly(2, 5, 1);
        response.path("complaintCounts.byOpd[0].medianReplySeconds").entity(Integer.class).isEqualTo(3600);
        response.path("complaintCounts.byOpd[1].medianReplySeconds").entity(Integer.class).isEqualTo(7200);
        response.path("complaintCounts.byOpd[2].medianReplySeconds").valueIsNull();
        assertThat(response.path("complaintCounts.byKecamatan[*].medianReplySeconds").entityList(Object.class).get())
                .hasSize(8).containsOnlyNulls();
    }

    @Test
    void theFilterAndTheCallersScopeApply() {
        medians("OPERATOR", null, Map.of("categoryCodes", List.of("DRAINASE")))
                .path("complaintCounts.byOpd[*].medianReplySeconds").entityList(Integer.class).containsExactly(4 * 3600);
        GraphQlTester.Response dlh = medians("OPD_HEAD", "DLH", Map.of());
        dlh.path("complaintCounts.byOpd[*].code").entityList(String.class).containsExactly("DLH");
        dlh.path("complaintCounts.byOpd[0].medianReplySeconds").entity(Integer.class).isEqualTo(3600);
        medians("MAYOR", null, Map.of()).path("complaintCounts.byOpd[1].medianReplySeconds").entity(Integer.class).isEqualTo(7200);
    }
}
