package io.mio4j.bench;

import java.io.IOException;
import java.net.InetSocketAddress;

/**
 * Workload (a), the client end: one connection, one 64-byte message in flight; the
 * time from sending a message to having its whole echo back is one sample.
 */
interface PingPongClient {
    int MESSAGE_SIZE = 64;

    /** Runs the warm-up and the measured window; returns the measured window's seconds. */
    double run(InetSocketAddress server, Phases phases, LatencySamples samples) throws IOException;
}
