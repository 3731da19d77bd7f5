package id.go.cilegon.juare.dashboard.ranking;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The backend's {@code RankingDefinition}: how rates become the score ({@code PLAIN} or {@code SHRUNK} towards the
 * city's rate by {@code priorStrength} complaints) and below how many complaints an OPD is marked "few complaints".
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RankingDefinition(int version, String method, double priorStrength, int fewComplaints) {

    public boolean shrunk() {
        return "SHRUNK".equals(method);
    }
}
