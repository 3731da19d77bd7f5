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
    /** An operator checked a fix that closed by itself: really done (ADR 0021). */
    FIX_VERIFIED,
    /** An operator checked a fix that closed by itself: not done; reopened, counted as a dispute (ADR 0021). */
    FIX_REJECTED
}
