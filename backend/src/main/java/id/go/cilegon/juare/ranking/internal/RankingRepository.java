package id.go.cilegon.juare.ranking.internal;

import id.go.cilegon.juare.complaint.ComplaintStatus;
import id.go.cilegon.juare.graphql.Lifecycle;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The ranking's figures in a few set-based queries (never one per OPD or complaint).
 * <p>
 * The unit is an <em>assignment</em>: a DISPATCHED or REROUTED event starts one for the OPD it names (the event's
 * opd_code, with the clocks it started in its payload); the complaint's next REROUTED event ends it. Everything the
 * OPD did or was done to it in between (its first real reply, resolutions, disputes, the resident's confirmation or
 * the auto-closure) belongs to that assignment. An assignment ended by a reroute with misrouted=true was never the
 * OPD's job and counts nowhere but in misroutedAway. Clocks are judged at the earlier of now and the assignment's end.
 * <p>
 * Assignments come from one of two sources with the same columns (V7__opd_assignment.sql, ADR 0008): the live
 * figures read the summary table {@code opd_assignment}, kept up to date by a trigger with every event; the figures as
 * of a past instant (the daily report's cut-off) derive them from the event log with only the events before it
 * ({@code opd_assignment_from_log}), so that they stay the same whatever happened after it. Everything from there on
 * (what is decided, on time, counted) is written once, below, for both.
 * docs/ranking.md has every definition.
 */
@Repository
class RankingRepository {

    /** The summary, as the trigger keeps it: every event counts. */
    private static final String FROM_SUMMARY = "SELECT * FROM opd_assignment a WHERE %s";
    /** The same rows from the log, counting only events before :now. */
    private static final String FROM_LOG = "SELECT * FROM opd_assignment_from_log(:now, :minReply) a WHERE %s";

    /** Each assignment of {@code %s} (one of the sources) judged at :now. */
    private static final String JUDGED = """
            WITH judged AS (
                SELECT a.*,
                       extract(epoch FROM a.first_reply_at - a.received_at)::double precision AS reply_seconds,
                       a.first_reply_at IS NOT NULL OR a.reply_due <= least(:now, a.ended_at) AS reply_decided,
                       coalesce(a.first_reply_at <= a.reply_due, false) AS reply_on_time,
                       a.resolved_at IS NOT NULL OR a.fix_due <= least(:now, a.ended_at) AS fix_decided,
                       coalesce(a.resolved_at <= a.fix_due, false) AS fix_on_time
                FROM (%s) a
            )
            """;

    private static final String IN_PERIOD = "a.received_at >= :from AND a.received_at < :to";
    private static final String OF_OPD = " AND a.opd_code = :opd";

    private static final String FIGURES = """
            SELECT opd_code,
                   count(*) FILTER (WHERE NOT misrouted_away) AS received,
                   count(*) FILTER (WHERE misrouted_away) AS misrouted_away,
                   count(*) FILTER (WHERE NOT misrouted_away AND first_reply_at IS NOT NULL) AS replied,
                   percentile_cont(0.5) WITHIN GROUP (ORDER BY reply_seconds) FILTER (WHERE NOT misrouted_away) AS median_reply,
                   percentile_cont(0.9) WITHIN GROUP (ORDER BY reply_seconds) FILTER (WHERE NOT misrouted_away) AS p90_reply,
                   count(*) FILTER (WHERE NOT misrouted_away AND reply_on_time) AS reply_on_time,
                   count(*) FILTER (WHERE NOT misrouted_away AND reply_decided) AS reply_decided,
                   count(*) FILTER (WHERE NOT misrouted_away AND fix_on_time) AS fix_on_time,
                   count(*) FILTER (WHERE NOT misrouted_away AND fix_decided) AS fix_decided,
                   count(*) FILTER (WHERE NOT misrouted_away AND resolutions > 0) AS resolved,
                   count(*) FILTER (WHERE NOT misrouted_away AND resolutions > 0 AND disputes > 0) AS reopened,
                   count(*) FILTER (WHERE NOT misrouted_away AND rating IS NOT NULL) AS rated,
                   avg(rating) FILTER (WHERE NOT misrouted_away)::double precision AS average_rating,
                   count(*) FILTER (WHERE NOT misrouted_away AND closed) AS closed,
                   count(*) FILTER (WHERE NOT misrouted_away AND auto_closed) AS auto_closed,
                   count(*) FILTER (WHERE NOT misrouted_away AND fix_on_time AND auto_closed AND NOT verified) AS fix_on_time_unverified,
                   count(*) FILTER (WHERE NOT misrouted_away AND auto_closed AND verified) AS auto_closed_verified
            FROM judged
            GROUP BY opd_code
            """;

    /**
     * Open work now: the complaints each OPD holds, as V15_2's triggers keep them in {@code opd_open_complaint} with
     * every change (ADR 0037): at an OPD, with a running assignment in the summary (dispatched according to the log,
     * not rerouted away since), so that the figure and its drill-down list the same complaints even with rows written
     * without events (load-test data). Their overdue_at is when the reply or the fix clock runs out first; checking
     * every open complaint on every query instead cost 0.5-1.2 s at a million complaints.
     */
    static final String OPEN_STATUSES = Lifecycle.sqlList(Lifecycle.AT_OPD);
    /** A pending transfer request does not hide a complaint: the OPD holds it until an operator moves it (ADR 0022). */
    static final String OVERDUE_CONDITION = "((c.first_reply_at IS NULL AND c.reply_due_at < :now) OR c.fix_due_at < :now)";

    private static final String NOW = """
            SELECT o.opd_code, count(*) AS open_now, count(*) FILTER (WHERE o.overdue_at < :now) AS overdue_now
            FROM opd_open_complaint o
            WHERE TRUE %s
            GROUP BY o.opd_code
            """;

    private static final String TREND = """
            SELECT (received_at AT TIME ZONE 'Asia/Jakarta')::date AS day,
                   count(*) AS received,
                   percentile_cont(0.5) WITHIN GROUP (ORDER BY reply_seconds) AS median_reply,
                   count(*) FILTER (WHERE reply_on_time) AS reply_on_time,
                   count(*) FILTER (WHERE reply_decided) AS reply_decided,
                   count(*) FILTER (WHERE fix_on_time) AS fix_on_time,
                   count(*) FILTER (WHERE fix_decided) AS fix_decided
            FROM judged
            WHERE NOT misrouted_away
            GROUP BY 1
            ORDER BY 1
            """;

    /**
     * The current assignment of each open complaint of the OPD: its latest dispatch or reroute, not ended by a later
     * reroute (the latest running one is the latest one if that runs; none runs otherwise).
     */
    private static final String CURRENT_OF_OPEN = """
            a.start_id IN (SELECT cur.start_id
                           FROM complaint c
                           CROSS JOIN LATERAL (SELECT r.start_id FROM opd_assignment r
                                               WHERE r.complaint_id = c.id AND r.end_id IS NULL
                                               ORDER BY r.start_id DESC LIMIT 1) cur
                           WHERE c.status IN (%s) AND c.opd_code = :opd)""".formatted(OPEN_STATUSES);

    private static final String DRILL_DOWN = """
            SELECT j.start_id, j.complaint_id, j.received_at, j.reply_due, j.first_reply_at, j.reply_seconds, j.reply_decided,
                   j.reply_on_time, j.fix_due, j.resolved_at, j.fix_decided, j.fix_on_time, j.disputes, j.rating, j.auto_closed,
                   j.misrouted_away, c.tracking_number, c.category_code, c.kecamatan_code, c.status
            FROM judged j
            JOIN complaint c ON c.id = j.complaint_id
            WHERE %s AND j.start_id > :after
            ORDER BY j.start_id
            LIMIT :limit
            """;

    /*
     * The per-OPD aggregation sorts one row per assignment (tens of thousands for a month of a busy city); with the
     * default 4 MB it spilled to disk. Raised for this transaction only.
     */
    private static final String WORK_MEM = "SET LOCAL work_mem = '64MB'";

    /*
     * The driver keeps its statements prepared, and after five runs PostgreSQL may switch to a plan made without the
     * values: for a year that read every reply time through the short-period index and sorted them (1.6 s instead of
     * 0.3 s), and the waiting rows through the whole period. Planned for the values every time (a millisecond).
     */
    private static final String SETTINGS = "SELECT set_config('work_mem', '64MB', true),"
            + " set_config('plan_cache_mode', 'force_custom_plan', true)";

    private final DatabaseClient db;
    private final TransactionalOperator tx;
    private final int minReply;

    RankingRepository(DatabaseClient db, TransactionalOperator tx,
                      @Value("${juare.lifecycle.min-reply-characters:15}") int minReply) {
        this.db = db;
        this.tx = tx;
        this.minReply = minReply;
    }

    /**
     * Every OPD with an assignment in the period or open work now, by code: {@code now} is the clock's. The period's
     * figures from the sums pre-added per OPD and day (V15_43, ADR 0043), less the assignments still waiting for a
     * deadline after now, and the reply-time percentiles sorted live, in one statement, beside open now. Exactly the
     * figures of {@link #figuresDirect} (RankingEquivalenceTest).
     */
    Mono<Map<String, Figures>> figures(Period period, Instant now, String opdCode) {
        return Mono.zip(periodFromTallies(period, now, opdCode), openNow(now, opdCode))
                .map(t -> merge(t.getT1(), t.getT2()));
    }

    /** The same figures aggregated from the summary's rows on every query: the reference the pre-added sums must equal. */
    Mono<Map<String, Figures>> figuresDirect(Period period, Instant now, String opdCode) {
        return Mono.zip(periodFigures(false, period, now, opdCode), openNow(now, opdCode))
                .map(t -> merge(t.getT1(), t.getT2()));
    }

    /*
     * The sums of each OPD's days in the period; an OPD is there when it has an assignment in it (received or
     * misrouted), as in the direct query. The average rating as avg(integer) computes it: numeric sum / count.
     */
    private static final String DAY_TALLIES = """
            SELECT opd_code, sum(received) AS received, sum(misrouted_away) AS misrouted_away, sum(replied) AS replied,
                   sum(reply_on_time) AS reply_on_time, sum(reply_pending) AS reply_pending, sum(fix_on_time) AS fix_on_time,
                   sum(fix_standing) AS fix_standing, sum(fix_pending) AS fix_pending, sum(resolved) AS resolved,
                   sum(reopened) AS reopened, sum(rated) AS rated,
                   CASE WHEN sum(rated) > 0 THEN (sum(rating_sum)::numeric / sum(rated)::numeric)::double precision END
                       AS average_rating,
                   sum(closed) AS closed, sum(auto_closed) AS auto_closed, sum(fix_on_time_unverified) AS fix_on_time_unverified,
                   sum(auto_closed_verified) AS auto_closed_verified
            FROM opd_day_tally
            WHERE day >= :firstDay AND day <= :lastDay %s
            GROUP BY opd_code
            HAVING sum(received) + sum(misrouted_away) > 0
            """;

    /*
     * Of the pending rows (no reply or no standing resolution yet, the deadline not after the assignment's end), those
     * whose deadline is still after now are not decided yet: replyDecided is "reply_due <= least(now, ended_at)".
     * Only assignments with a deadline after now qualify (opd_assignment_due): the last few days'.
     */
    private static final String WAITING = """
            SELECT opd_code,
                   count(*) FILTER (WHERE first_reply_at IS NULL AND (ended_at IS NULL OR reply_due <= ended_at)
                                      AND reply_due > :now) AS reply_waiting,
                   count(*) FILTER (WHERE resolved_at IS NULL AND (ended_at IS NULL OR fix_due <= ended_at)
                                      AND fix_due > :now) AS fix_waiting
            FROM opd_assignment a
            WHERE greatest(reply_due, fix_due) > :now AND NOT misrouted_away
              AND received_at >= :from AND received_at < :to %s
            GROUP BY opd_code
            """;

    /*
     * Both percentiles in one sort (percentile_cont of an array interpolates each exactly as the single form does);
     * percentile_cont ignores null inputs, so the unanswered rows are left out up front.
     */
    private static final String PERCENTILES = """
            SELECT opd_code,
                   percentile_cont(ARRAY[0.5, 0.9]::double precision[]) WITHIN GROUP
                       (ORDER BY extract(epoch FROM first_reply_at - received_at)::double precision) AS reply
            FROM opd_assignment a
            WHERE received_at >= :from AND received_at < :to AND NOT misrouted_away AND first_reply_at IS NOT NULL %s
            GROUP BY opd_code
            """;

    /*
     * The three in one statement (one round trip: on a loaded machine each costs more than these small reads), in a
     * transaction with work_mem raised and a plan made for the values (SETTINGS). An OPD is there when it has an
     * assignment in the period, as in the direct query.
     */
    private static final String FROM_TALLIES = """
            WITH tally AS (%s), waiting AS (%s), sorted AS (%s)
            SELECT t.*, w.reply_waiting, w.fix_waiting, s.reply
            FROM tally t
            LEFT JOIN waiting w ON w.opd_code = t.opd_code
            LEFT JOIN sorted s ON s.opd_code = t.opd_code
            """;

    /** The pre-added figures less the assignments still waiting for a deadline after now, with the percentiles. */
    private Mono<Map<String, Figures>> periodFromTallies(Period period, Instant now, String opdCode) {
        String sql = FROM_TALLIES.formatted(DAY_TALLIES.formatted(opdCode == null ? "" : "AND opd_code = :opd"),
                WAITING.formatted(opdCode == null ? "" : OF_OPD), PERCENTILES.formatted(opdCode == null ? "" : OF_OPD));
        DatabaseClient.GenericExecuteSpec spec = bindPeriod(db.sql(sql), period, now, opdCode, false)
                .bind("firstDay", period.firstDay())
                .bind("lastDay", period.lastDay());
        Mono<Map<String, Figures>> figures = spec
                .map(row -> {
                    Double[] reply = row.get("reply", Double[].class);
                    return Map.entry(row.get("opd_code", String.class), new Figures(
                            toInt(row, "received"), toInt(row, "misrouted_away"), toInt(row, "replied"),
                            reply == null ? null : reply[0], reply == null ? null : reply[1],
                            toInt(row, "reply_on_time"),
                            toInt(row, "replied") + toInt(row, "reply_pending") - toInt(row, "reply_waiting"),
                            toInt(row, "fix_on_time"),
                            toInt(row, "fix_standing") + toInt(row, "fix_pending") - toInt(row, "fix_waiting"),
                            toInt(row, "resolved"), toInt(row, "reopened"), toInt(row, "rated"),
                            row.get("average_rating", Double.class), toInt(row, "closed"), toInt(row, "auto_closed"), 0, 0,
                            toInt(row, "fix_on_time_unverified"), toInt(row, "auto_closed_verified")));
                })
                .all()
                .collectMap(Map.Entry::getKey, Map.Entry::getValue, HashMap::new);
        return db.sql(SETTINGS).then().then(figures).as(tx::transactional);
    }

    /** Every OPD with an assignment in the period, by code, from the event log counting only events before {@code asOf}. */
    Mono<Map<String, Figures>> figuresAsOf(Period period, Instant asOf, String opdCode) {
        return periodFigures(true, period, asOf, opdCode);
    }

    private Mono<Map<String, Figures>> periodFigures(boolean fromLog, Period period, Instant now, String opdCode) {
        String condition = IN_PERIOD + (opdCode == null ? "" : OF_OPD);
        String sql = JUDGED.formatted((fromLog ? FROM_LOG : FROM_SUMMARY).formatted(condition)) + FIGURES;
        DatabaseClient.GenericExecuteSpec periodSpec = bindPeriod(db.sql(sql), period, now, opdCode, fromLog);
        Mono<Map<String, Figures>> byPeriod = periodSpec
                .map(row -> Map.entry(row.get("opd_code", String.class), toFigures(row)))
                .all()
                .collectMap(Map.Entry::getKey, Map.Entry::getValue, HashMap::new);
        return db.sql(WORK_MEM)
                .then()
                .then(byPeriod)
                .as(tx::transactional);
    }

    /** The definition in force at {@code at}: the one with the latest effective_from not after it. */
    Mono<Definition> definitionAt(Instant at) {
        return db.sql("""
                        SELECT version, method, prior_strength, few_complaints, effective_from, description, unverified_credit
                        FROM ranking_definition WHERE effective_from <= :at ORDER BY effective_from DESC LIMIT 1""")
                .bind("at", at)
                .map(row -> new Definition(toInt(row, "version"), Definition.Method.valueOf(row.get("method", String.class)),
                        row.get("prior_strength", Double.class), toInt(row, "few_complaints"),
                        effectiveFrom(row.get("effective_from", java.time.OffsetDateTime.class)),
                        row.get("description", String.class), row.get("unverified_credit", Double.class)))
                .one()
                .defaultIfEmpty(Definition.PLAIN);
    }

    private static Instant effectiveFrom(java.time.OffsetDateTime at) {
        return at.toInstant();
    }

    /** Open and overdue complaints per OPD now, from the open complaints kept per change. */
    private Mono<Map<String, int[]>> openNow(Instant now, String opdCode) {
        DatabaseClient.GenericExecuteSpec nowSpec = db.sql(NOW.formatted(opdCode == null ? "" : "AND o.opd_code = :opd"))
                .bind("now", now);
        if (opdCode != null) {
            nowSpec = nowSpec.bind("opd", opdCode);
        }
        return nowSpec
                .map(row -> Map.entry(row.get("opd_code", String.class),
                        new int[] {toInt(row, "open_now"), toInt(row, "overdue_now")}))
                .all()
                .collectMap(Map.Entry::getKey, Map.Entry::getValue);
    }

    private static Map<String, Figures> merge(Map<String, Figures> byPeriod, Map<String, int[]> openNow) {
        Map<String, Figures> merged = new HashMap<>(byPeriod);
        openNow.forEach((opd, counts) -> merged.put(opd, merged.getOrDefault(opd, Figures.NONE).withNow(counts[0], counts[1])));
        return merged;
    }

    /** One OPD's figures by WIB day of receipt. */
    Flux<Day> trend(Period period, Instant now, String opdCode) {
        String sql = JUDGED.formatted(FROM_SUMMARY.formatted(IN_PERIOD + OF_OPD)) + TREND;
        return bindPeriod(db.sql(sql), period, now, opdCode, false)
                .map(row -> new Day(row.get("day", LocalDate.class), toInt(row, "received"), row.get("median_reply", Double.class),
                        Figures.share(toInt(row, "reply_on_time"), toInt(row, "reply_decided")),
                        Figures.share(toInt(row, "fix_on_time"), toInt(row, "fix_decided"))))
                .all();
    }

    /**
     * The OPD's replies and resolution notes written in the period (up to now), and how many of them the lifecycle
     * judged templates (ReplyRule, ADR 0018; the decision is on the event). Served by complaint_event_opd_replies.
     */
    Mono<TemplateReplies> templateReplies(Period period, Instant now, String opdCode) {
        Instant end = period.end().isAfter(now) ? now : period.end();
        return db.sql("""
                        SELECT count(*) AS replies,
                               count(*) FILTER (WHERE coalesce((payload ->> 'template')::boolean, false)) AS templates
                        FROM complaint_event
                        WHERE type IN ('REPLIED', 'RESOLVED') AND opd_code = :opd
                          AND occurred_at >= :start AND occurred_at < :end""")
                .bind("opd", opdCode)
                .bind("start", period.start())
                .bind("end", end)
                .map(row -> TemplateReplies.of(toInt(row, "replies"), toInt(row, "templates")))
                .one();
    }

    /**
     * The OPD's transfer requests in the period (up to now): how many, how many repeated one declined before in the same
     * assignment (payload "attempt" above 1), and how many operators declined. Served by complaint_event_opd_transfers.
     */
    Mono<TransferRequests> transferRequests(Period period, Instant now, String opdCode) {
        Instant end = period.end().isAfter(now) ? now : period.end();
        return db.sql("""
                        SELECT count(*) FILTER (WHERE type = 'TRANSFER_REQUESTED') AS requests,
                               count(*) FILTER (WHERE type = 'TRANSFER_REQUESTED'
                                                  AND coalesce((payload ->> 'attempt')::int, 1) > 1) AS repeated,
                               count(*) FILTER (WHERE type = 'TRANSFER_DECLINED') AS declined
                        FROM complaint_event
                        WHERE type IN ('TRANSFER_REQUESTED', 'TRANSFER_DECLINED') AND opd_code = :opd
                          AND occurred_at >= :start AND occurred_at < :end""")
                .bind("opd", opdCode)
                .bind("start", period.start())
                .bind("end", end)
                .map(row -> new TransferRequests(toInt(row, "requests"), toInt(row, "repeated"), toInt(row, "declined")))
                .one();
    }

    /** GraphQL TransferRequests. */
    record TransferRequests(int requests, int repeated, int declined) {
    }

    /** GraphQL TemplateReplies. */
    record TemplateReplies(int replies, int templates, Double share) {

        static TemplateReplies of(int replies, int templates) {
            return new TemplateReplies(replies, templates, Figures.share(templates, replies));
        }
    }

    /** GraphQL ScorecardDay. */
    record Day(LocalDate day, int received, Double medianReplySeconds, Double replyOnTimeShare, Double fixOnTimeShare) {
    }

    /** The complaints behind one figure of one OPD, after a start event id, in order of receipt. */
    Flux<Row> complaints(Metric metric, Period period, Instant now, String opdCode, long after, int limit) {
        boolean current = metric == Metric.OPEN_NOW || metric == Metric.OVERDUE_NOW;
        String sql = JUDGED.formatted(FROM_SUMMARY.formatted(current ? CURRENT_OF_OPEN : IN_PERIOD + OF_OPD))
                + DRILL_DOWN.formatted(metric.condition);
        DatabaseClient.GenericExecuteSpec spec = db.sql(sql)
                .bind("now", now)
                .bind("opd", opdCode)
                .bind("after", after)
                .bind("limit", limit);
        if (!current) {
            spec = spec.bind("from", period.start()).bind("to", period.end());
        }
        return spec.map(RankingRepository::toRow).all();
    }

    /** Which assignments each drill-down lists: the same conditions the figures count. */
    enum Metric {
        RECEIVED("NOT j.misrouted_away"),
        MISROUTED_AWAY("j.misrouted_away"),
        REPLIED("NOT j.misrouted_away AND j.first_reply_at IS NOT NULL"),
        REPLY_ON_TIME("NOT j.misrouted_away AND j.reply_on_time"),
        REPLY_LATE("NOT j.misrouted_away AND j.reply_decided AND NOT j.reply_on_time"),
        FIX_ON_TIME("NOT j.misrouted_away AND j.fix_on_time"),
        FIX_LATE("NOT j.misrouted_away AND j.fix_decided AND NOT j.fix_on_time"),
        RESOLVED("NOT j.misrouted_away AND j.resolutions > 0"),
        REOPENED("NOT j.misrouted_away AND j.resolutions > 0 AND j.disputes > 0"),
        RATED("NOT j.misrouted_away AND j.rating IS NOT NULL"),
        CLOSED("NOT j.misrouted_away AND j.closed"),
        AUTO_CLOSED("NOT j.misrouted_away AND j.auto_closed"),
        OPEN_NOW("c.opd_code = j.opd_code AND c.status IN (" + OPEN_STATUSES + ")"),
        OVERDUE_NOW("c.opd_code = j.opd_code AND c.status IN (" + OPEN_STATUSES + ") AND " + OVERDUE_CONDITION);

        private final String condition;

        Metric(String condition) {
            this.condition = condition;
        }
    }

    /** GraphQL ScorecardComplaint, with the start event id for the cursor. */
    record Row(long startId, UUID complaintId, String trackingNumber, String categoryCode, String kecamatanCode,
               ComplaintStatus status, Instant receivedAt, Instant replyDueAt, Instant firstReplyAt, Double replySeconds,
               Boolean replyOnTime, Instant fixDueAt, Instant resolvedAt, Boolean fixOnTime, boolean reopened, Integer rating,
               boolean autoClosed, boolean misroutedAway) {
    }

    private static Row toRow(Readable row) {
        boolean replyDecided = Boolean.TRUE.equals(row.get("reply_decided", Boolean.class));
        boolean fixDecided = Boolean.TRUE.equals(row.get("fix_decided", Boolean.class));
        return new Row(
                row.get("start_id", Long.class),
                row.get("complaint_id", UUID.class),
                row.get("tracking_number", String.class),
                row.get("category_code", String.class),
                row.get("kecamatan_code", String.class),
                ComplaintStatus.valueOf(row.get("status", String.class)),
                row.get("received_at", Instant.class),
                row.get("reply_due", Instant.class),
                row.get("first_reply_at", Instant.class),
                row.get("reply_seconds", Double.class),
                // undecided is neither on time nor late yet
                replyDecided ? row.get("reply_on_time", Boolean.class) : null,
                row.get("fix_due", Instant.class),
                row.get("resolved_at", Instant.class),
                fixDecided ? row.get("fix_on_time", Boolean.class) : null,
                toLong(row, "disputes") > 0,
                row.get("rating", Integer.class),
                Boolean.TRUE.equals(row.get("auto_closed", Boolean.class)),
                Boolean.TRUE.equals(row.get("misrouted_away", Boolean.class)));
    }

    private DatabaseClient.GenericExecuteSpec bindPeriod(DatabaseClient.GenericExecuteSpec spec, Period period, Instant now,
                                                         String opdCode, boolean fromLog) {
        spec = spec.bind("from", period.start())
                .bind("to", period.end())
                .bind("now", now);
        if (fromLog) {
            spec = spec.bind("minReply", minReply);
        }
        return opdCode == null ? spec : spec.bind("opd", opdCode);
    }

    private static Figures toFigures(Readable row) {
        return new Figures(
                toInt(row, "received"),
                toInt(row, "misrouted_away"),
                toInt(row, "replied"),
                row.get("median_reply", Double.class),
                row.get("p90_reply", Double.class),
                toInt(row, "reply_on_time"),
                toInt(row, "reply_decided"),
                toInt(row, "fix_on_time"),
                toInt(row, "fix_decided"),
                toInt(row, "resolved"),
                toInt(row, "reopened"),
                toInt(row, "rated"),
                row.get("average_rating", Double.class),
                toInt(row, "closed"),
                toInt(row, "auto_closed"),
                0, 0,
                toInt(row, "fix_on_time_unverified"),
                toInt(row, "auto_closed_verified"));
    }

    private static int toInt(Readable row, String column) {
        return (int) toLong(row, column);
    }

    private static long toLong(Readable row, String column) {
        Number n = row.get(column, Number.class);
        return n == null ? 0 : n.longValue();
    }
}
