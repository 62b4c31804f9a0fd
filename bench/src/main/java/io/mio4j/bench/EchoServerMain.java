package io.mio4j.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;

/**
 * Workload (b)'s server for one Java implementation, in a process of its own so that
 * its CPU time can be read from /proc; the same control protocol as
 * bench/c/echo_server.c. Prints "port=N", answers each "mark" line on stdin with
 * "allocated=BYTES echoed=BYTES" (bytes allocated so far by the event-loop thread,
 * workload (c), and bytes echoed so far), and stops at "quit" or end of input.
 */
public final class EchoServerMain {
    private EchoServerMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: EchoServerMain IMPLEMENTATION");
            System.exit(2);
        }
        Implementation implementation = Implementation.valueOf(args[0]);
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        threads.setThreadAllocatedMemoryEnabled(true);
        try (EchoServer server = implementation.newEchoServer()) {
            long loopThreadId = server.start().getId();
            System.out.println("port=" + server.address().getPort());
            System.out.flush();
            BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.US_ASCII));
            String line;
            while ((line = commands.readLine()) != null && !line.equals("quit")) {
                if (line.equals("mark")) {
                    long allocated = threads.getThreadAllocatedBytes(loopThreadId);
                    System.out.println("allocated=" + allocated + " echoed=" + server.echoedBytes());
                    System.out.flush();
                }
            }
        }
        System.exit(0);
    }
}
