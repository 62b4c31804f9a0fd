package io.mio4j.bench;

import java.nio.file.Path;

/**
 * Workloads (a) and (d) for one Java implementation, in a JVM of its own; the same
 * protocol as bench/c/latency.c:
 *
 * <pre>LatencyMain IMPLEMENTATION OUT_DIR PING_PONG_WARMUP_MS PING_PONG_MS WAKE_UP_WARMUP_MS WAKE_UP_MS</pre>
 *
 * The ping-pong runs the implementation at both ends: its echo server on one thread,
 * its client on this one.
 */
public final class LatencyMain {
    private LatencyMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 6) {
            System.err.println("usage: LatencyMain IMPLEMENTATION OUT_DIR PING_PONG_WARMUP_MS PING_PONG_MS"
                    + " WAKE_UP_WARMUP_MS WAKE_UP_MS");
            System.exit(2);
        }
        Implementation implementation = Implementation.valueOf(args[0]);
        Path out = Path.of(args[1]);

        LatencySamples pingPong = new LatencySamples();
        double seconds;
        try (EchoServer server = implementation.newEchoServer()) {
            server.start();
            Phases phases = new Phases(Long.parseLong(args[2]), Long.parseLong(args[3]));
            seconds = implementation.newPingPongClient().run(server.address(), phases, pingPong);
        }
        pingPong.writeTo(out.resolve("ping-pong.bin"));
        System.out.printf("ping_pong_round_trips=%d ping_pong_seconds=%.6f%n", pingPong.count(), seconds);

        LatencySamples wakeUp = new LatencySamples();
        implementation.newWakeUpLatency().run(new Phases(Long.parseLong(args[4]), Long.parseLong(args[5])), wakeUp);
        wakeUp.writeTo(out.resolve("wake-up.bin"));
        System.out.printf("wake_up_samples=%d%n", wakeUp.count());
        System.exit(0);
    }
}
