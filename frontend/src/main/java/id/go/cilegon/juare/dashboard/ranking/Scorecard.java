package id.go.cilegon.juare.dashboard.ranking;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * One OPD's figures, score and trend over a period (the backend's {@code OpdScorecard} without its complaints), with
 * the score's 95 % interval (nulls: none published) and the "few complaints" mark, and the shares that are shown beside
 * the figures without being one (template replies, transfer requests).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Scorecard(Opd opd, ResolvedPeriod period, Integer rank, boolean ranked, Double score,
                        List<ScorePart> scoreParts, Figures figures, int minComplaints, List<TrendDay> trend,
                        TemplateReplies templateReplies,
                        Double plainScore, Double scoreLow, Double scoreHigh, Double uncertainty, boolean fewComplaints,
                        RankingDefinition definition, TransferRequests transferRequests) {
}
