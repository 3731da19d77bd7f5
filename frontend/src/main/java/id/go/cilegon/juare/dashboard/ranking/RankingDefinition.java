package id.go.cilegon.juare.dashboard.ranking;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The backend's {@code RankingDefinition}: how rates become the score ({@code PLAIN} or {@code SHRUNK} towards the
 * city's rate by {@code priorStrength} complaints) and below how many complaints an OPD is marked "few complaints".
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RankingDefinition(int version, String method, double priorStrength, int fewComplaints, Double unverifiedCredit) {

    public RankingDefinition(int version, String method, double priorStrength, int fewComplaints) {
        this(version, method, priorStrength, fewComplaints, null);
    }

    /** How much an on-time fix that closed by itself and no operator verified counts (1 when the backend says nothing). */
    public double credit() {
        return unverifiedCredit == null ? 1.0 : unverifiedCredit;
    }

    public boolean shrunk() {
        return "SHRUNK".equals(method);
    }
}
