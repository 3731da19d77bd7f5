package id.go.cilegon.juare.complaint.internal;

/**
 * Whether a resolution that closes by itself waits for an operator's check, and why (ADR 0021): always when an
 * after-photo looks like a before-photo, else a random share. A resident's own confirmation needs no check.
 */
final class FixVerification {

    /** GraphQL VerificationStatus: the complaint's verification column. */
    enum Status { QUEUED, VERIFIED, REJECTED }

    /** GraphQL VerificationReason. */
    enum Reason { SAME_PHOTO, SAMPLED }

    private FixVerification() {
    }

    /**
     * The reason to queue the closure, or null for none.
     *
     * @param samePhoto an after-photo looks like a before-photo
     * @param draw      a uniform random number in [0, 1), drawn by the caller (a secure random: an OPD must not predict it)
     * @param share     juare.verification.sample-share
     */
    static Reason decide(boolean samePhoto, double draw, double share) {
        if (samePhoto) {
            return Reason.SAME_PHOTO;
        }
        return draw < share ? Reason.SAMPLED : null;
    }
}
