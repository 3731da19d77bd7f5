package id.go.cilegon.juare.overview.internal;

import id.go.cilegon.juare.auth.Caller;
import id.go.cilegon.juare.auth.CurrentCaller;
import id.go.cilegon.juare.complaint.ComplaintStatus;
import id.go.cilegon.juare.platform.ApiException;
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
 *
 * @param condition  SQL over the complaint table's columns, never containing a value
 * @param parameters the values of the condition's named parameters
 */
record ComplaintScope(String condition, Map<String, Object> parameters) {

    /** Every complaint (for the platform's own metrics, never for a caller). */
    static final ComplaintScope EVERYTHING = new ComplaintScope("TRUE", Map.of());

    /** The calling staff member's scope, or UNAUTHENTICATED / FORBIDDEN. */
    static Mono<ComplaintScope> ofCaller(ComplaintFilter filter) {
        return CurrentCaller.staff()
                .map(caller -> of(caller, filter));
    }

    /** Throws FORBIDDEN for staff who see no complaints, INVALID_INPUT for a filter that makes no sense. */
    static ComplaintScope of(Caller caller, ComplaintFilter filter) {
        if (caller.seesAllComplaints()) {
            return build(validated(filter), null);
        }
        if (caller.isOpdStaff()) {
            return build(validated(filter), caller.opdCode());
        }
        throw ApiException.forbidden();
    }

    private static ComplaintFilter validated(ComplaintFilter filter) {
        ComplaintFilter f = filter == null ? ComplaintFilter.NONE : filter;
        if (f.from() != null && f.to() != null && !f.from().isBefore(f.to())) {
            throw ApiException.invalidInput("from harus sebelum to / from must be before to");
        }
        return f;
    }

    private static ComplaintScope build(ComplaintFilter filter, String onlyOpd) {
        List<String> conditions = new ArrayList<>();
        Map<String, Object> parameters = new LinkedHashMap<>();
        if (onlyOpd != null) {
            conditions.add("opd_code = :scopeOwnOpd");
            parameters.put("scopeOwnOpd", onlyOpd);
        }
        anyOf(conditions, parameters, "opd_code", "scopeOpds", filter.opdCodes());
        anyOf(conditions, parameters, "kecamatan_code", "scopeKecamatan", filter.kecamatanCodes());
        anyOf(conditions, parameters, "category_code", "scopeCategories", filter.categoryCodes());
        if (filter.statuses() != null) {
            List<String> statuses = filter.statuses().stream().map(ComplaintStatus::name).toList();
            anyOf(conditions, parameters, "status", "scopeStatuses", statuses);
        }
        if (filter.from() != null) {
            conditions.add("created_at >= :scopeFrom");
            parameters.put("scopeFrom", filter.from());
        }
        if (filter.to() != null) {
            conditions.add("created_at < :scopeTo");
            parameters.put("scopeTo", filter.to());
        }
        String condition = conditions.isEmpty() ? "TRUE" : String.join(" AND ", conditions);
        return new ComplaintScope(condition, Map.copyOf(parameters));
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
    DatabaseClient.GenericExecuteSpec bindTo(DatabaseClient.GenericExecuteSpec spec) {
        DatabaseClient.GenericExecuteSpec bound = spec;
        for (Map.Entry<String, Object> parameter : parameters.entrySet()) {
            bound = bound.bind(parameter.getKey(), parameter.getValue());
        }
        return bound;
    }
}
