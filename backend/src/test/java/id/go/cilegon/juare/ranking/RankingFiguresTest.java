package id.go.cilegon.juare.ranking;

import static id.go.cilegon.juare.support.Api.operation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import id.go.cilegon.juare.auth.TokenService;
import id.go.cilegon.juare.overview.Seed;
import id.go.cilegon.juare.platform.PersonalDataCipher;
import id.go.cilegon.juare.support.IntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;

/**
 * Every figure of opdRanking and opdScorecard against a hand-written history in March 2021 (WIB) with known answers,
 * worked out in the comments. DISPORA and DINKOPUKM are used by no other test, so "open now" is ours too.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RankingFiguresTest extends IntegrationTest {

    static final Map<String, Object> MARCH_2021 = Map.of("kind", "MONTH", "month", "2021-03");
    private static final Instant T0 = Instant.parse("2021-03-10T01:00:00Z");
    private static final Instant FUTURE = Instant.parse("2099-01-01T00:00:00Z");
    private static final String REAL = "Tim kami akan meninjau lokasi besok pagi.";

    @Autowired PersonalDataCipher cipher;
    @Autowired TokenService tokens;

    private String mayor;
    private final Map<String, UUID> ids = new java.util.HashMap<>();

    private static Instant h(Instant from, double hours) {
        return from.plus(Duration.ofMinutes(Math.round(hours * 60)));
    }

    @BeforeAll
    void writeHistory() {
        mayor = Seed.staffToken(db, tokens, "MAYOR", null);
        History history = new History(Seed.with(db, cipher));
        // A8: received 1 March 00:30 WIB (still February in UTC); the resolution note is its first answer after 5 h
        Instant a8 = Instant.parse("2021-02-28T17:30:00Z");
        ids.put("A8", history.story(h(a8, -1), "CLOSED", "DISPORA").row(h(a8, 24), h(a8, 72), h(a8, 5))
                .dispatched("DISPORA", a8).resolved(h(a8, 5), "Sudah diperbaiki dengan baik sekali.").confirmed(h(a8, 9), 4).id());
        // A1: reply after 2 h, fixed after 30 h, confirmed with 5
        ids.put("A1", history.story(h(T0, -1), "CLOSED", "DISPORA").row(h(T0, 24), h(T0, 72), h(T0, 2))
                .dispatched("DISPORA", T0).replied(h(T0, 2), REAL).resolved(h(T0, 30), "Lubang sudah ditambal aspal.")
                .confirmed(h(T0, 40), 5).id());
        // A2: reply after 30 h (late), resolved at 50 h, disputed, resolved again at 100 h (after the 72 h clock), auto-closed
        Instant a2 = h(T0, 1);
        ids.put("A2", history.story(h(a2, -1), "CLOSED", "DISPORA").row(h(a2, 24), h(a2, 160), h(a2, 30))
                .dispatched("DISPORA", a2).overdue("REPLY_OVERDUE", h(a2, 24)).replied(h(a2, 30), REAL)
                .resolved(h(a2, 50), "Sudah kami perbaiki kemarin sore.").disputed(h(a2, 60))
                .resolved(h(a2, 100), "Sudah kami perbaiki ulang dengan baik.").autoClosed(h(a2, 220)).id());
        // A3: only a token reply ("ok siap"), never a real one: open and overdue now
        Instant a3 = h(T0, 2);
        ids.put("A3", history.story(h(a3, -1), "IN_PROGRESS", "DISPORA").row(h(a3, 24), h(a3, 72), null)
                .dispatched("DISPORA", a3).replied(h(a3, 1), "ok siap").overdue("REPLY_OVERDUE", h(a3, 24)).id());
        // A4: DISPORA asks for a transfer; rerouted as misrouted after 40 h: not DISPORA's. DINKOPUKM answers in 1 h.
        // (An event written before ADR 0022, without "excused": the operator's word excused then, and still does for it.
        // Under today's rules the lifecycle would not excuse a request made after the reply deadline: BreachHostileTest.)
        Instant a4 = h(T0, 3);
        ids.put("A4", history.story(h(a4, -1), "CLOSED", "DINKOPUKM").row(h(a4, 64), h(a4, 112), h(a4, 41))
                .dispatched("DISPORA", a4).overdue("REPLY_OVERDUE", h(a4, 24)).transferRequested(h(a4, 30))
                .rerouted("DINKOPUKM", true, h(a4, 40)).replied(h(a4, 41), REAL)
                .resolved(h(a4, 50), "Sudah ditangani oleh tim koperasi.").confirmed(h(a4, 55), 3).id());
        // A5: its dispatch set a 6 h reply clock and a 48 h fix clock (the payload wins over the category's hours):
        // reply after 8 h is late, the fix after 20 h on time; the resident has not answered
        Instant a5 = h(T0, 4);
        ids.put("A5", history.story(h(a5, -1), "RESOLVED", "DISPORA").row(h(a5, 6), h(a5, 48), h(a5, 8))
                .dispatched("DISPORA", a5, "{\"opdCode\": \"DISPORA\", \"replyDueAt\": \"" + h(a5, 6) + "\", \"fixDueAt\": \""
                        + h(a5, 48) + "\"}")
                .replied(h(a5, 8), REAL).resolved(h(a5, 20), "Sudah dibersihkan oleh petugas.").id());
        // A6: received in February, still open (not overdue): only in "open now"
        Instant a6 = Instant.parse("2021-02-20T01:00:00Z");
        ids.put("A6", history.story(h(a6, -1), "IN_PROGRESS", "DISPORA").row(h(a6, 24), FUTURE, h(a6, 1))
                .dispatched("DISPORA", a6).replied(h(a6, 1), REAL).id());
        // A7: received 1 April 00:30 WIB: outside March
        Instant a7 = Instant.parse("2021-03-31T17:30:00Z");
        ids.put("A7", history.story(h(a7, -1), "CLOSED", "DISPORA").row(h(a7, 24), h(a7, 72), h(a7, 1))
                .dispatched("DISPORA", a7).replied(h(a7, 1), REAL).resolved(h(a7, 2), "Sudah diperbaiki dengan baik sekali.")
                .confirmed(h(a7, 3), 1).id());
        // A9: received in April, past its reply clock and waiting for an operator's transfer decision: open and overdue (a
        // pending request hides nothing, ADR 0022)
        Instant a9 = Instant.parse("2021-04-05T01:00:00Z");
        ids.put("A9", history.story(h(a9, -1), "DISPATCHED", "DISPORA").row(h(a9, 24), h(a9, 72), null)
                .dispatched("DISPORA", a9).transferRequested(h(a9, 2)).id());
        db.sql("UPDATE complaint SET transfer_requested_at = :at WHERE id = :id")
                .bind("at", h(a9, 2)).bind("id", ids.get("A9")).then().block();
    }

    private GraphQlTester.Response ranking(String token, Map<String, Object> period) {
        return operation(api().as(token), "OpdRanking").variable("period", period).execute();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> row(GraphQlTester.Response response, String opd) {
        List<Map<String, Object>> rows = response.path("opdRanking.rows").entityList(Map.class).get().stream()
                .map(r -> (Map<String, Object>) r).toList();
        return rows.stream().filter(r -> ((Map<String, Object>) r.get("opd")).get("code").equals(opd)).findFirst().orElseThrow();
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyFigureOfAnOpdInACalendarMonth() {
        GraphQlTester.Response response = ranking(mayor, MARCH_2021);
        response.path("opdRanking.period.firstDay").entity(String.class).isEqualTo("2021-03-01")
                .path("opdRanking.period.lastDay").entity(String.class).isEqualTo("2021-03-31")
                .path("opdRanking.period.start").entity(String.class).isEqualTo("2021-02-28T17:00:00Z")
                .path("opdRanking.period.end").entity(String.class).isEqualTo("2021-03-31T17:00:00Z")
                .path("opdRanking.minComplaints").entity(Integer.class).isEqualTo(5)
                .path("opdRanking.weights[*].weight").entityList(Double.class).containsExactly(30.0, 35.0, 15.0, 15.0, 5.0);
        Map<String, Object> dispora = row(response, "DISPORA");
        Map<String, Object> f = (Map<String, Object>) dispora.get("figures");
        // A1, A2, A3, A5, A8; A4 was misrouted, A6 and A7 fall outside
        assertThat(f).containsEntry("received", 5).containsEntry("misroutedAway", 1).containsEntry("replied", 4);
        // replies after 2 h, 5 h, 8 h and 30 h: median halfway between 5 h and 8 h, p90 by linear interpolation
        assertThat(number(f, "medianReplySeconds")).isEqualTo(23_400.0);
        assertThat(number(f, "p90ReplySeconds")).isCloseTo(28_800 + 0.7 * (108_000 - 28_800), within(0.001));
        // on time: A1 and A8; late: A2, A5 (its own 6 h clock), A3 (no real reply)
        assertThat(f).containsEntry("replyOnTime", 2).containsEntry("replyDecided", 5);
        assertThat(number(f, "replyOnTimeShare")).isEqualTo(0.4);
        // fixed on time: A1, A5, A8; A2's standing fix came after its clock; A3's clock ran out
        assertThat(f).containsEntry("fixOnTime", 3).containsEntry("fixDecided", 5);
        assertThat(f).containsEntry("resolved", 4).containsEntry("reopened", 1);
        assertThat(number(f, "reopenRate")).isEqualTo(0.25);
        assertThat(f).containsEntry("rated", 2);
        assertThat(number(f, "averageRating")).isEqualTo(4.5);
        assertThat(f).containsEntry("closed", 3).containsEntry("autoClosed", 1);
        assertThat(number(f, "autoClosedShare")).isCloseTo(1 / 3.0, within(1e-9));
        // now: A3 (overdue), A6, A9 (overdue, waiting for a transfer decision)
        assertThat(f).containsEntry("openNow", 3).containsEntry("overdueNow", 2);

        // 30 × 0.4 + 35 × 0.6 + 15 × 0.75 + 15 × 0.875 + 5 × (2/3) = 60.708… of 100
        // the plain score; the ranked score shrinks these rates towards the city's (SimulatedMonthProofTest, FairSmallSamplesTest)
        assertThat(number(dispora, "plainScore")).isEqualTo(60.7);
        assertThat(dispora).containsEntry("rank", 1).containsEntry("ranked", true).containsEntry("fewComplaints", true);
        assertThat(number(dispora, "score")).isBetween(number(dispora, "scoreLow"), number(dispora, "scoreHigh"));
        assertThat(number(dispora, "scoreHigh") - number(dispora, "scoreLow")).isGreaterThan(10.0);
        List<Map<String, Object>> parts = (List<Map<String, Object>>) dispora.get("scoreParts");
        assertThat(parts).extracting(p -> p.get("component"))
                .containsExactly("REPLY_ON_TIME", "FIX_ON_TIME", "NOT_REOPENED", "RATING", "CONFIRMED_BY_RESIDENT");
        assertThat(parts).extracting(p -> ((Number) p.get("plainValue")).doubleValue())
                .containsExactly(0.4, 0.6, 0.75, 0.875, 1 - 1 / 3.0);

        // DINKOPUKM received A4 on its reroute: one complaint, listed but not ranked
        Map<String, Object> dinkopukm = row(response, "DINKOPUKM");
        assertThat(dinkopukm).containsEntry("ranked", false).containsEntry("rank", null);
        Map<String, Object> g = (Map<String, Object>) dinkopukm.get("figures");
        assertThat(g).containsEntry("received", 1).containsEntry("replyOnTime", 1).containsEntry("fixOnTime", 1);
        assertThat(number(g, "medianReplySeconds")).isEqualTo(3_600.0);
        assertThat(number(g, "averageRating")).isEqualTo(3.0);
    }

    @Test
    void aMonthBeforeAnythingHasOnlyOpenWork() {
        Map<String, Object> f = figures(ranking(mayor, Map.of("kind", "MONTH", "month", "2021-01")), "DISPORA");
        assertThat(f).containsEntry("received", 0).containsEntry("openNow", 3);
        assertThat(f.get("medianReplySeconds")).isNull();
        assertThat(f.get("replyOnTimeShare")).isNull();
    }

    @Test
    void aRangeOfDaysIsInWib() {
        // 1 March WIB alone: only A8
        Map<String, Object> f = figures(ranking(mayor, Map.of("kind", "RANGE", "from", "2021-03-01", "to", "2021-03-01")), "DISPORA");
        assertThat(f).containsEntry("received", 1).containsEntry("replyOnTime", 1);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> figures(GraphQlTester.Response response, String opd) {
        return (Map<String, Object>) row(response, opd).get("figures");
    }

    private static double number(Map<String, Object> map, String key) {
        return ((Number) map.get(key)).doubleValue();
    }

    @Test
    void badPeriodsAreRefusedWithAClearMessage() {
        for (Map<String, Object> period : List.of(Map.<String, Object>of("kind", "MONTH"), Map.<String, Object>of("kind", "MONTH", "month", "2021-13"),
                Map.<String, Object>of("kind", "RANGE", "from", "2021-03-02", "to", "2021-03-01"),
                Map.<String, Object>of("kind", "RANGE", "from", "2020-01-01", "to", "2021-03-01"))) {
            ranking(mayor, period).errors().satisfy(errors -> assertThat(errors).singleElement()
                    .satisfies(e -> assertThat(e.getExtensions()).containsEntry("code", "INVALID_INPUT")));
        }
    }

    @Test
    void theMayorOperatorsAndAdminsSeeTheRankingOpdStaffOnlyTheirOwnScorecard() {
        for (String role : List.of("OPERATOR", "ADMIN")) {
            ranking(Seed.staffToken(db, tokens, role, null), MARCH_2021).path("opdRanking.rows").entityList(Object.class)
                    .satisfies(rows -> assertThat(rows).isNotEmpty());
        }
        String dispora = Seed.staffToken(db, tokens, "OPD_HEAD", "DISPORA");
        ranking(dispora, MARCH_2021).errors().satisfy(errors -> assertThat(errors).singleElement()
                .satisfies(e -> assertThat(e.getExtensions()).containsEntry("code", "FORBIDDEN")));
        scorecard(dispora, "DISPORA").path("opdScorecard.figures.received").entity(Integer.class).isEqualTo(5);
        scorecard(dispora, "DINKOPUKM").errors().satisfy(errors -> assertThat(errors).singleElement()
                .satisfies(e -> assertThat(e.getExtensions()).containsEntry("code", "FORBIDDEN")));
        ranking(Seed.residentToken(db, tokens), MARCH_2021).errors().satisfy(errors -> assertThat(errors).singleElement()
                .satisfies(e -> assertThat(e.getExtensions()).containsEntry("code", "FORBIDDEN")));
        operation(api().anonymous(), "OpdRanking").variable("period", MARCH_2021).execute().errors()
                .satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(e -> assertThat(e.getExtensions()).containsEntry("code", "UNAUTHENTICATED")));
    }

    private GraphQlTester.Response scorecard(String token, String opd) {
        return operation(api().as(token), "OpdScorecard").variable("opdCode", opd).variable("period", MARCH_2021).execute();
    }

    @Test
    void theScorecardHasTheRankingRowAndADailyTrend() {
        GraphQlTester.Response card = scorecard(mayor, "DISPORA");
        card.path("opdScorecard.rank").entity(Integer.class).isEqualTo(1)
                .path("opdScorecard.plainScore").entity(Double.class).isEqualTo(60.7)
                .path("opdScorecard.fewComplaints").entity(Boolean.class).isEqualTo(true)
                .path("opdScorecard.definition.method").entity(String.class).isEqualTo("SHRUNK")
                .path("opdScorecard.trend").entityList(Object.class).hasSize(31)
                .path("opdScorecard.trend[0].day").entity(String.class).isEqualTo("2021-03-01")
                .path("opdScorecard.trend[0].received").entity(Integer.class).isEqualTo(1)
                .path("opdScorecard.trend[0].replyOnTimeShare").entity(Double.class).isEqualTo(1.0)
                // 10 March: A1, A2, A3, A5; replies after 2, 30 and 8 h; only A1 on time
                .path("opdScorecard.trend[9].received").entity(Integer.class).isEqualTo(4)
                .path("opdScorecard.trend[9].medianReplySeconds").entity(Double.class).isEqualTo(28_800.0)
                .path("opdScorecard.trend[9].replyOnTimeShare").entity(Double.class).isEqualTo(0.25)
                .path("opdScorecard.trend[9].fixOnTimeShare").entity(Double.class).isEqualTo(0.5)
                .path("opdScorecard.trend[1].received").entity(Integer.class).isEqualTo(0)
                .path("opdScorecard.trend[1].medianReplySeconds").valueIsNull();
        scorecard(mayor, "NOPE").errors().satisfy(errors -> assertThat(errors).singleElement()
                .satisfies(e -> assertThat(e.getExtensions()).containsEntry("code", "INVALID_INPUT")));
    }

    private List<String> drill(String metric, int first, String after, String[] endCursor) {
        GraphQlTester.Request<?> request = operation(api().as(mayor), "OpdScorecardComplaints")
                .variable("opdCode", "DISPORA").variable("period", MARCH_2021).variable("metric", metric).variable("first", first);
        if (after != null) {
            request = request.variable("after", after);
        }
        GraphQlTester.Response response = request.execute();
        if (endCursor != null) {
            endCursor[0] = response.path("opdScorecard.complaints.pageInfo.endCursor").entity(String.class).get();
        }
        return response.path("opdScorecard.complaints.edges[*].node.complaintId").entityList(String.class).get();
    }

    private List<String> named(String... names) {
        return java.util.Arrays.stream(names).map(n -> ids.get(n).toString()).toList();
    }

    @Test
    void everyFigureOpensToTheComplaintsBehindIt() {
        assertThat(drill("RECEIVED", 50, null, null)).containsExactlyElementsOf(named("A8", "A1", "A2", "A3", "A5"));
        assertThat(drill("MISROUTED_AWAY", 50, null, null)).containsExactlyElementsOf(named("A4"));
        assertThat(drill("REPLIED", 50, null, null)).containsExactlyElementsOf(named("A8", "A1", "A2", "A5"));
        assertThat(drill("REPLY_ON_TIME", 50, null, null)).containsExactlyElementsOf(named("A8", "A1"));
        assertThat(drill("REPLY_LATE", 50, null, null)).containsExactlyElementsOf(named("A2", "A3", "A5"));
        assertThat(drill("FIX_ON_TIME", 50, null, null)).containsExactlyElementsOf(named("A8", "A1", "A5"));
        assertThat(drill("FIX_LATE", 50, null, null)).containsExactlyElementsOf(named("A2", "A3"));
        assertThat(drill("RESOLVED", 50, null, null)).containsExactlyElementsOf(named("A8", "A1", "A2", "A5"));
        assertThat(drill("REOPENED", 50, null, null)).containsExactlyElementsOf(named("A2"));
        assertThat(drill("RATED", 50, null, null)).containsExactlyElementsOf(named("A8", "A1"));
        assertThat(drill("CLOSED", 50, null, null)).containsExactlyElementsOf(named("A8", "A1", "A2"));
        assertThat(drill("AUTO_CLOSED", 50, null, null)).containsExactlyElementsOf(named("A2"));
        assertThat(drill("OPEN_NOW", 50, null, null)).containsExactlyInAnyOrderElementsOf(named("A3", "A6", "A9"));
        assertThat(drill("OVERDUE_NOW", 50, null, null)).containsExactlyElementsOf(named("A3", "A9"));

        // keyset pages of two
        String[] cursor = new String[1];
        assertThat(drill("RECEIVED", 2, null, cursor)).containsExactlyElementsOf(named("A8", "A1"));
        assertThat(drill("RECEIVED", 2, cursor[0], cursor)).containsExactlyElementsOf(named("A2", "A3"));
        assertThat(drill("RECEIVED", 2, cursor[0], cursor)).containsExactlyElementsOf(named("A5"));
    }

    @Test
    void aDrillDownRowExplainsItsFigures() {
        GraphQlTester.Response response = operation(api().as(mayor), "OpdScorecardComplaints")
                .variable("opdCode", "DISPORA").variable("period", MARCH_2021).variable("metric", "REPLY_LATE").execute();
        response.path("opdScorecard.complaints.edges[0].node.replySeconds").entity(Double.class).isEqualTo(108_000.0)
                .path("opdScorecard.complaints.edges[0].node.replyOnTime").entity(Boolean.class).isEqualTo(false)
                .path("opdScorecard.complaints.edges[0].node.reopened").entity(Boolean.class).isEqualTo(true)
                .path("opdScorecard.complaints.edges[0].node.autoClosed").entity(Boolean.class).isEqualTo(true)
                .path("opdScorecard.complaints.edges[0].node.fixOnTime").entity(Boolean.class).isEqualTo(false)
                .path("opdScorecard.complaints.edges[1].node.firstReplyAt").valueIsNull()
                .path("opdScorecard.complaints.edges[1].node.status").entity(String.class).isEqualTo("IN_PROGRESS");
        operation(api().as(mayor), "OpdScorecardComplaints").variable("opdCode", "DISPORA").variable("period", MARCH_2021)
                .variable("metric", "RECEIVED").variable("after", "not-a-cursor").execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(e -> assertThat(e.getExtensions()).containsEntry("code", "INVALID_INPUT")));
    }
}
