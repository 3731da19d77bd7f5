package id.go.cilegon.juare.overview;

import static id.go.cilegon.juare.support.Api.operation;
import static org.assertj.core.api.Assertions.assertThat;

import id.go.cilegon.juare.auth.TokenService;
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
 * complaintCounts over HTTP. The complaints are seeded once, filed on a random day in the past that only they fall
 * on, and every case filters on that day, so other tests' complaints in the shared database do not count; their due
 * times are around the real now.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OverviewCountsTest extends IntegrationTest {

    @org.springframework.beans.factory.annotation.Autowired
    id.go.cilegon.juare.platform.PersonalDataCipher cipher;

    @Autowired TokenService tokens;
    @Autowired Clock clock;

    private Instant from;
    private Instant to;
    private Seed seed;

    @BeforeAll
    void seedComplaints() {
        // a day of our own, somewhere in 1990–2009
        from = Instant.parse("1990-01-01T00:00:00Z")
                .plus(ThreadLocalRandom.current().nextLong(20 * 365), ChronoUnit.DAYS)
                .plusMillis(ThreadLocalRandom.current().nextLong(1000));
        to = from.plus(Duration.ofDays(1));
        seed = Seed.with(db, cipher);
        Instant now = clock.instant();
        Instant hourAgo = now.minus(Duration.ofHours(1));
        Instant inAnHour = now.plus(Duration.ofHours(1));

        // kecamatan Cibeber (36.72.01)
        seed.complaint().kecamatan("36.72.01").status("DISPATCHED").opd("DPUPR").filedAt(from)
                .replyDue(hourAgo).fixDue(now.plus(Duration.ofDays(2))).insert();                       // reply overdue
        seed.complaint().kecamatan("36.72.01").status("IN_PROGRESS").opd("DPUPR").filedAt(from.plusSeconds(60))
                .replyDue(now.minus(Duration.ofHours(5))).repliedAt(now.minus(Duration.ofHours(6))).fixDue(hourAgo).insert(); // fix overdue
        seed.complaint().kecamatan("36.72.01").status("REJECTED").filedAt(from.plusSeconds(120)).insert();
        // kecamatan Cilegon (36.72.02)
        seed.complaint().kecamatan("36.72.02").status("REOPENED").opd("DPUPR").category("DRAINASE").filedAt(from.plusSeconds(180))
                .replyDue(hourAgo).fixDue(hourAgo).insert();                                            // both overdue
        seed.complaint().kecamatan("36.72.02").status("DISPATCHED").opd("DLH").category("SAMPAH").filedAt(from.plusSeconds(240))
                .replyDue(inAnHour).fixDue(now.plus(Duration.ofDays(3))).insert();                      // on time
        // kecamatan Pulomerak (36.72.03)
        seed.complaint().kecamatan("36.72.03").status("RESOLVED").opd("DLH").category("SAMPAH").filedAt(from.plusSeconds(300))
                .replyDue(now.minus(Duration.ofDays(10))).fixDue(now.minus(Duration.ofDays(5))).insert(); // resolved: no clock runs
        seed.complaint().kecamatan("36.72.03").status("SUBMITTED").filedAt(to.minusMillis(1)).insert();
        // outside the window: filed exactly at "to" (exclusive), and just before "from"
        seed.complaint().kecamatan("36.72.01").status("DISPATCHED").opd("DPUPR").filedAt(to).replyDue(hourAgo).insert();
        seed.complaint().kecamatan("36.72.01").status("DISPATCHED").opd("DPUPR").filedAt(from.minusMillis(1)).replyDue(hourAgo).insert();
    }

    private GraphQlTester.Response counts(String token, Map<String, Object> extraFilter) {
        Map<String, Object> filter = new HashMap<>(extraFilter);
        filter.put("from", from.toString());
        filter.put("to", to.toString());
        return operation(api().as(token), "ComplaintCounts").variable("filter", filter).execute();
    }

    private String staff(String role, String opd) {
        return Seed.staffToken(db, tokens, role, opd);
    }

    @Test
    void anOperatorSeesTotalsStatusesOverdueAndGroups() {
        GraphQlTester.Response response = counts(staff("OPERATOR", null), Map.of());

        response.path("complaintCounts.total").entity(Integer.class).isEqualTo(7);
        response.path("complaintCounts.byStatus[*].status").entityList(String.class)
                .containsExactly("SUBMITTED", "DISPATCHED", "IN_PROGRESS", "RESOLVED", "CLOSED", "REJECTED", "REOPENED");
        response.path("complaintCounts.byStatus[*].count").entityList(Integer.class).containsExactly(1, 2, 1, 1, 0, 1, 1);
        response.path("complaintCounts.replyOverdue").entity(Integer.class).isEqualTo(2);
        response.path("complaintCounts.fixOverdue").entity(Integer.class).isEqualTo(2);

        // only OPDs with complaints, by name: Dinas Lingkungan Hidup, then Dinas Pekerjaan Umum …
        response.path("complaintCounts.byOpd[*].code").entityList(String.class).containsExactly("DLH", "DPUPR");
        response.path("complaintCounts.byOpd[0].name").entity(String.class).isEqualTo("Dinas Lingkungan Hidup");
        response.path("complaintCounts.byOpd[*].total").entityList(Integer.class).containsExactly(2, 3);
        response.path("complaintCounts.byOpd[*].open").entityList(Integer.class).containsExactly(1, 3);
        response.path("complaintCounts.byOpd[*].replyOverdue").entityList(Integer.class).containsExactly(0, 2);
        response.path("complaintCounts.byOpd[*].fixOverdue").entityList(Integer.class).containsExactly(0, 2);
        response.path("complaintCounts.byOpd[1].byStatus[*].count").entityList(Integer.class).containsExactly(0, 1, 1, 0, 0, 0, 1);

        // all eight kecamatan, zeros included; SUBMITTED counts as open for a kecamatan
        response.path("complaintCounts.byKecamatan[*].code").entityList(String.class).containsExactly(
                "36.72.01", "36.72.02", "36.72.03", "36.72.04", "36.72.05", "36.72.06", "36.72.07", "36.72.08");
        assertThat(response.path("complaintCounts.byKecamatan[*].name").entityList(String.class).get())
                .startsWith("Cibeber", "Cilegon", "Pulomerak");
        response.path("complaintCounts.byKecamatan[*].total").entityList(Integer.class).containsExactly(3, 2, 2, 0, 0, 0, 0, 0);
        response.path("complaintCounts.byKecamatan[*].open").entityList(Integer.class).containsExactly(2, 2, 1, 0, 0, 0, 0, 0);
        response.path("complaintCounts.byKecamatan[*].replyOverdue").entityList(Integer.class).containsExactly(1, 1, 0, 0, 0, 0, 0, 0);
        response.path("complaintCounts.byKecamatan[*].fixOverdue").entityList(Integer.class).containsExactly(1, 1, 0, 0, 0, 0, 0, 0);
    }

    @Test
    void theFilterNarrowsEveryCount() {
        String operator = staff("OPERATOR", null);

        counts(operator, Map.of("statuses", List.of("DISPATCHED", "REOPENED")))
                .path("complaintCounts.total").entity(Integer.class).isEqualTo(3);
        counts(operator, Map.of("categoryCodes", List.of("SAMPAH")))
                .path("complaintCounts.byOpd[*].code").entityList(String.class).containsExactly("DLH");
        GraphQlTester.Response cilegon = counts(operator, Map.of("kecamatanCodes", List.of("36.72.02")));
        cilegon.path("complaintCounts.total").entity(Integer.class).isEqualTo(2);
        cilegon.path("complaintCounts.replyOverdue").entity(Integer.class).isEqualTo(1);
        cilegon.path("complaintCounts.byKecamatan[*].total").entityList(Integer.class).containsExactly(0, 2, 0, 0, 0, 0, 0, 0);
        counts(operator, Map.of("opdCodes", List.of("DPUPR"), "categoryCodes", List.of("JALAN")))
                .path("complaintCounts.total").entity(Integer.class).isEqualTo(2);
        // an empty list does not restrict
        counts(operator, Map.of("opdCodes", List.of()))
                .path("complaintCounts.total").entity(Integer.class).isEqualTo(7);
    }

    @Test
    void theMayorAndAdminsSeeEverything() {
        counts(staff("MAYOR", null), Map.of()).path("complaintCounts.total").entity(Integer.class).isEqualTo(7);
        counts(staff("ADMIN", null), Map.of()).path("complaintCounts.total").entity(Integer.class).isEqualTo(7);
    }

    @Test
    void anOpdSeesOnlyItsOwnComplaints() {
        String dpupr = staff("OPD_RESPONDER", "DPUPR");
        GraphQlTester.Response own = counts(dpupr, Map.of());
        own.path("complaintCounts.total").entity(Integer.class).isEqualTo(3);
        own.path("complaintCounts.replyOverdue").entity(Integer.class).isEqualTo(2);
        own.path("complaintCounts.byOpd[*].code").entityList(String.class).containsExactly("DPUPR");
        own.path("complaintCounts.byKecamatan[*].total").entityList(Integer.class).containsExactly(2, 1, 0, 0, 0, 0, 0, 0);

        // asking for another OPD's is not an error: there is nothing of it to see
        GraphQlTester.Response other = counts(dpupr, Map.of("opdCodes", List.of("DLH")));
        other.path("complaintCounts.total").entity(Integer.class).isEqualTo(0);
        other.path("complaintCounts.byOpd").entityList(Object.class).hasSize(0);

        counts(staff("OPD_HEAD", "DLH"), Map.of()).path("complaintCounts.total").entity(Integer.class).isEqualTo(2);
    }

    @Test
    void othersAreTurnedAway() {
        OverviewErrors.hasCode(counts(Seed.residentToken(db, tokens), Map.of()), "FORBIDDEN");
        OverviewErrors.hasCode(operation(api().anonymous(), "ComplaintCounts").execute(), "UNAUTHENTICATED");
        // an OPD role without an OPD sees nothing at all
        OverviewErrors.hasCode(counts(staff("OPD_RESPONDER", null), Map.of()), "FORBIDDEN");
    }

    @Test
    void anEmptyWindowIsInvalid() {
        OverviewErrors.hasCode(operation(api().as(staff("OPERATOR", null)), "ComplaintCounts")
                .variable("filter", Map.of("from", to.toString(), "to", from.toString()))
                .execute(), "INVALID_INPUT");
    }
}
