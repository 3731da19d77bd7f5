package id.go.cilegon.juare.dashboard.ranking;

import java.util.function.ToIntFunction;

/**
 * The figures whose complaints can be listed (the backend's {@code ScorecardMetric}), each with the count it lists:
 * a scorecard shows the number, and the list behind it has exactly that many complaints.
 */
public enum Metric {
    RECEIVED(Figures::received),
    MISROUTED_AWAY(Figures::misroutedAway),
    REPLIED(Figures::replied),
    REPLY_ON_TIME(Figures::replyOnTime),
    REPLY_LATE(f -> f.replyDecided() - f.replyOnTime()),
    FIX_ON_TIME(Figures::fixOnTime),
    FIX_LATE(f -> f.fixDecided() - f.fixOnTime()),
    RESOLVED(Figures::resolved),
    REOPENED(Figures::reopened),
    RATED(Figures::rated),
    CLOSED(Figures::closed),
    AUTO_CLOSED(Figures::autoClosed),
    OPEN_NOW(Figures::openNow),
    OVERDUE_NOW(Figures::overdueNow);

    private final ToIntFunction<Figures> count;

    Metric(ToIntFunction<Figures> count) {
        this.count = count;
    }

    /** How many complaints this metric lists for these figures. */
    public int count(Figures figures) {
        return count.applyAsInt(figures);
    }

    /** The metric of an address, or {@code fallback} for none or an unknown one. */
    public static Metric parse(String name, Metric fallback) {
        if (name == null) {
            return fallback;
        }
        try {
            return valueOf(name);
        } catch (IllegalArgumentException e) {
            return fallback;
        }
    }
}
