package id.go.cilegon.juare.complaint;

import id.go.cilegon.juare.auth.Caller;
import id.go.cilegon.juare.auth.CurrentCaller;
import id.go.cilegon.juare.graphql.Lifecycle;
import id.go.cilegon.juare.platform.ApiException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/**
 * The complaints a dashboard query covers: what the caller may see, intersected with the filter, as a SQL condition
 * on the {@code complaint} table with its bound parameters. Operators, the mayor and admins see every complaint;
 * OPD staff their own OPD's only, so asking for another OPD gives nothing rather than an error.
 * <p>
 * The one place a ComplaintFilter becomes SQL: complaintCounts, complaintMap and the complaints list all use it, so a
 * counter and the list behind it cannot disagree. The overdue rules ({@link #replyOverdue}, {@link #fixOverdue}) are
 * the ones the counters count with.
 *
 * @param condition  SQL over the complaint table's columns, never containing a value
 * @param parameters the values of the condition's named parameters
 * @param cells      the part of the condition on status, opd_code, kecamatan_code and category_code only (the caller's
 *                   own OPD and the filter's lists), with the same parameters: valid on any table with those columns,
 *                   such as complaintCounts' summaries (ADR 0037)
 * @param from       the filter's from (filing time, inclusive), or null
 * @param to         the filter's to (exclusive), or null
 * @param overdue    the filter's overdue restriction, or null
 */
public record ComplaintScope(String condition, Map<String, Object> parameters, String cells, Instant from, Instant to,
                             OverdueFilter overdue) {

    /** Off only in FlatReadsBenchmark's "before" variant: the statuses as a bound array, as before ADR 0041. */
    static volatile boolean statusesAsLiterals = true;

    /** Every complaint (for the platform's own metrics, never for a caller). */
    public static final ComplaintScope EVERYTHING = new ComplaintScope("TRUE", Map.of(), "TRUE", null, null, null);

    /** At an OPD: where the clocks run and can breach (docs/lifecycle.md). */
    private static final String AT_OPD = Lifecycle.sqlIn("status", Lifecycle.AT_OPD);

    /**
     * Reply overdue at {@code now} (an SQL expression, e.g. a parameter {@code :now}): at an OPD, no real first reply,
     * past the reply deadline (the clock job's rule, V3's partial index).
     */
    public static String replyOverdue(String now) {
        return AT_OPD + " AND first_reply_at IS NULL AND reply_due_at < " + now;
    }

    /** Fix overdue at {@code now}: at an OPD (so not resolved), past the fix deadline. */
    public static String fixOverdue(String now) {
        return AT_OPD + " AND fix_due_at < " + now;
    }

    /** The calling staff member's scope, overdue judged at {@code now}; or UNAUTHENTICATED / FORBIDDEN. */
    public static Mono<ComplaintScope> ofCaller(ComplaintFilter filter, Instant now) {
        return CurrentCaller.staff()
                .map(caller -> of(caller, filter, now));
    }

    /** Throws FORBIDDEN for staff who see no complaints, INVALID_INPUT for a filter that makes no sense. */
    public static ComplaintScope of(Caller caller, ComplaintFilter filter, Instant now) {
        if (caller.seesAllComplaints()) {
            return build(validated(filter), null, now);
        }
        if (caller.isOpdStaff()) {
            return build(validated(filter), caller.opdCode(), now);
        }
        throw ApiException.forbidden();
    }

    private static ComplaintFilter validated(ComplaintFilter filter) {
        ComplaintFilter f = filter == null ? ComplaintFilter.NONE : filter;
        if (f.from() != null && f.to() != null && !f.from().isBefore(f.to())) {
            throw ApiException.invalidInput("complaint.filter.from-before-to");
        }
        return f;
    }

    private static ComplaintScope build(ComplaintFilter filter, String onlyOpd, Instant now) {
        List<String> conditions = new ArrayList<>();
        Map<String, Object> parameters = new LinkedHashMap<>();
        if (onlyOpd != null) {
            conditions.add("opd_code = :scopeOwnOpd");
            parameters.put("scopeOwnOpd", onlyOpd);
        }
        anyOf(conditions, parameters, "opd_code", "scopeOpds", filter.opdCodes());
        anyOf(conditions, parameters, "kecamatan_code", "scopeKecamatan", filter.kecamatanCodes());
        anyOf(conditions, parameters, "category_code", "scopeCategories", filter.categoryCodes());
        if (filter.statuses() != null && !filter.statuses().isEmpty()) {
            if (statusesAsLiterals) {
                // literals, not a bound array: a cached (generic) plan can then still prove a partial index's
                // predicate (status NOT IN finished: complaint_open_created; ADR 0041).
                // The names are our enum's, never a caller's text.
                conditions.add("status IN (" + filter.statuses().stream().distinct().sorted()
                        .map(status -> "'" + status.name() + "'").collect(java.util.stream.Collectors.joining(", ")) + ")");
            } else {
                anyOf(conditions, parameters, "status", "scopeStatuses", filter.statuses().stream().map(ComplaintStatus::name).toList());
            }
        }
        String cells = conditions.isEmpty() ? "TRUE" : String.join(" AND ", conditions);
        if (filter.from() != null) {
            conditions.add("created_at >= :scopeFrom");
            parameters.put("scopeFrom", filter.from());
        }
        if (filter.to() != null) {
            conditions.add("created_at < :scopeTo");
            parameters.put("scopeTo", filter.to());
        }
        if (filter.overdue() != null) {
            conditions.add(switch (filter.overdue()) {
                case REPLY -> "(" + replyOverdue(":scopeNow") + ")";
                case FIX -> "(" + fixOverdue(":scopeNow") + ")";
                case ANY -> "((" + replyOverdue(":scopeNow") + ") OR (" + fixOverdue(":scopeNow") + "))";
            });
            parameters.put("scopeNow", now);
        }
        String condition = conditions.isEmpty() ? "TRUE" : String.join(" AND ", conditions);
        return new ComplaintScope(condition, Map.copyOf(parameters), cells, filter.from(), filter.to(), filter.overdue());
    }

    /** column = ANY(:parameter), for a non-empty list; the column names are ours, the values are bound. */
    private static void anyOf(List<String> conditions, Map<String, Object> parameters, String column, String parameter,
                              List<String> values) {
        if (values == null || values.isEmpty()) {
            return;
        }
        conditions.add(column + " = ANY(:" + parameter + ")");
        parameters.put(parameter, values.toArray(String[]::new));
    }

    /** Binds the condition's parameters to a statement that contains it. */
    public DatabaseClient.GenericExecuteSpec bindTo(DatabaseClient.GenericExecuteSpec spec) {
        DatabaseClient.GenericExecuteSpec bound = spec;
        for (Map.Entry<String, Object> parameter : parameters.entrySet()) {
            bound = bound.bind(parameter.getKey(), parameter.getValue());
        }
        return bound;
    }
}
