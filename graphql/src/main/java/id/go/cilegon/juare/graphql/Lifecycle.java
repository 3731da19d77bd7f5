package id.go.cilegon.juare.graphql;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The complaint statuses and what they mean, once, for the backend (its SQL, counters, clock job, demo data) and the
 * dashboard (docs/lifecycle.md). The names are the GraphQL enum {@code ComplaintStatus}'s. Pure: no I/O.
 * <p>
 * Every status has one {@link Category}; every set of statuses anyone asks about is one of the named sets below,
 * derived from the categories. SQL and Java never spell a status list by hand: {@link #sqlList} renders one
 * (LifecycleDriftTest fails when an index predicate, a database function or a source file drifts from these).
 */
public final class Lifecycle {

    /** Who has to move next. */
    public enum Category {
        /** Filed, not yet dispatched: an operator has to read and route it. */
        WAITING_FOR_OPERATOR,
        /** An OPD holds it: its reply and fix clocks run and can breach; it is in the OPD's queue. */
        AT_OPD,
        /** The OPD says it is fixed: the resident confirms or disputes, or it closes by itself. */
        WAITING_FOR_RESIDENT,
        /** Nothing more happens to it (but a fix verification may re-open a closed one). */
        FINISHED
    }

    /** The statuses, in lifecycle order (the order counters and charts list them in). */
    public enum Status {
        SUBMITTED(Category.WAITING_FOR_OPERATOR),
        DISPATCHED(Category.AT_OPD),
        IN_PROGRESS(Category.AT_OPD),
        RESOLVED(Category.WAITING_FOR_RESIDENT),
        CLOSED(Category.FINISHED),
        REJECTED(Category.FINISHED),
        REOPENED(Category.AT_OPD);

        private final Category category;

        Status(Category category) {
            this.category = category;
        }

        public Category category() {
            return category;
        }

        /** Not finished. */
        public boolean isOpen() {
            return category != Category.FINISHED;
        }

        /** An OPD holds it: in its queue, and its clocks can breach (count as overdue). */
        public boolean isAtOpd() {
            return category == Category.AT_OPD;
        }

        /** Someone in the city has to act on it: an operator or an OPD (the command centre's "open"). */
        public boolean isWithCity() {
            return category == Category.WAITING_FOR_OPERATOR || category == Category.AT_OPD;
        }

        /** Some OPD has held it (a complaint never dispatched has no OPD: only SUBMITTED and REJECTED). */
        public boolean hasBeenAtOpd() {
            return this != SUBMITTED && this != REJECTED;
        }
    }

    /** Every status. */
    public static final Set<Status> ALL = Collections.unmodifiableSet(EnumSet.allOf(Status.class));
    /** Not finished: every category but {@link Category#FINISHED}. */
    public static final Set<Status> OPEN = where(Status::isOpen);
    /** Finished. */
    public static final Set<Status> FINISHED = of(Category.FINISHED);
    /** At an OPD: in its queue; the reply clock (while there is no real first reply) and the fix clock can breach. */
    public static final Set<Status> AT_OPD = of(Category.AT_OPD);
    /** Waiting for an operator. */
    public static final Set<Status> WAITING_FOR_OPERATOR = of(Category.WAITING_FOR_OPERATOR);
    /** Waiting for the resident: a resolution to confirm or dispute, or to close by itself. */
    public static final Set<Status> WAITING_FOR_RESIDENT = of(Category.WAITING_FOR_RESIDENT);
    /** Waiting for an operator or at an OPD: what the city still has to act on (command centre "open", daily report). */
    public static final Set<Status> WITH_CITY = where(Status::isWithCity);
    /** Never held by an OPD: no OPD on the row. */
    public static final Set<Status> NEVER_AT_OPD = where(s -> !s.hasBeenAtOpd());

    /** The named sets above by name, for documentation and the drift test. */
    public static final Map<String, Set<Status>> NAMED_SETS = named();

    private Lifecycle() {
    }

    /** The statuses of these categories. */
    public static Set<Status> of(Category... categories) {
        Set<Category> wanted = EnumSet.noneOf(Category.class);
        wanted.addAll(Arrays.asList(categories));
        return where(s -> wanted.contains(s.category()));
    }

    /** Their names (what the API and the dashboard use), in lifecycle order. */
    public static Set<String> names(Set<Status> statuses) {
        Set<String> names = statuses.stream().sorted().map(Enum::name).collect(Collectors.toCollection(LinkedHashSet::new));
        return Collections.unmodifiableSet(names);
    }

    /** An SQL list in lifecycle order, for {@code status IN (…)}: {@code 'DISPATCHED', 'IN_PROGRESS', 'REOPENED'}. */
    public static String sqlList(Set<Status> statuses) {
        if (statuses.isEmpty()) {
            throw new IllegalArgumentException("an empty status list");
        }
        return statuses.stream().sorted().map(s -> "'" + s.name() + "'").collect(Collectors.joining(", "));
    }

    /** {@code column IN (…)}, or {@code column = '…'} for one status. */
    public static String sqlIn(String column, Set<Status> statuses) {
        return statuses.size() == 1 ? column + " = " + sqlList(statuses) : column + " IN (" + sqlList(statuses) + ")";
    }

    /** The category of a status name from the API; null for a name this build does not know. */
    public static Category categoryOf(String status) {
        for (Status s : Status.values()) {
            if (s.name().equals(status)) {
                return s.category();
            }
        }
        return null;
    }

    /** Whether a status name from the API is in the set (false for an unknown name). */
    public static boolean contains(Set<Status> statuses, String status) {
        return statuses.stream().anyMatch(s -> s.name().equals(status));
    }

    private static Set<Status> where(java.util.function.Predicate<Status> test) {
        EnumSet<Status> set = EnumSet.noneOf(Status.class);
        for (Status s : Status.values()) {
            if (test.test(s)) {
                set.add(s);
            }
        }
        return Collections.unmodifiableSet(set);
    }

    private static Map<String, Set<Status>> named() {
        Map<String, Set<Status>> sets = new LinkedHashMap<>();
        sets.put("ALL", ALL);
        sets.put("OPEN", OPEN);
        sets.put("FINISHED", FINISHED);
        sets.put("AT_OPD", AT_OPD);
        sets.put("WAITING_FOR_OPERATOR", WAITING_FOR_OPERATOR);
        sets.put("WAITING_FOR_RESIDENT", WAITING_FOR_RESIDENT);
        sets.put("WITH_CITY", WITH_CITY);
        sets.put("NEVER_AT_OPD", NEVER_AT_OPD);
        return Collections.unmodifiableMap(sets);
    }
}
