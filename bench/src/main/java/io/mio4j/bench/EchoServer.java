package io.mio4j.bench;

import java.io.IOException;
import java.net.InetSocketAddress;

/**
 * An echo server on 127.0.0.1 with a port the kernel picks: every byte read from a
 * connection is written back to it. One event-loop thread serves every connection.
 * Workload (b) runs it in a process of its own (EchoServerMain); workload (a) uses it as
 * the server end of the ping-pong.
 */
interface EchoServer extends AutoCloseable {
    /** Binds and starts the event loop; returns the loop's thread. */
    Thread start() throws IOException;

    InetSocketAddress address();

    /** Bytes written back so far; safe to call from any thread. */
    long echoedBytes();

    /** Stops the loop and closes every socket. */
    @Override
    void close() throws IOException;
}
