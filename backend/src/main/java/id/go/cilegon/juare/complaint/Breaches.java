package id.go.cilegon.juare.complaint;

import java.time.Instant;

/**
 * Who a missed deadline belongs to (issue 12, ADR 0022), decided once for the lifecycle and the demo's simulations:
 * a breach while an OPD held a complaint stays that OPD's, whatever happens after.
 */
public final class Breaches {

    private Breaches() {
    }

    /**
     * Whether a reroute takes the assignment off the first OPD's record: only when the operator says it was misrouted
     * AND the OPD handed it back ({@code handedBackAt}: its first transfer request of the assignment, or the reroute
     * itself when the operator acted first) before its reply deadline. Asking late erases nothing.
     */
    public static boolean excused(boolean misrouted, Instant handedBackAt, Instant replyDueAt) {
        return misrouted && replyDueAt != null && handedBackAt.isBefore(replyDueAt);
    }
}
