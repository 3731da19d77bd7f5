package id.go.cilegon.juare.overview.internal;

import id.go.cilegon.juare.complaint.ComplaintStatus;
import id.go.cilegon.juare.complaint.ComplaintScope;
import id.go.cilegon.juare.complaint.OverdueFilter;
import id.go.cilegon.juare.graphql.Lifecycle;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;

/**
 * Complaint counts in one aggregate query: per status, per OPD and status, per kecamatan and status, from summaries
 * kept with every change (ADR 0037); and, when asked for, the OPDs' median reply times in a second one.
 */
@Repository
class ComplaintCountsRepository {

    private final DatabaseClient db;

    ComplaintCountsRepository(DatabaseClient db) {
        this.db = db;
    }

    /**
     * One row per (status), (OPD, status) and (kecamatan, status) with complaints; the overdue rules are the
     * clock job's (V3's partial indexes), evaluated at {@code now}: ComplaintScope's, the same the overdue filter uses.
     * From the summaries of V15_1 and V15_45 (ADR 0037), with an overdue filter too.
     */
    Flux<CountRow> countRows(ComplaintScope scope, Instant now) {
        return countRowsFromSummary(scope, now);
    }

    /** The reference: every complaint in scope, counted from the complaint rows (what countRows did before V15_1). */
    Flux<CountRow> countRowsDirect(ComplaintScope scope, Instant now) {
        DatabaseClient.GenericExecuteSpec spec = db.sql("""
                        SELECT GROUPING(opd_code, kecamatan_code) AS grouping_level, opd_code, kecamatan_code, status,
                               count(*) AS total,
                               count(*) FILTER (WHERE %1$s) AS reply_overdue,
                               count(*) FILTER (WHERE %2$s) AS fix_overdue
                        FROM complaint
                        WHERE %3$s
                        GROUP BY GROUPING SETS ((status), (opd_code, status), (kecamatan_code, status))"""
                        .formatted(ComplaintScope.replyOverdue(":now"), ComplaintScope.fixOverdue(":now"), scope.condition()))
                .bind("now", now);
        return scope.bindTo(spec)
                .map(ComplaintCountsRepository::toRow)
                .all();
    }

    /** Complaints at an OPD. */
    private static final String AT_OPD = Lifecycle.sqlIn("status", Lifecycle.AT_OPD);
    /**
     * A complaint at an OPD with a running deadline on today's UTC date (the day of {@code :now}): whether it is overdue
     * depends on the hour, so it is judged from its row. Every other complaint at an OPD is overdue now exactly when a
     * deadline's day is before today, which complaint_due_tally answers by its days (ADR 0037).
     */
    private static final String DUE_TODAY = "(first_reply_at IS NULL AND reply_due_at >= :todayStart AND reply_due_at < :tomorrowStart"
            + " OR fix_due_at >= :todayStart AND fix_due_at < :tomorrowStart)";
    /** The same split on complaint_due_tally's rows: the ones with no deadline today. */
    private static final String NOT_DUE_TODAY = "reply_due_day IS DISTINCT FROM :today AND fix_due_day IS DISTINCT FROM :today";
    private static final String REPLY_DAY_PASSED = "reply_due_day < :today";
    private static final String FIX_DAY_PASSED = "fix_due_day < :today";

    /**
     * The same rows as {@link #countRowsDirect}, added up from V15_1's summaries: the totals from complaint_tally (the
     * all-days rows without a period; with one, the WIB days it covers whole, and the complaint rows of the part days
     * at its ends); overdue now from complaint_due_tally (all days, or the period's whole days) for complaints with no
     * deadline today, and from the complaint rows for those with one (and for the part days). With an overdue filter
     * the totals are the overdue ones, from the same parts.
     */
    Flux<CountRow> countRowsFromSummary(ComplaintScope scope, Instant now) {
        SummaryQuery query = summaryQuery(scope, now);
        return scope.bindTo(query.bindTo(db.sql(query.sql())))
                .map(ComplaintCountsRepository::toRow)
                .all();
    }

    /** The statement {@link #countRowsFromSummary} sends, with the parameters it binds besides the scope's. */
    record SummaryQuery(String sql, Map<String, Object> parameters) {

        DatabaseClient.GenericExecuteSpec bindTo(DatabaseClient.GenericExecuteSpec spec) {
            for (Map.Entry<String, Object> parameter : parameters.entrySet()) {
                // the parts this scope needs only (a name bound but not in the statement is an error)
                if (java.util.regex.Pattern.compile(":" + parameter.getKey() + "\\b").matcher(sql).find()) {
                    spec = spec.bind(parameter.getKey(), parameter.getValue());
                }
            }
            return spec;
        }
    }

    SummaryQuery summaryQuery(ComplaintScope scope, Instant now) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("now", now);
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        parameters.put("today", today);
        parameters.put("todayStart", today.atStartOfDay(ZoneOffset.UTC).toInstant());
        parameters.put("tomorrowStart", today.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
        boolean filtered = scope.overdue() != null;
        List<String> parts = new ArrayList<>();
        // summary rows: created_day NULL (all days), or the period's whole days; complaint rows: all, or whole days'
        String tallyDays;
        String wholeDays;
        // complaint rows counted whole (the part days at a period's ends), or null
        String rowDays = null;
        if (scope.from() == null && scope.to() == null) {
            tallyDays = "created_day IS NULL";
            wholeDays = "TRUE";
        } else {
            Days days = Days.of(scope.from(), scope.to());
            if (days.any()) {
                List<String> range = new ArrayList<>();
                List<String> rowRange = new ArrayList<>();
                if (days.from() != null) {
                    range.add("created_day >= :dayFrom");
                    rowRange.add("created_at >= :dayFromStart");
                    parameters.put("dayFrom", days.from());
                    parameters.put("dayFromStart", days.fromStart());
                }
                if (days.to() != null) {
                    range.add("created_day < :dayTo");
                    rowRange.add("created_at < :dayToStart");
                    parameters.put("dayTo", days.to());
                    parameters.put("dayToStart", days.toStart());
                }
                tallyDays = range.isEmpty() ? "created_day IS NOT NULL" : String.join(" AND ", range);
                wholeDays = rowRange.isEmpty() ? "TRUE" : String.join(" AND ", rowRange);
                List<String> ends = new ArrayList<>();
                if (scope.from() != null && scope.from().isBefore(days.fromStart())) {
                    ends.add("created_at < :dayFromStart");
                }
                if (scope.to() != null && days.toStart().isBefore(scope.to())) {
                    ends.add("created_at >= :dayToStart");
                }
                if (!ends.isEmpty()) {
                    rowDays = String.join(" OR ", ends);
                }
            } else {
                tallyDays = "FALSE";
                wholeDays = "FALSE";
                rowDays = "TRUE";
            }
        }
        if (!filtered) {
            // the folded rows and the deltas apart: each then has an index that holds its rows (complaint_tally_key,
            // complaint_tally_deltas, both partial); together, no index held them all and PostgreSQL read the whole
            // summary, one row per day and cell since the city began (24 ms after nine years: flat.md)
            for (String folded : List.of("compacted", "NOT compacted")) {
                parts.add("SELECT status, opd_code, kecamatan_code, n, 0, 0 FROM complaint_tally WHERE " + folded + " AND "
                        + tallyDays + " AND " + scope.cells());
            }
            if (rowDays != null) {
                parts.add("SELECT status, opd_code, kecamatan_code, 1, 0, 0 FROM complaint WHERE %s AND (%s)"
                        .formatted(scope.condition(), rowDays));
            }
        }
        // overdue now: the summary's rows without a deadline today, judged by their days
        String inScope = scope.overdue() == OverdueFilter.REPLY ? REPLY_DAY_PASSED
                : scope.overdue() == OverdueFilter.FIX ? FIX_DAY_PASSED
                : "(" + REPLY_DAY_PASSED + " OR " + FIX_DAY_PASSED + ")";
        parts.add("""
                SELECT status, opd_code, kecamatan_code, %1$s,
                       CASE WHEN %2$s THEN n ELSE 0 END, CASE WHEN %3$s THEN n ELSE 0 END
                FROM complaint_due_tally
                WHERE %4$s AND %5$s AND %6$s AND %7$s""".formatted(filtered ? "n" : "0", REPLY_DAY_PASSED,
                FIX_DAY_PASSED, inScope, NOT_DUE_TODAY, tallyDays, scope.cells()));
        // and the complaint rows: the ones with a deadline today (of the whole days; through the at-OPD deadline
        // indexes), and the part days' complaints, all of them. The at-OPD condition once only: PostgreSQL takes
        // each copy of it as one more condition as selective, and three made it scan every complaint at an OPD.
        String reply = ComplaintScope.replyOverdue(":now");
        String fix = ComplaintScope.fixOverdue(":now");
        String overdueRow = """
                SELECT status, opd_code, kecamatan_code, %s, CASE WHEN %s THEN 1 ELSE 0 END, CASE WHEN %s THEN 1 ELSE 0 END
                FROM complaint
                WHERE %s AND %s""";
        // with a filter the scope's condition holds the overdue rule (and so the at-OPD one)
        String total = filtered ? "1" : "0";
        String overdueNow = filtered ? "TRUE" : "((" + reply + ") OR (" + fix + "))";
        if (!wholeDays.equals("FALSE")) {
            parts.add(overdueRow.formatted(total, reply, fix, scope.condition(),
                    (filtered ? "" : AT_OPD + " AND ") + wholeDays + " AND " + DUE_TODAY));
        }
        if (rowDays != null) {
            parts.add(overdueRow.formatted(total, reply, fix, scope.condition(), overdueNow + " AND (" + rowDays + ")"));
        }
        String sql = """
                WITH part (status, opd_code, kecamatan_code, n, reply_overdue, fix_overdue) AS (
                    %s
                )
                SELECT GROUPING(opd_code, kecamatan_code) AS grouping_level, opd_code, kecamatan_code, status,
                       sum(n) AS total, sum(reply_overdue) AS reply_overdue, sum(fix_overdue) AS fix_overdue
                FROM part
                GROUP BY GROUPING SETS ((status), (opd_code, status), (kecamatan_code, status))
                HAVING sum(n) > 0""".formatted(String.join("\n    UNION ALL\n", parts));
        return new SummaryQuery(sql, parameters);
    }

    /**
     * The WIB days a filing period covers whole: [from, to) as dates, each null for no bound; {@code fromStart} and
     * {@code toStart} are where they begin. None when the period lies within two days (from's next midnight not
     * before to's).
     */
    record Days(LocalDate from, LocalDate to, Instant fromStart, Instant toStart) {

        static final ZoneId WIB = ZoneId.of("Asia/Jakarta");

        static Days of(Instant from, Instant to) {
            LocalDate first = null;
            Instant firstStart = null;
            if (from != null) {
                first = LocalDate.ofInstant(from, WIB);
                firstStart = first.atStartOfDay(WIB).toInstant();
                if (firstStart.isBefore(from)) {
                    first = first.plusDays(1);
                    firstStart = first.atStartOfDay(WIB).toInstant();
                }
            }
            LocalDate end = null;
            Instant endStart = null;
            if (to != null) {
                end = LocalDate.ofInstant(to, WIB);
                endStart = end.atStartOfDay(WIB).toInstant();
            }
            return new Days(first, end, firstStart, endStart);
        }

        boolean any() {
            return from == null || to == null || from.isBefore(to);
        }
    }

    /**
     * Per OPD, in one query: the median seconds from dispatch to the first reply over the complaints in scope that
     * were dispatched at or after {@code since} and have a reply. A reroute starts both over (new dispatched_at, no
     * first reply yet), so each complaint counts for the OPD it is with now, from when it got there.
     */
    Flux<MedianReply> medianReplySeconds(ComplaintScope scope, Instant since) {
        return scope.bindTo(db.sql(medianStatement(scope)).bind("since", since))
                .map(row -> new MedianReply(row.get("opd_code", String.class),
                        Math.toIntExact(Math.round(row.get("median_seconds", Double.class)))))
                .all();
    }

    /** {@link #medianReplySeconds}'s statement (through complaint_replied_by_dispatch, V15_46), bound by {@code :since}. */
    static String medianStatement(ComplaintScope scope) {
        return """
                SELECT opd_code,
                       percentile_cont(0.5) WITHIN GROUP (
                           ORDER BY extract(epoch FROM first_reply_at - dispatched_at)) AS median_seconds
                FROM complaint
                WHERE %s
                  AND opd_code IS NOT NULL AND dispatched_at >= :since AND first_reply_at IS NOT NULL
                GROUP BY opd_code""".formatted(scope.condition());
    }

    record MedianReply(String opdCode, int seconds) {
    }

    private static CountRow toRow(Readable row) {
        int level = row.get("grouping_level", Integer.class);
        return new CountRow(
                Grouping.of(level),
                row.get("opd_code", String.class),
                row.get("kecamatan_code", String.class),
                ComplaintStatus.valueOf(row.get("status", String.class)),
                row.get("total", Long.class),
                row.get("reply_overdue", Long.class),
                row.get("fix_overdue", Long.class));
    }

    /** Which grouping set a row belongs to. */
    enum Grouping {
        STATUS, OPD, KECAMATAN;

        /** GROUPING(opd_code, kecamatan_code): a set bit is a column not grouped by. */
        static Grouping of(int level) {
            return switch (level) {
                case 3 -> STATUS;
                case 1 -> OPD;
                case 2 -> KECAMATAN;
                default -> throw new IllegalStateException("Unexpected grouping level " + level);
            };
        }
    }

    record CountRow(Grouping grouping, String opdCode, String kecamatanCode, ComplaintStatus status, long total,
                    long replyOverdue, long fixOverdue) {
    }
}
