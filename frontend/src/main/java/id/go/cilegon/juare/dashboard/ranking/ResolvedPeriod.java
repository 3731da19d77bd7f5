package id.go.cilegon.juare.dashboard.ranking;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.time.LocalDate;

/** A period as the backend resolved it: its first and last WIB day. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ResolvedPeriod(PeriodKind kind, LocalDate firstDay, LocalDate lastDay, Instant start, Instant end) {
}
