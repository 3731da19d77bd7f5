package id.go.cilegon.juare.dashboard.ranking;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.LocalDate;

/** One WIB day of a scorecard's trend, by day of receipt. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TrendDay(LocalDate day, int received, Double medianReplySeconds, Double replyOnTimeShare, Double fixOnTimeShare) {
}
