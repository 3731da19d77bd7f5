package id.go.cilegon.juare.dashboard.ranking;

import java.util.List;

/** One page of the complaints behind a figure; {@code endCursor} asks for the next one when {@code hasMore}. */
public record ComplaintPage(List<ScorecardComplaint> complaints, boolean hasMore, String endCursor) {
}
