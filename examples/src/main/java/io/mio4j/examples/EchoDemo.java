package io.mio4j.examples;

import io.mio4j.Events;
import io.mio4j.Interest;
import io.mio4j.Mio4j;
import io.mio4j.Poll;
import io.mio4j.Token;
import io.mio4j.net.TcpStream;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Arrays;

/**
 * README's demo: starts the echo server, sends messages from a client over loopback,
 * checks every echo and prints round trips and latency.
 *
 * <pre>
 *   EchoDemo [--messages N] [--size BYTES]   run server and client, print the figures
 *   EchoDemo --serve PORT                    run only the server (try: nc 127.0.0.1 PORT)
 * </pre>
 */
public final class EchoDemo {
    private static final Duration BOUND = Duration.ofSeconds(10);

    private EchoDemo() {
    }

    public static void main(String[] args) throws Exception {
        int messages = 5000;
        int size = 64;
        int servePort = -1;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--messages": messages = Integer.parseInt(args[++i]); break;
                case "--size": size = Integer.parseInt(args[++i]); break;
                case "--serve": servePort = Integer.parseInt(args[++i]); break;
                default:
                    System.err.println("usage: EchoDemo [--messages N] [--size BYTES] | --serve PORT");
                    System.exit(2);
            }
        }
        System.out.println("mio4j " + Mio4j.version() + ", backend " + Mio4j.backend());
        if (servePort >= 0) {
            serve(servePort);
            return;
        }
        InetSocketAddress any = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
        try (EchoServer server = new EchoServer(any)) {
            Thread thread = new Thread(server, "echo-server");
            thread.start();
            long[] nanos = pingPong(server.address(), messages, size);
            server.close();
            thread.join(BOUND.toMillis());
            report(nanos, size);
        }
    }

    private static void serve(int port) throws IOException {
        EchoServer server = new EchoServer(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        System.out.println("echo server on " + server.address() + "; try: nc "
                + server.address().getHostString() + " " + server.address().getPort() + " (Ctrl-C stops)");
        server.run();
    }

    /** Sends messages one at a time, checks each echo, returns each round trip's time. */
    static long[] pingPong(InetSocketAddress server, int messages, int size) throws IOException {
        long[] nanos = new long[messages];
        try (Poll poll = Poll.open(); TcpStream stream = TcpStream.connect(server)) {
            Events events = Events.withCapacity(8);
            poll.registry().register(stream, Token.of(0), Interest.READABLE.add(Interest.WRITABLE));
            awaitEvent(poll, events);   // writable: connected, or failed
            IOException failure = stream.takeError();
            if (failure != null) {
                throw failure;
            }
            stream.setNoDelay(true);
            ByteBuffer out = ByteBuffer.allocateDirect(size);
            ByteBuffer in = ByteBuffer.allocateDirect(size);
            for (int m = 0; m < messages; m++) {
                out.clear();
                for (int i = 0; i < size; i++) {
                    out.put((byte) (m + i));
                }
                out.flip();
                in.clear();
                long start = System.nanoTime();
                while (out.hasRemaining()) {
                    if (stream.write(out) == 0) {
                        awaitEvent(poll, events);
                    }
                }
                while (in.hasRemaining()) {
                    int n = stream.read(in);
                    if (n < 0) {
                        throw new IOException("server closed the connection after " + m + " messages");
                    }
                    if (n == 0) {
                        awaitEvent(poll, events);
                    }
                }
                nanos[m] = System.nanoTime() - start;
                for (int i = 0; i < size; i++) {
                    if (in.get(i) != (byte) (m + i)) {
                        throw new IOException("message " + m + ": byte " + i + " came back wrong");
                    }
                }
            }
        }
        return nanos;
    }

    private static void awaitEvent(Poll poll, Events events) throws IOException {
        if (poll.poll(events, BOUND) == 0) {
            throw new IOException("no event within " + BOUND);
        }
    }

    private static void report(long[] nanos, int size) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        long total = Arrays.stream(nanos).sum();
        System.out.printf("%d round trips of %d bytes, every echo checked%n", nanos.length, size);
        System.out.printf("round trips/s: %.0f%n", nanos.length / (total / 1e9));
        System.out.printf("latency: mean %.1f us, p50 %.1f us, p99 %.1f us, max %.1f us%n",
                total / 1e3 / nanos.length, percentile(sorted, 50) / 1e3,
                percentile(sorted, 99) / 1e3, sorted[sorted.length - 1] / 1e3);
    }

    private static long percentile(long[] sorted, double p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
