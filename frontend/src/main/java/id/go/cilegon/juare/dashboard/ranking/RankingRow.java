package id.go.cilegon.juare.dashboard.ranking;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/** One OPD in the ranking: its position (null when not ranked), its score 0–100 (null: nothing measured). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RankingRow(Integer rank, boolean ranked, Opd opd, Double score, List<ScorePart> scoreParts, Figures figures) {
}
