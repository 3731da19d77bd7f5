package id.go.cilegon.juare.ranking.internal;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The composite score: each component a value from 0 to 1, weighted; a component with nothing to measure (no
 * ratings yet, say) is left out and the others' weights carry the score, so missing data neither helps nor hurts.
 * <p>
 * Under a SHRUNK definition each component's value is the OPD's rate with {@code priorStrength} imaginary complaints
 * at the city's rate added (the mean of a beta posterior): an OPD with 8 complaints is mostly the city's rate, one with
 * 300 mostly its own, and one more passed deadline moves a small OPD's score by less than its shown uncertainty.
 * docs/ranking.md has a worked example.
 */
final class Score {

    enum Component { REPLY_ON_TIME, FIX_ON_TIME, NOT_REOPENED, RATING, CONFIRMED_BY_RESIDENT }

    /** 95 % of a normal distribution lies within this many standard deviations. */
    private static final double Z95 = 1.959964;

    /**
     * GraphQL ScorePart: {@code value} is what enters the score (the shrunk rate under SHRUNK), {@code plainValue} the
     * OPD's own rate.
     */
    record Part(Component component, double weight, Double value, Double plainValue) {

        Part(Component component, double weight, Double value) {
            this(component, weight, value, value);
        }
    }

    /**
     * A score with its uncertainty: {@code low}..{@code high} is a 95 % interval, never narrower than twice what one
     * more decided complaint could move the score; all null under PLAIN (not published then).
     */
    record Result(List<Part> parts, Double score, Double plainScore, Double low, Double high, Double uncertainty) {
    }

    /** Successes out of trials of one component: a rate's numerator and denominator (ratings: the sum of 0..1 values). */
    record Counts(double successes, int trials) {

        Counts plus(Counts other) {
            return new Counts(successes + other.successes, trials + other.trials);
        }
    }

    /** The city's counts per component, over every OPD's figures in the period: what small samples shrink towards. */
    static Map<Component, Counts> city(Iterable<Figures> all) {
        return city(all, 1.0);
    }

    /** As {@link #city(Iterable)}, with unverified auto-closed on-time fixes counting {@code unverifiedCredit} each. */
    static Map<Component, Counts> city(Iterable<Figures> all, double unverifiedCredit) {
        Map<Component, Counts> city = new EnumMap<>(Component.class);
        for (Component component : Component.values()) {
            city.put(component, new Counts(0, 0));
        }
        for (Figures f : all) {
            for (Component component : Component.values()) {
                city.merge(component, counts(component, f, unverifiedCredit), Counts::plus);
            }
        }
        return city;
    }

    static Counts counts(Component component, Figures f) {
        return counts(component, f, 1.0);
    }

    /**
     * The counts of one component; an on-time fix that closed by itself and no operator verified is worth
     * {@code unverifiedCredit} of one (ADR 0021): fixOnTime - (1 - credit) x fixOnTimeUnverified successes.
     */
    static Counts counts(Component component, Figures f, double unverifiedCredit) {
        return switch (component) {
            case REPLY_ON_TIME -> new Counts(f.replyOnTime(), f.replyDecided());
            case FIX_ON_TIME -> new Counts(creditedFixOnTime(f, unverifiedCredit), f.fixDecided());
            case NOT_REOPENED -> new Counts(f.resolved() - f.reopened(), f.resolved());
            case RATING -> new Counts(f.averageRating() == null ? 0 : f.rated() * (f.averageRating() - 1) / 4, f.rated());
            case CONFIRMED_BY_RESIDENT -> new Counts(f.closed() - f.autoClosed(), f.closed());
        };
    }

    private Score() {
    }

    static List<Part> parts(Figures f, Map<Component, Double> weights) {
        return parts(f, weights, 1.0);
    }

    static List<Part> parts(Figures f, Map<Component, Double> weights, double unverifiedCredit) {
        List<Part> parts = new ArrayList<>();
        weights.forEach((component, weight) -> parts.add(new Part(component, weight, value(component, f, unverifiedCredit))));
        return parts;
    }

    /** On-time fixes with the unverified auto-closed ones counting {@code unverifiedCredit} each. */
    static double creditedFixOnTime(Figures f, double unverifiedCredit) {
        return f.fixOnTime() - (1 - unverifiedCredit) * f.fixOnTimeUnverified();
    }

    static Double value(Component component, Figures f) {
        return value(component, f, 1.0);
    }

    static Double value(Component component, Figures f, double unverifiedCredit) {
        return switch (component) {
            case REPLY_ON_TIME -> f.replyOnTimeShare();
            case FIX_ON_TIME -> f.fixDecided() == 0 ? null : creditedFixOnTime(f, unverifiedCredit) / f.fixDecided();
            case NOT_REOPENED -> f.reopenRate() == null ? null : 1 - f.reopenRate();
            case RATING -> f.averageRating() == null ? null : (f.averageRating() - 1) / 4;
            case CONFIRMED_BY_RESIDENT -> f.autoClosedShare() == null ? null : 1 - f.autoClosedShare();
        };
    }

    /** The score of {@code f} under {@code definition}, with {@code city} the pooled counts of the period. */
    static Result of(Figures f, Map<Component, Double> weights, Definition definition, Map<Component, Counts> city) {
        double credit = definition.unverifiedCredit();
        List<Part> plain = parts(f, weights, credit);
        Double plainScore = of(plain);
        if (definition.method() == Definition.Method.PLAIN) {
            return new Result(plain, plainScore, plainScore, null, null, null);
        }
        double m = definition.priorStrength();
        List<Part> parts = new ArrayList<>();
        double weighted = 0;
        double weightSum = 0;
        double variance = 0;
        for (Part part : plain) {
            Counts own = counts(part.component(), f, credit);
            Counts all = city.get(part.component());
            Double value = null;
            // a part the OPD has nothing of its own in is left out, as with plain rates: not filled in with the city's
            // rate, which would credit an OPD that never resolves anything with the city's "not reopened" and ratings
            if (own.trials() > 0) {
                double prior = all.successes() / all.trials();
                double n = own.trials() + m;
                value = (own.successes() + m * prior) / n;
                if (part.weight() > 0) {
                    // the beta posterior's spread, floored at twice the most one more outcome can move the value
                    double spread = Math.max(Z95 * Math.sqrt(value * (1 - value) / (n + 1)), 2 / (n + 1));
                    weighted += part.weight() * value;
                    weightSum += part.weight();
                    variance += Math.pow(part.weight() * spread, 2);
                }
            }
            parts.add(new Part(part.component(), part.weight(), value, part.plainValue()));
        }
        if (weightSum == 0) {
            return new Result(parts, null, plainScore, null, null, null);
        }
        double raw = 100 * weighted / weightSum;
        double half = 100 * Math.sqrt(variance) / weightSum;
        return new Result(parts, round(raw), plainScore, Math.max(0, round(raw - half)), Math.min(100, round(raw + half)),
                round(half));
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

    private static double round(double score) {
        return Math.round(10 * score) / 10.0;
    }
}
