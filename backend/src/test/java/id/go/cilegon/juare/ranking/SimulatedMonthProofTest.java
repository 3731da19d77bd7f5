package id.go.cilegon.juare.ranking;

import static id.go.cilegon.juare.support.Api.operation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import id.go.cilegon.juare.auth.TokenService;
import id.go.cilegon.juare.demo.ComplaintSimulator;
import id.go.cilegon.juare.graphql.Lifecycle;
import id.go.cilegon.juare.overview.Seed;
import id.go.cilegon.juare.support.IntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;

/**
 * The proof: a simulated June 2019 (about 25 complaints a day, lived on to the end of the year, so that little is left
 * open in the queues other tests read), then every figure of every OPD
 * in opdRanking checked against a recomputation written separately: plain SQL over the raw event log that only
 * groups events into assignments (by a running count of dispatches, not the implementation's look-ups), and the
 * figures, medians, score and positions worked out here in Java from docs/ranking.md.
 */
class SimulatedMonthProofTest extends IntegrationTest {

    private static final LocalDate JUNE = LocalDate.of(2019, 6, 1);
    private static final Instant FROM = Instant.parse("2019-05-31T17:00:00Z");
    private static final Instant TO = Instant.parse("2019-06-30T17:00:00Z");
    private static final Map<String, Object> PERIOD = Map.of("kind", "MONTH", "month", "2019-06");
    private static final double[] WEIGHTS = {30, 35, 15, 15, 5};

    @Autowired ComplaintSimulator simulator;
    @Autowired TokenService tokens;

    /** One row per assignment received in the period: raw facts only, no judgement. */
    private static final String ASSIGNMENT_FACTS = """
            WITH touched AS (
                SELECT DISTINCT complaint_id FROM complaint_event
                WHERE type IN ('DISPATCHED', 'REROUTED') AND occurred_at >= :from AND occurred_at < :to
            ),
            numbered AS (
                SELECT e.*, count(*) FILTER (WHERE e.type IN ('DISPATCHED', 'REROUTED'))
                                OVER (PARTITION BY e.complaint_id ORDER BY e.id) AS k
                FROM complaint_event e JOIN touched USING (complaint_id)
            ),
            grouped AS (
                SELECT complaint_id, k,
                       (array_agg(opd_code ORDER BY id))[1] AS opd,
                       min(occurred_at) AS received_at,
                       (array_agg(payload ->> 'replyDueAt' ORDER BY id))[1]::timestamptz AS reply_due,
                       (array_agg(payload ->> 'fixDueAt' ORDER BY id))[1]::timestamptz AS fix_due,
                       array_agg(type ORDER BY id) AS types,
                       array_agg(occurred_at ORDER BY id) AS times,
                       array_agg(coalesce(payload ->> 'message', '') ORDER BY id) AS messages,
                       array_agg(coalesce(payload ->> 'rating', '') ORDER BY id) AS ratings,
                       array_agg(coalesce(payload ->> 'template', 'false') ORDER BY id) AS templates
                FROM numbered
                WHERE k > 0
                GROUP BY complaint_id, k
            )
            SELECT g.*, nxt.received_at AS ended_at, coalesce(nxt_event.payload ->> 'excused', nxt_event.payload ->> 'misrouted') AS misrouted,
                   nxt_event.payload ->> 'misrouted' AS claimed
            FROM grouped g
            LEFT JOIN grouped nxt ON nxt.complaint_id = g.complaint_id AND nxt.k = g.k + 1
            LEFT JOIN complaint_event nxt_event ON nxt_event.complaint_id = g.complaint_id AND nxt_event.type = 'REROUTED'
                                               AND nxt_event.occurred_at = nxt.received_at
            WHERE g.received_at >= :from AND g.received_at < :to
            """;

    private static final String OPEN_NOW = """
            SELECT opd_code, count(*) AS open,
                   sum(CASE WHEN ((first_reply_at IS NULL AND reply_due_at < :now) OR fix_due_at < :now) THEN 1 ELSE 0 END) AS overdue
            FROM complaint c
            WHERE status IN (%s)
              AND c.id IN (SELECT complaint_id FROM complaint_event WHERE type = 'DISPATCHED')
            GROUP BY opd_code
            """.formatted(Lifecycle.sqlList(Lifecycle.AT_OPD));

    /**
     * {@code misrouted}: excused by the reroute that ended it (ADR 0022); {@code templates}: the lifecycle's decision on
     * each event (ADR 0018).
     */
    record Facts(String opd, Instant receivedAt, Instant replyDue, Instant fixDue, Instant endedAt, boolean misrouted,
                 List<String> types, List<Instant> times, List<String> messages, List<String> ratings, List<String> templates) {

        /**
         * The same facts as the rules before issue 12 read them: the operator's "misrouted" excused, templates counted,
         * and no operator checking auto-closed fixes (the assignment as it stood before the first FIX_REJECTED, no
         * FIX_VERIFIED; scored with the full credit).
         */
        Facts asBefore(boolean claimed) {
            int end = types.indexOf("FIX_REJECTED");
            int n = end < 0 ? types.size() : end;
            return new Facts(opd, receivedAt, replyDue, fixDue, endedAt, claimed, types.subList(0, n).stream()
                    .map(t -> t.equals("FIX_VERIFIED") ? "NONE" : t).toList(), times.subList(0, n), messages.subList(0, n),
                    ratings.subList(0, n), templates.subList(0, n).stream().map(t -> "false").toList());
        }
    }

    /** What the figures need, judged from the facts at {@code now}. */
    static final class Expected {
        int received, misroutedAway, replied, replyOnTime, replyDecided, fixOnTime, fixDecided, resolved, reopened, rated, closed,
                autoClosed, openNow, overdueNow, autoClosedVerified, fixOnTimeUnverified;
        final List<Double> replySeconds = new ArrayList<>();
        final List<Integer> ratings = new ArrayList<>();
    }

    private static int letters(String text) {
        return (int) text.codePoints().filter(Character::isLetterOrDigit).count();
    }

    private static void judge(Facts f, Instant now, Expected x) {
        if (f.misrouted()) {
            x.misroutedAway++;
            return;
        }
        x.received++;
        Instant judgedAt = f.endedAt() == null || now.isBefore(f.endedAt()) ? now : f.endedAt();
        Instant firstReply = null;
        Instant standing = null;
        boolean resolvedOnce = false;
        boolean disputed = false;
        // the latest closure after the latest dispute (an operator's rejected fix is a dispute), and whether an
        // operator verified it when it closed by itself (docs/ranking.md, verified fixes)
        boolean closed = false;
        boolean autoClosed = false;
        boolean verified = false;
        for (int i = 0; i < f.types().size(); i++) {
            String type = f.types().get(i);
            Instant at = f.times().get(i);
            if ((type.equals("REPLIED") || type.equals("RESOLVED")) && firstReply == null && letters(f.messages().get(i)) >= 15
                    && !"true".equals(f.templates().get(i))) {
                firstReply = at;
            }
            switch (type) {
                case "RESOLVED" -> {
                    standing = at;
                    resolvedOnce = true;
                }
                case "DISPUTED", "FIX_REJECTED" -> {
                    standing = null;
                    disputed = true;
                    closed = false;
                    autoClosed = false;
                    verified = false;
                }
                case "CONFIRMED" -> {
                    closed = true;
                    autoClosed = false;
                    verified = false;
                    if (!f.ratings().get(i).isEmpty()) {
                        x.rated++;
                        x.ratings.add(Integer.parseInt(f.ratings().get(i)));
                    }
                }
                case "AUTO_CLOSED" -> {
                    closed = true;
                    autoClosed = true;
                    verified = false;
                }
                case "FIX_VERIFIED" -> verified = autoClosed;
                default -> {
                }
            }
        }
        if (firstReply != null) {
            x.replied++;
            x.replySeconds.add((double) Duration.between(f.receivedAt(), firstReply).toNanos() / 1e9);
            x.replyDecided++;
            if (!firstReply.isAfter(f.replyDue())) {
                x.replyOnTime++;
            }
        } else if (!f.replyDue().isAfter(judgedAt)) {
            x.replyDecided++;
        }
        if (closed) {
            x.closed++;
        }
        if (autoClosed) {
            x.autoClosed++;
            if (verified) {
                x.autoClosedVerified++;
            }
        }
        if (standing != null) {
            x.fixDecided++;
            if (!standing.isAfter(f.fixDue())) {
                x.fixOnTime++;
                if (autoClosed && !verified) {
                    x.fixOnTimeUnverified++;
                }
            }
        } else if (!f.fixDue().isAfter(judgedAt)) {
            x.fixDecided++;
        }
        if (resolvedOnce) {
            x.resolved++;
            if (disputed) {
                x.reopened++;
            }
        }
    }

    /** Linear interpolation between the closest ranks, as PostgreSQL's percentile_cont. */
    static Double percentile(List<Double> values, double p) {
        if (values.isEmpty()) {
            return null;
        }
        List<Double> sorted = values.stream().sorted().toList();
        double position = p * (sorted.size() - 1);
        int below = (int) Math.floor(position);
        int above = (int) Math.ceil(position);
        return sorted.get(below) + (position - below) * (sorted.get(above) - sorted.get(below));
    }

    static Double share(int part, int whole) {
        return whole == 0 ? null : (double) part / whole;
    }

    /** An on-time fix that closed by itself and no operator verified counts this much (the definition's unverified credit). */
    static double credit = 1.0;

    /** On-time fixes, the unverified auto-closed ones counting {@link #credit} each. */
    static double creditedFixOnTime(Expected x) {
        return x.fixOnTime - (1 - credit) * x.fixOnTimeUnverified;
    }

    /** The plain score: each part the OPD's own rate (definition version 1, and plainScore), with the credit. */
    static Double score(Expected x) {
        Double[] values = {share(x.replyOnTime, x.replyDecided), x.fixDecided == 0 ? null : creditedFixOnTime(x) / x.fixDecided,
                x.resolved == 0 ? null : 1 - (double) x.reopened / x.resolved,
                x.ratings.isEmpty() ? null : (x.ratings.stream().mapToInt(Integer::intValue).average().orElseThrow() - 1) / 4,
                x.closed == 0 ? null : 1 - (double) x.autoClosed / x.closed};
        double sum = 0;
        double weights = 0;
        for (int i = 0; i < values.length; i++) {
            if (values[i] != null) {
                sum += WEIGHTS[i] * values[i];
                weights += WEIGHTS[i];
            }
        }
        return weights == 0 ? null : Math.round(1000 * sum / weights) / 10.0;
    }

    /** Successes and trials of the five parts, in WEIGHTS order (ratings: the sum of (rating − 1) / 4). */
    static double[][] parts(Expected x) {
        return new double[][] {{x.replyOnTime, x.replyDecided}, {creditedFixOnTime(x), x.fixDecided},
                {x.resolved - x.reopened, x.resolved}, {x.ratings.stream().mapToDouble(r -> (r - 1) / 4.0).sum(), x.ratings.size()},
                {x.closed - x.autoClosed, x.closed}};
    }

    /**
     * docs/ranking.md, definition 2 (SHRUNK, strength m): each part (k + m × K / N) / (n + m) with K / N the city's
     * pooled rate, parts the OPD has nothing of its own in left out; the half-width 1.96 × √(v(1 − v) / (n + m + 1)), at least 2 / (n + m + 1), per part, combined as
     * √Σ(w × half)² / Σw. Returns score, low, high, uncertainty.
     */
    static double[] shrunk(Expected x, Iterable<Expected> city, double m) {
        double[][] own = parts(x);
        if (score(x) == null) {
            return new double[] {Double.NaN, Double.NaN, Double.NaN, Double.NaN}; // nothing of its own measured: no score
        }
        double[][] all = new double[5][2];
        for (Expected other : city) {
            double[][] o = parts(other);
            for (int i = 0; i < 5; i++) {
                all[i][0] += o[i][0];
                all[i][1] += o[i][1];
            }
        }
        double sum = 0;
        double weights = 0;
        double variance = 0;
        for (int i = 0; i < 5; i++) {
            if (own[i][1] == 0) {
                continue; // nothing of its own in this part: left out
            }
            double n = own[i][1] + m;
            double v = (own[i][0] + m * all[i][0] / all[i][1]) / n;
            double half = Math.max(1.959964 * Math.sqrt(v * (1 - v) / (n + 1)), 2 / (n + 1));
            sum += WEIGHTS[i] * v;
            weights += WEIGHTS[i];
            variance += Math.pow(WEIGHTS[i] * half, 2);
        }
        double raw = 100 * sum / weights;
        double half = 100 * Math.sqrt(variance) / weights;
        return new double[] {Math.round(10 * raw) / 10.0, Math.max(0, Math.round(10 * (raw - half)) / 10.0),
                Math.min(100, Math.round(10 * (raw + half)) / 10.0), Math.round(10 * half) / 10.0};
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyFigureOfASimulatedMonthMatchesARecomputationFromTheRawLog() {
        ComplaintSimulator.Simulation simulation = simulator.simulate(20190601L, JUNE, 30, 25, Instant.parse("2019-12-31T00:00:00Z"))
                .block(Duration.ofMinutes(2));
        assertThat(simulation.complaints()).isGreaterThan(500);
        long leftOpen = db.sql("SELECT count(*) FROM complaint WHERE tracking_number LIKE :prefix"
                        + " AND status IN (" + Lifecycle.sqlList(Lifecycle.AT_OPD) + ")")
                .bind("prefix", simulation.prefix() + "%").map(row -> row.get(0, Long.class)).one().block();
        assertThat(leftOpen).as("never fixed, by habit").isBetween(1L, 60L);

        String mayor = Seed.staffToken(db, tokens, "MAYOR", null);
        GraphQlTester.Response response = operation(api().as(mayor), "OpdRanking").variable("period", PERIOD).execute();
        Instant now = Instant.parse(response.path("opdRanking.computedAt").entity(String.class).get());
        List<Map<String, Object>> rows = response.path("opdRanking.rows").entityList(Map.class).get().stream()
                .map(r -> (Map<String, Object>) r).toList();

        Map<String, Expected> expected = recompute(now);
        // the definition in force now (docs/ranking.md): rates shrunk towards the city's by 10 complaints
        response.path("opdRanking.definition.method").entity(String.class).isEqualTo("SHRUNK")
                .path("opdRanking.definition.priorStrength").entity(Double.class).isEqualTo(10.0)
                .path("opdRanking.definition.fewComplaints").entity(Integer.class).isEqualTo(30)
                // verified fixes: an unverified auto-closed on-time fix counts half
                .path("opdRanking.definition.unverifiedCredit").entity(Double.class).isEqualTo(0.5);
        credit = 0.5;
        // the simulation's OPDs with their habits all appear, and the fast one beats the slow one
        assertThat(expected.keySet()).contains("DPUPR", "DLH", "DISHUB");
        assertThat(expected.get("DLH").reopened).isPositive();
        assertThat(expected.values().stream().mapToInt(x -> x.misroutedAway).sum()).isPositive();

        int checked = 0;
        for (Map<String, Object> row : rows) {
            String opd = (String) ((Map<String, Object>) row.get("opd")).get("code");
            Expected x = expected.getOrDefault(opd, new Expected());
            Map<String, Object> f = (Map<String, Object>) row.get("figures");
            assertThat(f).as(opd)
                    .containsEntry("received", x.received).containsEntry("misroutedAway", x.misroutedAway)
                    .containsEntry("replied", x.replied).containsEntry("replyOnTime", x.replyOnTime)
                    .containsEntry("replyDecided", x.replyDecided).containsEntry("fixOnTime", x.fixOnTime)
                    .containsEntry("fixDecided", x.fixDecided).containsEntry("resolved", x.resolved)
                    .containsEntry("reopened", x.reopened).containsEntry("rated", x.rated).containsEntry("closed", x.closed)
                    .containsEntry("autoClosed", x.autoClosed).containsEntry("openNow", x.openNow)
                    .containsEntry("overdueNow", x.overdueNow)
                    .containsEntry("autoClosedVerified", x.autoClosedVerified)
                    .containsEntry("autoClosedUnverified", x.autoClosed - x.autoClosedVerified)
                    .containsEntry("fixOnTimeUnverified", x.fixOnTimeUnverified);
            close(opd + " median", f.get("medianReplySeconds"), percentile(x.replySeconds, 0.5));
            close(opd + " p90", f.get("p90ReplySeconds"), percentile(x.replySeconds, 0.9));
            close(opd + " average rating", f.get("averageRating"),
                    x.ratings.isEmpty() ? null : x.ratings.stream().mapToInt(Integer::intValue).average().orElseThrow());
            close(opd + " reply share", f.get("replyOnTimeShare"), share(x.replyOnTime, x.replyDecided));
            close(opd + " fix share", f.get("fixOnTimeShare"), share(x.fixOnTime, x.fixDecided));
            close(opd + " reopen rate", f.get("reopenRate"), share(x.reopened, x.resolved));
            close(opd + " auto-closed share", f.get("autoClosedShare"), share(x.autoClosed, x.closed));
            close(opd + " plain score", row.get("plainScore"), score(x));
            double[] fair = shrunk(x, expected.values(), 10);
            close(opd + " score", row.get("score"), orNull(fair[0]));
            close(opd + " score low", row.get("scoreLow"), orNull(fair[1]));
            close(opd + " score high", row.get("scoreHigh"), orNull(fair[2]));
            close(opd + " uncertainty", row.get("uncertainty"), orNull(fair[3]));
            assertThat(row.get("fewComplaints")).as(opd + " few complaints").isEqualTo(x.received < 30);
            assertThat(row.get("ranked")).as(opd + " ranked").isEqualTo(x.received >= 5 && score(x) != null);
            checked++;
        }
        assertThat(checked).isGreaterThanOrEqualTo(expected.size());

        // positions: ranked ones by score, best first, equal scores sharing a position
        List<Map<String, Object>> ranked = rows.stream().filter(r -> Boolean.TRUE.equals(r.get("ranked"))).toList();
        for (int i = 0; i < ranked.size(); i++) {
            double score = ((Number) ranked.get(i).get("score")).doubleValue();
            long better = ranked.stream().filter(r -> ((Number) r.get("score")).doubleValue() > score).count();
            assertThat(ranked.get(i).get("rank")).isEqualTo((int) better + 1);
        }
        double fast = ((Number) ranked.stream().filter(r -> code(r).equals("DPUPR")).findFirst().orElseThrow().get("score")).doubleValue();
        double slow = ((Number) ranked.stream().filter(r -> code(r).equals("DISHUB")).findFirst().orElseThrow().get("score")).doubleValue();
        double boilerplate = ((Number) ranked.stream().filter(r -> code(r).equals("DLH")).findFirst().orElseThrow().get("score")).doubleValue();
        assertThat(fast).isGreaterThan(slow).isGreaterThan(boilerplate);

        // the gaming OPDs' moves did not pay: the same log judged as before issue 12 would have scored them higher
        Map<String, Expected> hoped = recompute(now, true);
        int rejectedFixes = hoped.get("DLH").autoClosed - expected.get("DLH").autoClosed;
        int handedBackLate = hoped.get("DISHUB").misroutedAway - expected.get("DISHUB").misroutedAway;
        int templateFirstReplies = hoped.get("DLH").replyOnTime - expected.get("DLH").replyOnTime;
        double creditNow = credit;
        credit = 1.0;
        double dishubHoped = shrunk(hoped.get("DISHUB"), hoped.values(), 10)[0];
        double dlhHoped = shrunk(hoped.get("DLH"), hoped.values(), 10)[0];
        credit = creditNow;
        List<String> averageRanked = ranked.stream().map(SimulatedMonthProofTest::code)
                .filter(code -> !List.of("DPUPR", "DISHUB", "DLH").contains(code)).toList();
        double medianAverage = averageRanked.stream().mapToDouble(code -> ((Number) ranked.stream().filter(r -> code(r).equals(code))
                .findFirst().orElseThrow().get("score")).doubleValue()).sorted().skip(averageRanked.size() / 2).findFirst().orElseThrow();
        System.out.println("SIMULATION gaming OPDs: DISHUB handed back late and rerouted as misrouted " + handedBackLate
                + " times, score " + slow + " (as before issue 12: " + dishubHoped + "); DLH template first replies "
                + templateFirstReplies + ", fake fixes reopened by an operator " + rejectedFixes + ", score " + boilerplate + " (as before: " + dlhHoped + "); DPUPR " + fast
                + "; median of the average OPDs " + medianAverage);
        assertThat(handedBackLate).as("late hand-backs the operator called misrouted").isPositive();
        assertThat(templateFirstReplies).as("boilerplate first replies on time").isPositive();
        assertThat(countEvents(simulation.prefix(), "FIX_REJECTED")).as("DLH's own-photo fixes reopened").isPositive();
        assertThat(countEvents(simulation.prefix(), "FIX_VERIFIED")).as("sampled auto-closures verified").isPositive();
        assertThat(slow).isLessThan(dishubHoped);
        assertThat(boilerplate).isLessThan(dlhHoped);
        // where they belong: below the OPDs of average habits
        assertThat(slow).isLessThan(medianAverage);
        assertThat(boilerplate).isLessThan(medianAverage);

        // every figure of the clock-gaming OPD opens to exactly as many complaints
        Map<String, Object> dlh = (Map<String, Object>) rows.stream().filter(r -> code(r).equals("DLH")).findFirst().orElseThrow()
                .get("figures");
        Map<String, String> metrics = Map.ofEntries(Map.entry("RECEIVED", "received"), Map.entry("MISROUTED_AWAY", "misroutedAway"),
                Map.entry("REPLIED", "replied"), Map.entry("REPLY_ON_TIME", "replyOnTime"), Map.entry("FIX_ON_TIME", "fixOnTime"),
                Map.entry("RESOLVED", "resolved"), Map.entry("REOPENED", "reopened"), Map.entry("RATED", "rated"),
                Map.entry("CLOSED", "closed"), Map.entry("AUTO_CLOSED", "autoClosed"), Map.entry("OPEN_NOW", "openNow"),
                Map.entry("OVERDUE_NOW", "overdueNow"));
        metrics.forEach((metric, figure) -> assertThat(countBehind(mayor, "DLH", metric)).as(metric).isEqualTo(dlh.get(figure)));
        assertThat(countBehind(mayor, "DLH", "REPLY_LATE"))
                .isEqualTo((Integer) dlh.get("replyDecided") - (Integer) dlh.get("replyOnTime"));
        assertThat(countBehind(mayor, "DLH", "FIX_LATE")).isEqualTo((Integer) dlh.get("fixDecided") - (Integer) dlh.get("fixOnTime"));
    }

    private long countEvents(String prefix, String type) {
        return db.sql("SELECT count(*) FROM complaint_event e JOIN complaint c ON c.id = e.complaint_id"
                        + " WHERE c.tracking_number LIKE :prefix AND e.type = :type")
                .bind("prefix", prefix + "%").bind("type", type).map(row -> row.get(0, Long.class)).one().block();
    }

    @SuppressWarnings("unchecked")
    private static String code(Map<String, Object> row) {
        return (String) ((Map<String, Object>) row.get("opd")).get("code");
    }

    private static Double orNull(double value) {
        return Double.isNaN(value) ? null : value;
    }

    private static void close(String what, Object actual, Double expected) {
        if (expected == null) {
            assertThat(actual).as(what).isNull();
        } else {
            assertThat(((Number) Objects.requireNonNull(actual, what)).doubleValue()).as(what).isCloseTo(expected, within(1e-6));
        }
    }

    private int countBehind(String token, String opd, String metric) {
        int count = 0;
        String after = null;
        while (true) {
            GraphQlTester.Request<?> request = operation(api().as(token), "OpdScorecardComplaints").variable("opdCode", opd)
                    .variable("period", PERIOD).variable("metric", metric).variable("first", 200);
            if (after != null) {
                request = request.variable("after", after);
            }
            GraphQlTester.Response page = request.execute();
            count += page.path("opdScorecard.complaints.edges").entityList(Object.class).get().size();
            if (!page.path("opdScorecard.complaints.pageInfo.hasNextPage").entity(Boolean.class).get()) {
                return count;
            }
            after = page.path("opdScorecard.complaints.pageInfo.endCursor").entity(String.class).get();
        }
    }

    private Map<String, Expected> recompute(Instant now) {
        return recompute(now, false);
    }

    /** {@code asBefore}: as the rules before issue 12 would have judged the same log (what the gaming OPDs hoped for). */
    private Map<String, Expected> recompute(Instant now, boolean asBefore) {
        Map<String, Expected> byOpd = new HashMap<>();
        db.sql(ASSIGNMENT_FACTS).bind("from", FROM).bind("to", TO)
                .map(row -> {
                    Facts facts = new Facts(row.get("opd", String.class), row.get("received_at", Instant.class),
                            row.get("reply_due", Instant.class), row.get("fix_due", Instant.class), row.get("ended_at", Instant.class),
                            "true".equals(row.get("misrouted", String.class)),
                            List.of(row.get("types", String[].class)), List.of(row.get("times", Instant[].class)),
                            List.of(row.get("messages", String[].class)), List.of(row.get("ratings", String[].class)),
                            List.of(row.get("templates", String[].class)));
                    return asBefore ? facts.asBefore("true".equals(row.get("claimed", String.class))) : facts;
                })
                .all()
                .toStream()
                .forEach(facts -> judge(facts, now, byOpd.computeIfAbsent(facts.opd(), k -> new Expected())));
        db.sql(OPEN_NOW).bind("now", now)
                .map(row -> Map.entry(row.get("opd_code", String.class), new long[] {
                        row.get("open", Long.class), row.get("overdue", Long.class)}))
                .all()
                .toStream()
                .forEach(e -> {
                    Expected x = byOpd.computeIfAbsent(e.getKey(), k -> new Expected());
                    x.openNow = (int) e.getValue()[0];
                    x.overdueNow = (int) e.getValue()[1];
                });
        return byOpd;
    }
}
