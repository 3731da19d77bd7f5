package id.go.cilegon.juare.dashboard.map;

import id.go.cilegon.juare.dashboard.base.Wib;
import id.go.cilegon.juare.graphql.Lifecycle;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What the command centre's map shows: a status group, OPDs, categories, a period (filed in it). As the backend's
 * {@code ComplaintFilter} ({@link #toVariable}), so the map counts what {@code complaintCounts} counts for the same.
 *
 * @param opdCodes      empty for every OPD
 * @param categoryCodes empty for every category
 */
public record MapFilter(StatusGroup statuses, Set<String> opdCodes, Set<String> categoryCodes, Period period) {

    /** What the command centre opens with: the complaints still going on, every OPD, category and date. */
    public static final MapFilter DEFAULT = new MapFilter(StatusGroup.OPEN, Set.of(), Set.of(), Period.ALL_TIME);

    public MapFilter {
        Objects.requireNonNull(statuses, "statuses");
        Objects.requireNonNull(period, "period");
        opdCodes = Set.copyOf(opdCodes);
        categoryCodes = Set.copyOf(categoryCodes);
    }

    /**
     * Which complaints: a named set of the lifecycle (never a hand-written list), or those whose deadline passed (the
     * backend's {@code overdue}, as the command centre's overdue counters count them).
     */
    public enum StatusGroup {
        /** Not finished (the lifecycle's OPEN): closed and rejected ones left out, resolved ones still shown. */
        OPEN(Lifecycle.OPEN, null),
        /** Still at the OPD with the reply or the fix deadline passed. */
        OVERDUE(Lifecycle.ALL, "ANY"),
        /** As the "reply overdue" counter. */
        REPLY_OVERDUE(Lifecycle.ALL, "REPLY"),
        /** As the "fix overdue" counter. */
        FIX_OVERDUE(Lifecycle.ALL, "FIX"),
        /** Every status, closed and rejected too. */
        ALL(Lifecycle.ALL, null);

        private final Set<Lifecycle.Status> statuses;
        private final String overdue;

        StatusGroup(Set<Lifecycle.Status> statuses, String overdue) {
            this.statuses = statuses;
            this.overdue = overdue;
        }

        /** The statuses to ask for; null when every status is wanted (no condition). */
        List<String> names() {
            return statuses.equals(Lifecycle.ALL) ? null : List.copyOf(Lifecycle.names(statuses));
        }

        /** The statuses a complaint in the group can have (the legend lists these): overdue ones are at an OPD. */
        public List<String> shown() {
            return List.copyOf(Lifecycle.names(overdue == null ? statuses : Lifecycle.AT_OPD));
        }

        /** The backend's {@code OverdueFilter}, or null. */
        String overdue() {
            return overdue;
        }
    }

    /** Filed when: days are WIB days, today included. */
    public enum Period {
        ALL_TIME(0), TODAY(1), LAST_7_DAYS(7), LAST_30_DAYS(30);

        private final int days;

        Period(int days) {
            this.days = days;
        }

        /** The first instant of the period, or null for all time. */
        Instant from(Instant now) {
            return days == 0 ? null : Wib.startOfDay(now).minus(Duration.ofDays(days - 1L));
        }
    }

    public MapFilter withStatuses(StatusGroup group) {
        return new MapFilter(group, opdCodes, categoryCodes, period);
    }

    public MapFilter withOpdCodes(Set<String> codes) {
        return new MapFilter(statuses, codes, categoryCodes, period);
    }

    public MapFilter withCategoryCodes(Set<String> codes) {
        return new MapFilter(statuses, opdCodes, codes, period);
    }

    public MapFilter withPeriod(Period p) {
        return new MapFilter(statuses, opdCodes, categoryCodes, p);
    }

    /** The backend's {@code ComplaintFilter} at {@code now}; null when it asks for nothing (every complaint). */
    public Map<String, Object> toVariable(Instant now) {
        Map<String, Object> filter = new LinkedHashMap<>();
        List<String> names = statuses.names();
        if (names != null) {
            filter.put("statuses", names);
        }
        if (statuses.overdue() != null) {
            filter.put("overdue", statuses.overdue());
        }
        if (!opdCodes.isEmpty()) {
            filter.put("opdCodes", sorted(opdCodes));
        }
        if (!categoryCodes.isEmpty()) {
            filter.put("categoryCodes", sorted(categoryCodes));
        }
        Instant from = period.from(now);
        if (from != null) {
            filter.put("from", from.toString());
        }
        return filter.isEmpty() ? null : filter;
    }

    private static List<String> sorted(Set<String> codes) {
        List<String> list = new ArrayList<>(codes);
        list.sort(null);
        return list;
    }
}
