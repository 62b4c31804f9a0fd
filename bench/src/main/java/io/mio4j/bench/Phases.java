package io.mio4j.bench;

/** A warm-up followed by a measured window, both on the System.nanoTime() clock. */
final class Phases {
    private final long warmupEnd;
    private final long measureEnd;

    Phases(long warmupMillis, long measureMillis) {
        long start = System.nanoTime();
        this.warmupEnd = start + warmupMillis * 1_000_000L;
        this.measureEnd = warmupEnd + measureMillis * 1_000_000L;
    }

    boolean measuring(long now) {
        return now >= warmupEnd;
    }

    boolean over(long now) {
        return now >= measureEnd;
    }
}
