package id.go.cilegon.juare.dashboard.ranking;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * One OPD in the ranking: its position (null when not ranked), its score 0–100 (null: nothing measured), the score
 * from its plain rates, the score's 95 % interval (null when the ranking definition publishes none) and whether it
 * received few complaints (its score is then mostly the city's rate).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RankingRow(Integer rank, boolean ranked, Opd opd, Double score, List<ScorePart> scoreParts, Figures figures,
                         Double plainScore, Double scoreLow, Double scoreHigh, Double uncertainty, boolean fewComplaints) {

    public RankingRow(Integer rank, boolean ranked, Opd opd, Double score, List<ScorePart> scoreParts, Figures figures) {
        this(rank, ranked, opd, score, scoreParts, figures, score, null, null, null, false);
    }
}
