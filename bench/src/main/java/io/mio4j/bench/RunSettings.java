package io.mio4j.bench;

import java.util.List;

/**
 * How long each workload runs. The defaults fit the whole of scripts/bench.sh in about 8
 * minutes on a 2-core machine (under 10); BENCH_QUICK=1 is a smoke run of a few seconds each.
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
        int cPollBatches,
        int httpWarmupSeconds,
        int httpSeconds,
        long conn10kWarmupMillis,
        long conn10kMillis,
        int memoryRounds) {

    static final int CONNECTIONS = 256;
    static final int MESSAGE_SIZE = 64;
    static final int IDLE_SOCKETS = 10_000;

    /** Workload (f): wrk's connection counts, one thread each time. */
    static final List<Integer> HTTP_CONNECTIONS = List.of(64, 256);
    /** Workload (g): open connections, and how many of them send. */
    static final int MANY_CONNECTIONS = 10_000;
    static final int MANY_ACTIVE = 100;
    /** Workload (h): connections measured, after a few held from the start. */
    static final int MEMORY_CONNECTIONS = 10_000;
    static final int MEMORY_WARMUP_CONNECTIONS = 100;

    static RunSettings standard() {
        return new RunSettings(false, 5, 2500, 1200, 500, 600, 1500, 1500, 2, 5, 300, 5, 1, 2, 1000, 1500, 3);
    }

    static RunSettings quickSmoke() {
        return new RunSettings(true, 2, 200, 300, 100, 200, 300, 500, 1, 2, 100, 2, 1, 1, 300, 500, 1);
    }
}
