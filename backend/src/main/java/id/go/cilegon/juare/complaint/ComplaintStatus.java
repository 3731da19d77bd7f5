package id.go.cilegon.juare.complaint;

/** The lifecycle (docs/design.md); the same names as the GraphQL enum. */
public enum ComplaintStatus {
    SUBMITTED,
    DISPATCHED,
    IN_PROGRESS,
    RESOLVED,
    CLOSED,
    REJECTED,
    REOPENED
}
