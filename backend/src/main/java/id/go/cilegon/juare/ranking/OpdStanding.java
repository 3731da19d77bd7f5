package id.go.cilegon.juare.ranking;

/**
 * One OPD's place in the ranking of a period as it stood at an instant (see {@link RankingHistory}).
 *
 * @param rank   position, 1 best, equal scores sharing one; null when not ranked
 * @param ranked false when the OPD received fewer complaints than the minimum in the period
 * @param score  0 to 100 with one decimal; null when nothing could be measured
 * @param scoreLow          lower end of the score's 95 % interval; null when the definition publishes none
 * @param scoreHigh         upper end of the score's 95 % interval; null when the definition publishes none
 * @param fewComplaints     the OPD received fewer complaints than the definition's "few complaints" mark
 * @param definitionVersion the ranking definition in force at the instant (ranking_definition.version)
 */
public record OpdStanding(String opdCode, String opdName, Integer rank, boolean ranked, Double score, int received,
                          Double medianReplySeconds, Double replyOnTimeShare, Double fixOnTimeShare, Double scoreLow,
                          Double scoreHigh, boolean fewComplaints, int definitionVersion) {
}
