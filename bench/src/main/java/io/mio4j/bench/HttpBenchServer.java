package io.mio4j.bench;

import java.io.IOException;

/** Workload (f)'s HTTP server for one Java implementation, one event-loop thread. */
interface HttpBenchServer extends AutoCloseable {
    /** Binds to a loopback port the kernel picks and starts the event loop; returns the loop's thread. */
    Thread start() throws IOException;

    int port() throws IOException;

    /** Stops the loop and closes every socket. */
    @Override
    void close() throws IOException;
}
