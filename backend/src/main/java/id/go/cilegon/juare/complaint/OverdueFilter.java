package id.go.cilegon.juare.complaint;

/** GraphQL OverdueFilter: which clock has run out on a complaint still at its OPD (see {@link ComplaintScope}). */
public enum OverdueFilter {
    /** The reply deadline passed without a first reply. */
    REPLY,
    /** The fix deadline passed unresolved. */
    FIX,
    /** Either. */
    ANY
}
