package id.go.cilegon.juare.dashboard.commandcentre;

import id.go.cilegon.juare.dashboard.base.Wib;
import id.go.cilegon.juare.graphql.Lifecycle;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Which complaints a number counts, as the backend's ComplaintFilter, and as the query string of the list behind it
 * ({@code /complaints?opd=DPUPR&overdue=reply}): a link anyone can share and open again later. Unknown or malformed
 * parameters are left out rather than refused (a link cut short in a chat still opens a list).
 *
 * @param opdCode    one OPD, or null
 * @param statuses   status names (the lifecycle's), empty: any
 * @param overdue    REPLY, FIX, ANY or null
 * @param filedSince complaints filed since 00:00 WIB of this day, or null
 */
public record ComplaintListFilter(String opdCode, List<String> statuses, String overdue, LocalDate filedSince)
        implements Serializable {

    public static final Set<String> OVERDUE = Set.of("REPLY", "FIX", "ANY");

    public ComplaintListFilter {
        statuses = statuses == null ? List.of() : List.copyOf(statuses);
    }

    public static ComplaintListFilter none() {
        return new ComplaintListFilter(null, List.of(), null, null);
    }

    /**
     * The list behind a command-centre counter (ids as in {@link Counter}), or null for a counter that has none
     * ("resolved today" counts events in today's shifts, not complaints a filter can select).
     */
    public static ComplaintListFilter forCounter(String counterId, Instant now) {
        return switch (counterId) {
            case "new-today" -> new ComplaintListFilter(null, List.of(), null, LocalDate.ofInstant(now, Wib.ZONE));
            case "open" -> new ComplaintListFilter(null, List.copyOf(CommandCentreOverview.OPEN_STATUSES), null, null);
            case "reply-overdue" -> new ComplaintListFilter(null, List.of(), "REPLY", null);
            case "fix-overdue" -> new ComplaintListFilter(null, List.of(), "FIX", null);
            default -> null;
        };
    }

    /** An OPD's cell of the command centre: open (at the OPD), reply or fix overdue, or all it holds ("total"). */
    public static ComplaintListFilter forOpdCell(String opdCode, String column) {
        return switch (column) {
            case "open" -> new ComplaintListFilter(opdCode, List.copyOf(Lifecycle.names(Lifecycle.AT_OPD)), null, null);
            case "replyOverdue" -> new ComplaintListFilter(opdCode, List.of(), "REPLY", null);
            case "fixOverdue" -> new ComplaintListFilter(opdCode, List.of(), "FIX", null);
            default -> new ComplaintListFilter(opdCode, List.of(), null, null);
        };
    }

    public static ComplaintListFilter fromQueryParameters(Map<String, List<String>> parameters) {
        String opd = first(parameters, "opd");
        if (opd != null && !opd.matches("[A-Za-z0-9_-]{1,40}")) {
            opd = null;
        }
        List<String> statuses = new ArrayList<>();
        String statusList = first(parameters, "status");
        if (statusList != null) {
            Arrays.stream(statusList.split(","))
                    .map(s -> s.strip().toUpperCase(Locale.ROOT))
                    .filter(s -> Lifecycle.categoryOf(s) != null)
                    .distinct()
                    .forEach(statuses::add);
        }
        String overdue = first(parameters, "overdue");
        overdue = overdue == null ? null : overdue.toUpperCase(Locale.ROOT);
        if (overdue != null && !OVERDUE.contains(overdue)) {
            overdue = null;
        }
        LocalDate since = null;
        String from = first(parameters, "from");
        if (from != null) {
            try {
                since = LocalDate.parse(from);
            } catch (DateTimeParseException e) {
                since = null;
            }
        }
        return new ComplaintListFilter(opd, statuses, overdue, since);
    }

    private static String first(Map<String, List<String>> parameters, String name) {
        List<String> values = parameters.get(name);
        return values == null || values.isEmpty() || values.getFirst().isBlank() ? null : values.getFirst();
    }

    /** The query string's parameters, in a fixed order. */
    public Map<String, List<String>> toQueryParameters() {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        if (opdCode != null) {
            parameters.put("opd", List.of(opdCode));
        }
        if (!statuses.isEmpty()) {
            parameters.put("status", List.of(String.join(",", statuses)));
        }
        if (overdue != null) {
            parameters.put("overdue", List.of(overdue.toLowerCase(Locale.ROOT)));
        }
        if (filedSince != null) {
            parameters.put("from", List.of(filedSince.toString()));
        }
        return parameters;
    }

    /** {@code complaints?opd=…}: a relative link to the list. */
    public String href() {
        StringBuilder href = new StringBuilder("complaints");
        char separator = '?';
        for (Map.Entry<String, List<String>> parameter : toQueryParameters().entrySet()) {
            href.append(separator).append(parameter.getKey()).append('=')
                    .append(java.net.URLEncoder.encode(parameter.getValue().getFirst(), java.nio.charset.StandardCharsets.UTF_8));
            separator = '&';
        }
        return href.toString();
    }

    /** The GraphQL ComplaintFilter. */
    public Map<String, Object> toGraphQl() {
        Map<String, Object> filter = new LinkedHashMap<>();
        if (opdCode != null) {
            filter.put("opdCodes", List.of(opdCode));
        }
        if (!statuses.isEmpty()) {
            filter.put("statuses", statuses);
        }
        if (overdue != null) {
            filter.put("overdue", overdue);
        }
        if (filedSince != null) {
            filter.put("from", filedSince.atStartOfDay(Wib.ZONE).toInstant().toString());
        }
        return filter;
    }

    /**
     * What the list is called, as a translation key of commandcentre_*.properties: the command centre's own label when
     * the filter is one of its numbers, a general one otherwise.
     */
    public String titleKey() {
        if (overdue != null) {
            return "cc.list.title.overdue." + overdue.toLowerCase(Locale.ROOT);
        }
        if (filedSince != null && statuses.isEmpty()) {
            return "cc.list.title.filedSince";
        }
        if (Set.copyOf(statuses).equals(Lifecycle.names(Lifecycle.WITH_CITY))) {
            return "cc.list.title.open";
        }
        if (Set.copyOf(statuses).equals(Lifecycle.names(Lifecycle.AT_OPD))) {
            return "cc.list.title.atOpd";
        }
        return "cc.list.title.all";
    }
}
