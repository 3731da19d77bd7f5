package id.go.cilegon.juare.support;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;

/** A benchmark's measurement: warm-up calls, then timed calls; the last answer and the sorted times. */
public record Timed<T>(T last, List<Double> millis) {

    public static <T> Timed<T> run(int warmUp, int runs, Callable<T> call) throws Exception {
        T last = null;
        for (int i = 0; i < warmUp; i++) {
            last = call.call();
        }
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            last = call.call();
            millis.add((System.nanoTime() - start) / 1e6);
        }
        Collections.sort(millis);
        return new Timed<>(last, List.copyOf(millis));
    }

    public double median() {
        return millis.get(millis.size() / 2);
    }

    public double p95() {
        return millis.get((int) Math.ceil(millis.size() * 0.95) - 1);
    }
}
