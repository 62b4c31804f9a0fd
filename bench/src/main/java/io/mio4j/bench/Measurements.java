package io.mio4j.bench;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every figure of a run, by metric, implementation and round. Ratios to C are taken
 * within a round (both figures come from the same round), then the median over rounds.
 */
final class Measurements {
    private final Map<Metric, Map<Implementation, Map<Integer, Double>>> figures = new LinkedHashMap<>();
    private final Map<Implementation, List<String>> failures = new EnumMap<>(Implementation.class);

    void add(Metric metric, Implementation implementation, int round, double value) {
        figures.computeIfAbsent(metric, m -> new EnumMap<>(Implementation.class))
                .computeIfAbsent(implementation, i -> new LinkedHashMap<>())
                .put(round, value);
    }

    void fail(Implementation implementation, String what) {
        failures.computeIfAbsent(implementation, i -> new ArrayList<>()).add(what);
    }

    Map<Implementation, List<String>> failures() {
        return failures;
    }

    Spread spread(Metric metric, Implementation implementation) {
        return Spread.of(new ArrayList<>(rounds(metric, implementation).values()));
    }

    /** The median over rounds of this implementation's figure divided by C's in the same round. */
    Spread ratioToC(Metric metric, Implementation implementation) {
        return ratioTo(metric, implementation, Implementation.C);
    }

    /** The median over rounds of this implementation's figure divided by {@code base}'s in the same round. */
    Spread ratioTo(Metric metric, Implementation implementation, Implementation base) {
        Map<Integer, Double> mine = rounds(metric, implementation);
        Map<Integer, Double> c = rounds(metric, base);
        List<Double> ratios = new ArrayList<>();
        for (Map.Entry<Integer, Double> round : mine.entrySet()) {
            Double floor = c.get(round.getKey());
            if (floor != null && floor != 0) {
                ratios.add(round.getValue() / floor);
            }
        }
        return Spread.of(ratios);
    }

    private Map<Integer, Double> rounds(Metric metric, Implementation implementation) {
        return figures.getOrDefault(metric, Map.of()).getOrDefault(implementation, Map.of());
    }
}
