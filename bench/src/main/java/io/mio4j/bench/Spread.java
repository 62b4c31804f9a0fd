package io.mio4j.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The median of repeated figures and their range. */
record Spread(double median, double min, double max, int count) {
    static Spread of(List<Double> values) {
        if (values.isEmpty()) {
            return new Spread(Double.NaN, Double.NaN, Double.NaN, 0);
        }
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        double median = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
        return new Spread(median, sorted.get(0), sorted.get(n - 1), n);
    }

    boolean isEmpty() {
        return count == 0;
    }
}
