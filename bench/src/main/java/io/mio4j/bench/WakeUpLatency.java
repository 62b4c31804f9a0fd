package io.mio4j.bench;

import java.io.IOException;

/**
 * Workload (d): a poller thread blocks in its implementation's poll; the measuring
 * thread notes the time and wakes it; a sample is the time until the poller's poll has
 * returned. Between wakes the measuring thread pauses so that the poller is back inside
 * its poll, blocked, when the next wake comes.
 */
interface WakeUpLatency {
    void run(Phases phases, LatencySamples samples) throws IOException, InterruptedException;
}
