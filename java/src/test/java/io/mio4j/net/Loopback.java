package io.mio4j.net;

import io.mio4j.Expect;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;

import static org.junit.jupiter.api.Assertions.fail;

/** What the TCP tests share: connected pairs, whole writes and reads, addresses. */
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
}
