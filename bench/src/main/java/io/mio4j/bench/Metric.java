package io.mio4j.bench;

/** One figure a workload reports, for example the ping-pong's p99 in microseconds. */
record Metric(String workload, String name, String unit, boolean higherIsBetter) {
    static Metric lowerIsBetter(String workload, String name, String unit) {
        return new Metric(workload, name, unit, false);
    }

    static Metric higherIsBetter(String workload, String name, String unit) {
        return new Metric(workload, name, unit, true);
    }
}
