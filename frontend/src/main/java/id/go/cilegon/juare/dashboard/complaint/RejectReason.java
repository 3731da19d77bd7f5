package id.go.cilegon.juare.dashboard.complaint;

/** The schema's {@code RejectReason}; each has its text in the complaint translations ({@link #labelKey()}). */
public enum RejectReason {
    SPAM, OUTSIDE_CILEGON, NOT_CITY_MATTER, INCOMPLETE, DUPLICATE, OTHER;

    public String labelKey() {
        return "complaint.rejectReason." + name();
    }

    /** The reasons an operator picks in the reject dialog: a duplicate has its own action (it names the original). */
    public boolean offeredForReject() {
        return this != DUPLICATE;
    }
}
