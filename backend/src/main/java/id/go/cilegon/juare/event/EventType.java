package id.go.cilegon.juare.event;

/** What happened to a complaint; the same names as the GraphQL enum ComplaintEventType. */
public enum EventType {
    SUBMITTED,
    DISPATCHED,
    REJECTED,
    MARKED_DUPLICATE,
    REPLIED,
    INTERNAL_NOTE,
    TRANSFER_REQUESTED,
    TRANSFER_DECLINED,
    REROUTED,
    RESOLVED,
    CONFIRMED,
    DISPUTED,
    AUTO_CLOSED,
    REPLY_OVERDUE,
    FIX_OVERDUE,
    /** An operator checked an auto-closed fix and found it done (verified fixes, issue 12). */
    FIX_VERIFIED,
    /** An operator checked an auto-closed fix and found it not done: re-opened, counted as a dispute. */
    FIX_REJECTED
}
