package io.mio4j.net;

import io.mio4j.Descriptors;
import io.mio4j.LinuxOnly;
import io.mio4j.Expect;
import io.mio4j.internal.unix.Posix;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.AsynchronousCloseException;
import java.nio.channels.ClosedChannelException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** Descriptors: none leaks, the Cleaner returns dropped ones, close never hits a reused number. */
@LinuxOnly
class TcpResourceTest {
    private static final byte OWN = 0x11;
    private static final byte INTRUDER = 0x66;

    @Test
    void thousandListenConnectAcceptCyclesLeaveNoDescriptorBehind() throws Exception {
        cycle();   // load classes, the scratch buffer and friends before counting
        int baseline = Descriptors.openCount();
        for (int i = 0; i < 1000; i++) {
            cycle();
        }
        assertEquals(baseline, Descriptors.openCount());
    }

    private static void cycle() throws IOException {
        try (TcpListener listener = TcpListener.bind(Loopback.v4());
             TcpStream client = TcpStream.connect(listener.localAddress());
             TcpStream server = Loopback.acceptWithin(listener)) {
            assertNotNull(server);
            assertNotNull(client);
        }
    }

    @Test
    void droppedStreamsAreClosedByTheCleaner() throws Exception {
        try (TcpListener listener = TcpListener.bind(Loopback.v4())) {
            int baseline = Descriptors.openCount();
            dropStreams(listener, 50);
            assertTrue(Descriptors.openCount() >= baseline + 50, "the streams were open");
            long deadline = System.nanoTime() + Expect.BOUND.toNanos();
            while (Descriptors.openCount() > baseline) {
                if (System.nanoTime() > deadline) {
                    fail("still " + (Descriptors.openCount() - baseline) + " descriptors over the baseline");
                }
                System.gc();
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
            }
        }
    }

    private static void dropStreams(TcpListener listener, int count) throws IOException {
        for (int i = 0; i < count; i++) {
            TcpStream.connect(listener.localAddress());
        }
    }

    @Test
    void collectingAConsumedTcpSocketDoesNotCloseItsStream() throws Exception {
        try (TcpListener listener = TcpListener.bind(Loopback.v4());
             TcpStream stream = connectThroughDroppedBuilder(listener);
             TcpStream server = Loopback.acceptWithin(listener)) {
            int fd = stream.fd();
            for (int i = 0; i < 5; i++) {
                System.gc();
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
            }
            assertEquals(fd, stream.fd());
            Loopback.writeAll(stream, Loopback.bytes(1, 2, 3));
            assertEquals(Loopback.bytes(1, 2, 3), Loopback.readExactly(server, 3));
        }
    }

    private static TcpStream connectThroughDroppedBuilder(TcpListener listener) throws IOException {
        return TcpSocket.openV4().connect(listener.localAddress());
    }

    /**
     * One thread reads and writes a stream in a loop while another closes it and at once
     * opens pipes and connections, which the OS gives the freed number. The I/O thread may
     * only see its own peer's bytes or a closed channel; an intruder must see none of its bytes.
     */
    @Test
    void closeDuringReadAndWriteNeverTouchesAReusedDescriptor() throws Exception {
        ExecutorService io = Executors.newSingleThreadExecutor();
        int reused = 0;
        try (TcpListener listener = TcpListener.bind(Loopback.v4())) {
            for (int round = 0; round < 200; round++) {
                Loopback.Pair pair = Loopback.connect(listener);
                ByteBuffer own = ByteBuffer.allocateDirect(256);
                while (own.hasRemaining()) {
                    own.put(OWN);
                }
                pair.server().write(own.flip());
                int number = pair.client().fd();
                AtomicBoolean started = new AtomicBoolean();
                boolean vectored = round % 2 == 0;
                Future<String> loop = io.submit(() -> readAndWriteUntilClosed(pair.client(), started, vectored));
                while (!started.get()) {
                    Thread.onSpinWait();
                }
                for (int spin = ThreadLocalRandom.current().nextInt(2000); spin > 0; spin--) {
                    Thread.onSpinWait();
                }
                pair.client().close();
                List<AutoCloseable> intruders = new ArrayList<>();
                try {
                    reused += openIntruders(listener, intruders, number);
                    String failure = loop.get(10, TimeUnit.SECONDS);
                    if (failure != null) {
                        fail("round " + round + ": " + failure);
                    }
                    checkIntruders(intruders);
                } finally {
                    for (AutoCloseable intruder : intruders) {
                        intruder.close();
                    }
                    pair.server().close();
                }
            }
        } finally {
            io.shutdownNow();
        }
        
        assertTrue(reused > 0, "the freed number was never reused, so nothing was tested");
    }

    /** The I/O loop; returns null when it only ever met its own data and a closed channel. */
    private static String readAndWriteUntilClosed(TcpStream stream, AtomicBoolean started, boolean vectored) {
        ByteBuffer in = ByteBuffer.allocateDirect(64);
        ByteBuffer heapIn = ByteBuffer.allocate(64);
        ByteBuffer out = ByteBuffer.allocateDirect(1);
        ByteBuffer[] ins = {in, heapIn};
        started.set(true);
        try {
            while (true) {
                in.clear();
                heapIn.clear();
                long n = vectored ? stream.read(ins) : stream.read(in);
                for (ByteBuffer b : ins) {
                    b.flip();
                    while (b.hasRemaining()) {
                        byte got = b.get();
                        if (got != OWN) {
                            return "read a byte that is not ours: " + got;
                        }
                    }
                }
                if (n < 0) {
                    return "unexpected end of stream";
                }
                out.clear().put(0, OWN);
                if (vectored) {
                    stream.write(new ByteBuffer[] {out});
                } else {
                    stream.write(out);
                }
            }
        } catch (ClosedChannelException expected) {
            return null;   // AsynchronousCloseException is one of these too
        } catch (IOException e) {
            return "touched another descriptor: " + e;
        }
    }

    /** Opens a pipe with intruder data, and a connection with intruder data; counts reuse. */
    private static int openIntruders(TcpListener listener, List<AutoCloseable> intruders, int number) throws IOException {
        int reused = 0;
        int[] pipe = new int[2];
        assertEquals(0, Posix.CALLS.pipe(pipe));
        intruders.add(() -> {
            Posix.CALLS.close(pipe[0]);
            Posix.CALLS.close(pipe[1]);
        });
        ByteBuffer data = ByteBuffer.allocateDirect(8);
        while (data.hasRemaining()) {
            data.put(INTRUDER);
        }
        assertEquals(8, Posix.CALLS.write(pipe[1], data, 0, 8));
        if (pipe[0] == number || pipe[1] == number) {
            reused++;
        }
        Loopback.Pair other = Loopback.connect(listener);
        intruders.add(other);
        Loopback.writeAll(other.server(), data.clear());
        if (other.client().fd() == number || other.server().fd() == number) {
            reused++;
        }
        intruders.add(new PipeCheck(pipe[0]));
        intruders.add(new StreamCheck(other));
        return reused;
    }

    private static void checkIntruders(List<AutoCloseable> intruders) throws IOException {
        for (AutoCloseable intruder : intruders) {
            if (intruder instanceof PipeCheck p) {
                ByteBuffer got = ByteBuffer.allocateDirect(64);
                assertEquals(8, Posix.CALLS.read(p.readEnd, got, 0, 64), "the pipe's data was taken");
            } else if (intruder instanceof StreamCheck s) {
                assertEquals(8, Loopback.readExactly(s.pair.client(), 8).remaining(), "the connection's data was taken");
                ByteBuffer stray = ByteBuffer.allocate(64);
                assertEquals(0, s.pair.server().read(stray), "bytes were written into a stranger's connection");
            }
        }
    }

    private record PipeCheck(int readEnd) implements AutoCloseable {
        @Override
        public void close() {
        }
    }

    private record StreamCheck(Loopback.Pair pair) implements AutoCloseable {
        @Override
        public void close() {
        }
    }

    static {
        // AsynchronousCloseException extends ClosedChannelException: one catch takes both.
        assertTrue(ClosedChannelException.class.isAssignableFrom(AsynchronousCloseException.class));
    }
}
