package io.mio4j.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;

/**
 * Workload (f)'s HTTP server for one Java implementation, in a process of its own so
 * that its CPU time can be read from /proc; the same control protocol as
 * bench/c/http_server.c. Prints "port=N", answers each "mark" line on stdin with
 * "allocated=BYTES" (allocated so far by the event-loop thread), and stops at "quit" or
 * end of input.
 */
public final class HttpServerMain {
    private HttpServerMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: HttpServerMain IMPLEMENTATION");
            System.exit(2);
        }
        Implementation implementation = Implementation.valueOf(args[0]);
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        threads.setThreadAllocatedMemoryEnabled(true);
        try (HttpBenchServer server = implementation.newHttpServer()) {
            long loopThreadId = server.start().getId();
            System.out.println("port=" + server.port());
            System.out.flush();
            BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.US_ASCII));
            String line;
            while ((line = commands.readLine()) != null && !line.equals("quit")) {
                if (line.equals("mark")) {
                    System.out.println("allocated=" + threads.getThreadAllocatedBytes(loopThreadId));
                    System.out.flush();
                }
            }
        }
        System.exit(0);
    }
}
