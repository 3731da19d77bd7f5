package id.go.cilegon.juare.ranking.internal;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The ranking's rules.
 *
 * @param minComplaints an OPD that received fewer complaints in the period is listed but not ranked
 * @param weights       the composite score's weights (any non-negative numbers; the score divides by their sum)
 * @param liveThrottle  the live ranking is recomputed at most this often, however many events arrive
 */
@ConfigurationProperties("juare.ranking")
record RankingProperties(Integer minComplaints, Weights weights, Duration liveThrottle) {

    RankingProperties {
        minComplaints = minComplaints == null ? 5 : minComplaints;
        weights = weights == null ? new Weights(null, null, null, null, null) : weights;
        liveThrottle = liveThrottle == null ? Duration.ofSeconds(5) : liveThrottle;
        if (minComplaints < 1) {
            throw new IllegalArgumentException("juare.ranking.min-complaints must be at least 1");
        }
    }

    /** Fixing and answering on time count most; residents' own verdicts (reopens, ratings, confirmations) after. */
    record Weights(Double replyOnTime, Double fixOnTime, Double notReopened, Double rating, Double confirmedByResident) {

        Weights {
            replyOnTime = orDefault(replyOnTime, 30);
            fixOnTime = orDefault(fixOnTime, 35);
            notReopened = orDefault(notReopened, 15);
            rating = orDefault(rating, 15);
            confirmedByResident = orDefault(confirmedByResident, 5);
            if (replyOnTime + fixOnTime + notReopened + rating + confirmedByResident <= 0) {
                throw new IllegalArgumentException("juare.ranking.weights: at least one weight must be positive");
            }
        }

        private static double orDefault(Double value, double fallback) {
            double v = value == null ? fallback : value;
            if (v < 0 || Double.isNaN(v)) {
                throw new IllegalArgumentException("juare.ranking.weights: weights cannot be negative");
            }
            return v;
        }

        Map<Score.Component, Double> byComponent() {
            Map<Score.Component, Double> map = new LinkedHashMap<>();
            map.put(Score.Component.REPLY_ON_TIME, replyOnTime);
            map.put(Score.Component.FIX_ON_TIME, fixOnTime);
            map.put(Score.Component.NOT_REOPENED, notReopened);
            map.put(Score.Component.RATING, rating);
            map.put(Score.Component.CONFIRMED_BY_RESIDENT, confirmedByResident);
            return map;
        }
    }
}
