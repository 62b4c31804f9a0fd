package io.mio4j.bench;

/**
 * How long each workload runs. The defaults fit the whole of scripts/bench.sh in under
 * five minutes on a 2-core machine; BENCH_QUICK=1 is a smoke run of a few seconds each.
 */
record RunSettings(
        boolean quick,
        int rounds,
        long pingPongWarmupMillis,
        long pingPongMillis,
        long wakeUpWarmupMillis,
        long wakeUpMillis,
        long echoWarmupMillis,
        long echoMillis,
        int jmhWarmupIterations,
        int jmhIterations,
        long jmhIterationMillis,
        int cPollBatches) {

    static final int CONNECTIONS = 256;
    static final int MESSAGE_SIZE = 64;
    static final int IDLE_SOCKETS = 10_000;

    static RunSettings standard() {
        return new RunSettings(false, 5, 2500, 1200, 500, 600, 1500, 1500, 2, 5, 300, 5);
    }

    static RunSettings quickSmoke() {
        return new RunSettings(true, 2, 200, 300, 100, 200, 300, 500, 1, 2, 100, 2);
    }
}
