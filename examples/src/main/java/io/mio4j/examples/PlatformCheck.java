package io.mio4j.examples;

import io.mio4j.Mio4j;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

/**
 * A quick check that mio4j works on this machine, e.g. a new architecture: prints the
 * diagnostics report (library, libc, epoll_event layout), then echoes messages over
 * loopback through EchoServer and stops the server with its Waker. Prints
 * "platform check passed" and exits 0, or says what failed and exits 1.
 *
 * <pre>
 *   PlatformCheck [--messages N]
 * </pre>
 */
public final class PlatformCheck {
    private PlatformCheck() {
    }

    public static void main(String[] args) throws Exception {
        int messages = args.length == 2 && args[0].equals("--messages") ? Integer.parseInt(args[1]) : 200;
        System.out.print(Mio4j.diagnostics());
        try {
            System.out.println("backend: " + Mio4j.backend());
            InetSocketAddress any = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
            try (EchoServer server = new EchoServer(any)) {
                Thread thread = new Thread(server, "echo-server");
                thread.start();
                EchoDemo.pingPong(server.address(), messages, 64);
                System.out.println("tcp echo: " + messages + " round trips of 64 bytes over "
                        + server.address() + ", every echo checked");
                server.close();   // wakes the server's poll through its Waker
                thread.join(TimeUnit.SECONDS.toMillis(10));
                if (thread.isAlive()) {
                    throw new IllegalStateException("the echo server's Waker did not stop its poll within 10 s");
                }
                System.out.println("waker: woke the server's poll, server stopped");
            }
        } catch (Exception | LinkageError e) {
            System.out.println("platform check FAILED: " + e);
            e.printStackTrace(System.out);
            System.exit(1);
        }
        System.out.println("platform check passed");
    }
}
