package io.mio4j.bench;

import java.io.IOException;
import java.util.concurrent.locks.LockSupport;

/**
 * The measuring side of workload (d), shared by every Java implementation; the same
 * steps as wake_up() in bench/c/latency.c.
 */
final class WakeUpProtocol {
    /** A wake action of an implementation (Selector.wakeup, Waker.wake, ...). */
    interface Wake {
        void wake() throws IOException;
    }

    private static final long PAUSE_NANOS = 50_000;

    private final LatencySamples samples;
    private volatile long wokenAt;
    private volatile boolean handled = true;
    private volatile boolean measuring;
    private volatile boolean stopped;

    WakeUpProtocol(LatencySamples samples) {
        this.samples = samples;
    }

    /** The poller calls this right after its poll returned. */
    void polled(long now) {
        if (measuring) {
            samples.add(now - wokenAt);
        }
        handled = true;
    }

    boolean stopped() {
        return stopped;
    }

    /** Runs on the measuring thread until the phases are over, then stops the poller. */
    void drive(Phases phases, Wake wake) throws IOException {
        while (true) {
            while (!handled) {
                // Yield, not spin: the runner pins this process to one CPU, where a spin
                // would keep the poller from running.
                Thread.yield();
            }
            long now = System.nanoTime();
            if (phases.over(now)) {
                break;
            }
            if (phases.measuring(now)) {
                measuring = true;
            }
            LockSupport.parkNanos(PAUSE_NANOS);
            handled = false;
            wokenAt = System.nanoTime();
            wake.wake();
        }
        measuring = false;
        stopped = true;
        wake.wake();
    }
}
