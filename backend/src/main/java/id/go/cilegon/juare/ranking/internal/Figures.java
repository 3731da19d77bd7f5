package id.go.cilegon.juare.ranking.internal;

/**
 * GraphQL OpdFigures: counts from the database, shares derived here (null when there is nothing to divide).
 *
 * @param fixOnTimeUnverified of fixOnTime, those that closed by themselves and no operator verified (ADR 0021): the
 *                            score gives them only the definition's unverified credit
 * @param autoClosedVerified  of autoClosed, those an operator verified
 */
record Figures(int received, int misroutedAway, int replied, Double medianReplySeconds, Double p90ReplySeconds,
               int replyOnTime, int replyDecided, int fixOnTime, int fixDecided, int resolved, int reopened, int rated,
               Double averageRating, int closed, int autoClosed, int openNow, int overdueNow, int fixOnTimeUnverified,
               int autoClosedVerified) {

    static final Figures NONE = new Figures(0, 0, 0, null, null, 0, 0, 0, 0, 0, 0, 0, null, 0, 0, 0, 0);

    /** Without verification figures (every on-time fix counts fully). */
    Figures(int received, int misroutedAway, int replied, Double medianReplySeconds, Double p90ReplySeconds,
            int replyOnTime, int replyDecided, int fixOnTime, int fixDecided, int resolved, int reopened, int rated,
            Double averageRating, int closed, int autoClosed, int openNow, int overdueNow) {
        this(received, misroutedAway, replied, medianReplySeconds, p90ReplySeconds, replyOnTime, replyDecided, fixOnTime,
                fixDecided, resolved, reopened, rated, averageRating, closed, autoClosed, openNow, overdueNow, 0, 0);
    }

    Figures withNow(int open, int overdue) {
        return new Figures(received, misroutedAway, replied, medianReplySeconds, p90ReplySeconds, replyOnTime, replyDecided,
                fixOnTime, fixDecided, resolved, reopened, rated, averageRating, closed, autoClosed, open, overdue,
                fixOnTimeUnverified, autoClosedVerified);
    }

    /** Auto-closed fixes no operator verified (GraphQL autoClosedUnverified). */
    public int autoClosedUnverified() {
        return autoClosed - autoClosedVerified;
    }

    public Double replyOnTimeShare() {
        return share(replyOnTime, replyDecided);
    }

    public Double fixOnTimeShare() {
        return share(fixOnTime, fixDecided);
    }

    public Double reopenRate() {
        return share(reopened, resolved);
    }

    public Double autoClosedShare() {
        return share(autoClosed, closed);
    }

    static Double share(int part, int whole) {
        return whole == 0 ? null : (double) part / whole;
    }
}
