package io.mio4j.net;

import io.mio4j.Event;
import io.mio4j.Events;
import io.mio4j.Expect;
import io.mio4j.Poll;
import io.mio4j.Token;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/** What the TCP tests share: connected pairs, waiting for one event, descriptor facts. */
final class Loopback {
    private Loopback() {
    }

    /** A connected client and its accepted server end, both ours. */
    record Pair(TcpStream client, TcpStream server) implements AutoCloseable {
        @Override
        public void close() {
            client.close();
            server.close();
        }
    }

    /** Connects to listener and accepts (bounded busy wait: both are non-blocking). */
    static Pair connect(TcpListener listener) throws IOException {
        TcpStream client = TcpStream.connect(listener.localAddress());
        TcpStream server = acceptWithin(listener);
        return new Pair(client, server);
    }

    static TcpStream acceptWithin(TcpListener listener) throws IOException {
        long deadline = System.nanoTime() + Expect.BOUND.toNanos();
        while (System.nanoTime() < deadline) {
            TcpStream accepted = listener.accept();
            if (accepted != null) {
                return accepted;
            }
            Thread.onSpinWait();
        }
        throw new AssertionError("no connection to accept");
    }

    /** Polls until an event with this token satisfies the predicate; fails after the bound. */
    static void await(Poll poll, Events events, long token, Predicate<Event> wanted) throws IOException {
        long deadline = System.nanoTime() + Expect.BOUND.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                fail("no matching event for token " + token);
            }
            poll.poll(events, Duration.ofNanos(left));
            for (Event event : events) {
                if (event.token().equals(Token.of(token)) && wanted.test(event)) {
                    return;
                }
            }
        }
    }

    /** Writes all of src, waiting by busy retry (tests only write small amounts). */
    static void writeAll(TcpStream stream, ByteBuffer src) throws IOException {
        long deadline = System.nanoTime() + Expect.BOUND.toNanos();
        while (src.hasRemaining()) {
            if (System.nanoTime() > deadline) {
                fail("could not write within the bound");
            }
            stream.write(src);
        }
    }

    /** Reads exactly n bytes (bounded busy retry) and returns them flipped. */
    static ByteBuffer readExactly(TcpStream stream, int n) throws IOException {
        ByteBuffer dst = ByteBuffer.allocate(n);
        long deadline = System.nanoTime() + Expect.BOUND.toNanos();
        while (dst.hasRemaining()) {
            if (System.nanoTime() > deadline) {
                fail("read only " + dst.position() + " of " + n + " bytes within the bound");
            }
            if (stream.read(dst) < 0) {
                fail("end of stream after " + dst.position() + " of " + n + " bytes");
            }
        }
        return dst.flip();
    }

    static ByteBuffer bytes(int... values) {
        ByteBuffer buffer = ByteBuffer.allocate(values.length);
        for (int v : values) {
            buffer.put((byte) v);
        }
        return buffer.flip();
    }

    static InetSocketAddress v4() {
        return Expect.anyLocalV4();
    }

    static InetSocketAddress v6() throws IOException {
        return Expect.anyLocalV6();
    }

    /** The open-file flags of one of our descriptors, from /proc/self/fdinfo (octal). */
    static int fdFlags(int fd) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/fdinfo/" + fd))) {
            if (line.startsWith("flags:")) {
                return Integer.parseInt(line.substring(6).trim(), 8);
            }
        }
        throw new AssertionError("no flags for fd " + fd);
    }

    // Linux's flag bits as /proc/self/fdinfo prints them (these tests read Linux's /proc).
    static final int O_NONBLOCK = 04000;
    static final int O_CLOEXEC = 02000000;

    static void assertNonBlockingAndCloseOnExec(int fd) throws IOException {
        int flags = fdFlags(fd);
        assertEquals(O_NONBLOCK, flags & O_NONBLOCK, "O_NONBLOCK");
        assertEquals(O_CLOEXEC, flags & O_CLOEXEC, "O_CLOEXEC");
    }

    /** The number of descriptors this process has open. */
    static int openDescriptors() throws IOException {
        try (var entries = Files.list(Path.of("/proc/self/fd"))) {
            return (int) entries.count();
        }
    }
}
