package id.go.cilegon.juare.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Random choices for the summary tests that compare two ways of answering on random data. */
public final class RandomPicks {

    private RandomPicks() {
    }

    /** A random non-empty subset, each value kept with a chance of one in three. */
    public static <T> List<T> some(Random random, List<T> values) {
        List<T> chosen = new ArrayList<>();
        for (T value : values) {
            if (random.nextInt(3) == 0) {
                chosen.add(value);
            }
        }
        if (chosen.isEmpty()) {
            chosen.add(pick(random, values));
        }
        return chosen;
    }

    /** One value. */
    public static <T> T pick(Random random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}
