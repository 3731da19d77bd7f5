package id.go.cilegon.juare.ranking.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The composite score: each component a value from 0 to 1, weighted; a component with nothing to measure (no
 * ratings yet, say) is left out and the others' weights carry the score, so missing data neither helps nor hurts.
 */
final class Score {

    enum Component { REPLY_ON_TIME, FIX_ON_TIME, NOT_REOPENED, RATING, CONFIRMED_BY_RESIDENT }

    /** GraphQL ScorePart. */
    record Part(Component component, double weight, Double value) {
    }

    private Score() {
    }

    static List<Part> parts(Figures f, Map<Component, Double> weights) {
        List<Part> parts = new ArrayList<>();
        weights.forEach((component, weight) -> parts.add(new Part(component, weight, value(component, f))));
        return parts;
    }

    static Double value(Component component, Figures f) {
        return switch (component) {
            case REPLY_ON_TIME -> f.replyOnTimeShare();
            case FIX_ON_TIME -> f.fixOnTimeShare();
            case NOT_REOPENED -> f.reopenRate() == null ? null : 1 - f.reopenRate();
            case RATING -> f.averageRating() == null ? null : (f.averageRating() - 1) / 4;
            case CONFIRMED_BY_RESIDENT -> f.autoClosedShare() == null ? null : 1 - f.autoClosedShare();
        };
    }

    /** 0 to 100 with one decimal, or null when no weighted component has a value. */
    static Double of(List<Part> parts) {
        double weighted = 0;
        double weights = 0;
        for (Part part : parts) {
            if (part.value() != null && part.weight() > 0) {
                weighted += part.weight() * part.value();
                weights += part.weight();
            }
        }
        return weights == 0 ? null : Math.round(1000 * weighted / weights) / 10.0;
    }
}
