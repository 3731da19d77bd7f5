package id.go.cilegon.juare.dashboard.ranking;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * One part of the score: its component ({@code REPLY_ON_TIME}, ...; a string, so a new component in the schema does
 * not break the dashboard), its weight, and for an OPD its value from 0 to 1 as it enters the score (null: nothing to
 * measure) and the OPD's own plain rate.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ScorePart(String component, double weight, Double value, Double plainValue) {

    public ScorePart(String component, double weight, Double value) {
        this(component, weight, value, value);
    }
}
