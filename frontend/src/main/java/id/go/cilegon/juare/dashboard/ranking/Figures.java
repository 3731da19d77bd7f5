package id.go.cilegon.juare.dashboard.ranking;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** An OPD's figures over a period, as the backend's {@code OpdFigures} (docs/ranking.md defines each). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Figures(
        int received,
        int misroutedAway,
        int replied,
        Double medianReplySeconds,
        Double p90ReplySeconds,
        int replyOnTime,
        int replyDecided,
        Double replyOnTimeShare,
        int fixOnTime,
        int fixDecided,
        Double fixOnTimeShare,
        int resolved,
        int reopened,
        Double reopenRate,
        int rated,
        Double averageRating,
        int closed,
        int autoClosed,
        Double autoClosedShare,
        int openNow,
        int overdueNow,
        int autoClosedVerified,
        int autoClosedUnverified,
        int fixOnTimeUnverified) {

    /** Without the verified-fixes figures (backend ADR 0021). */
    public Figures(int received, int misroutedAway, int replied, Double medianReplySeconds, Double p90ReplySeconds,
                   int replyOnTime, int replyDecided, Double replyOnTimeShare, int fixOnTime, int fixDecided,
                   Double fixOnTimeShare, int resolved, int reopened, Double reopenRate, int rated, Double averageRating,
                   int closed, int autoClosed, Double autoClosedShare, int openNow, int overdueNow) {
        this(received, misroutedAway, replied, medianReplySeconds, p90ReplySeconds, replyOnTime, replyDecided,
                replyOnTimeShare, fixOnTime, fixDecided, fixOnTimeShare, resolved, reopened, reopenRate, rated, averageRating,
                closed, autoClosed, autoClosedShare, openNow, overdueNow, 0, 0, 0);
    }
}
