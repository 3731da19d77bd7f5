package id.go.cilegon.juare.dashboard.ranking;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;

/** A complaint behind a figure, as the OPD had it. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ScorecardComplaint(
        String complaintId,
        String trackingNumber,
        String categoryCode,
        String kecamatanCode,
        String status,
        Instant receivedAt,
        Instant replyDueAt,
        Instant firstReplyAt,
        Double replySeconds,
        Boolean replyOnTime,
        Instant fixDueAt,
        Instant resolvedAt,
        Boolean fixOnTime,
        boolean reopened,
        Integer rating,
        boolean autoClosed,
        boolean misroutedAway) {
}
