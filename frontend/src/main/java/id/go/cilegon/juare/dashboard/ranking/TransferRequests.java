package id.go.cilegon.juare.dashboard.ranking;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The OPD's transfer requests in the period: how many, how many repeated a declined one for the same assignment, and
 * how many the operators declined (docs/ranking.md).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TransferRequests(int requests, int repeated, int declined) {
}
