package id.go.cilegon.juare.complaint;

import id.go.cilegon.juare.graphql.Lifecycle;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * The statuses as the backend stores them; the same names, order and categories as {@link Lifecycle.Status}, the one
 * definition shared with the dashboard (docs/lifecycle.md). What a status means (open, at an OPD, …) is asked of it
 * here, never written out again.
 */
public enum ComplaintStatus {
    SUBMITTED,
    DISPATCHED,
    IN_PROGRESS,
    RESOLVED,
    CLOSED,
    REJECTED,
    REOPENED;

    static {
        // fails at class load if the two ever differ: one definition, two handles
        for (ComplaintStatus s : values()) {
            if (Lifecycle.Status.values()[s.ordinal()] != Lifecycle.Status.valueOf(s.name())) {
                throw new IllegalStateException("ComplaintStatus differs from Lifecycle.Status at " + s);
            }
        }
        if (values().length != Lifecycle.Status.values().length) {
            throw new IllegalStateException("ComplaintStatus differs from Lifecycle.Status");
        }
    }

    /** The shared definition of this status. */
    public Lifecycle.Status lifecycle() {
        return Lifecycle.Status.values()[ordinal()];
    }

    public Lifecycle.Category category() {
        return lifecycle().category();
    }

    /** Not finished. */
    public boolean isOpen() {
        return lifecycle().isOpen();
    }

    /** An OPD holds it: its clocks can breach; it is in the OPD's queue. */
    public boolean isAtOpd() {
        return lifecycle().isAtOpd();
    }

    public static ComplaintStatus of(Lifecycle.Status status) {
        return values()[status.ordinal()];
    }

    /** The backend's handles of a shared set ({@link Lifecycle#AT_OPD}, …). */
    public static Set<ComplaintStatus> in(Set<Lifecycle.Status> statuses) {
        EnumSet<ComplaintStatus> set = EnumSet.noneOf(ComplaintStatus.class);
        statuses.forEach(s -> set.add(of(s)));
        return Collections.unmodifiableSet(set);
    }

    /** {@code 'DISPATCHED', 'IN_PROGRESS', 'REOPENED'}: for SQL, never written by hand (Lifecycle.sqlList). */
    public static String sqlList(Set<ComplaintStatus> statuses) {
        return Lifecycle.sqlList(shared(statuses));
    }

    /** {@code column IN (…)}, or {@code column = '…'} for one status. */
    public static String sqlIn(String column, Set<ComplaintStatus> statuses) {
        return Lifecycle.sqlIn(column, shared(statuses));
    }

    private static Set<Lifecycle.Status> shared(Set<ComplaintStatus> statuses) {
        EnumSet<Lifecycle.Status> set = EnumSet.noneOf(Lifecycle.Status.class);
        statuses.forEach(s -> set.add(s.lifecycle()));
        return set;
    }
}
