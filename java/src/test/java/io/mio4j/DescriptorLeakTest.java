package io.mio4j;

import io.mio4j.net.UdpSocket;
import io.mio4j.net.UnixDatagram;
import io.mio4j.net.UnixListener;
import io.mio4j.net.UnixStream;
import io.mio4j.unix.Pipe;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.BindException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** UDP sockets, Unix sockets and pipes give every descriptor back: on close, on failure, and when dropped. */
class DescriptorLeakTest {
    private Path dir;

    @BeforeEach
    void makeDirectory() throws IOException {
        dir = Descriptors.socketDirectory();
    }

    @AfterEach
    void deleteDirectory() throws IOException {
        Descriptors.deleteDirectory(dir);
    }

    private interface Cycle {
        void run(int i) throws Exception;
    }

    private static void assertNoLeak(Cycle cycle) throws Exception {
        cycle.run(-1);   // load classes and scratch buffers before counting
        int baseline = Descriptors.openCount();
        for (int i = 0; i < 300; i++) {
            cycle.run(i);
        }
        // The rest of the JVM may move the count by one or two meanwhile (the Cleaner
        // closing an earlier test's leftovers, a JAR opened by class loading); a leak of
        // one descriptor per cycle moves it by 300.
        int after = Descriptors.openCount();
        assertTrue(Math.abs(after - baseline) <= 2,
                "descriptors open: " + baseline + " before 300 cycles, " + after + " after");
    }

    @Test
    void udpCyclesLeaveNoDescriptorBehind() throws Exception {
        try (Poll poll = Poll.open()) {
            assertNoLeak(i -> {
                UdpSocket a = UdpSocket.bind(Expect.anyLocalV4());
                UdpSocket b = UdpSocket.bind(Expect.anyLocalV6());
                poll.registry().register(a, Token.of(1), Interest.READABLE);   // closing deregisters
                a.close();
                b.close();
            });
        }
    }

    @Test
    void unixCyclesLeaveNoDescriptorBehind() throws Exception {
        try (Poll poll = Poll.open()) {
            assertNoLeak(i -> {
                Path path = dir.resolve("l" + (i + 1));
                try (UnixListener listener = UnixListener.bind(path);
                     UnixStream client = UnixStream.connect(path);
                     UnixStream server = listener.accept()) {
                    assertNotNull(server);
                    poll.registry().register(client, Token.of(1), Interest.READABLE);
                }
                UnixStream[] streams = UnixStream.pair();
                streams[0].close();
                streams[1].close();
                UnixDatagram[] datagrams = UnixDatagram.pair();
                datagrams[0].close();
                datagrams[1].close();
                try (UnixDatagram bound = UnixDatagram.bind(dir.resolve("d" + (i + 1)))) {
                    assertTrue(bound.isOpen());
                }
                java.nio.file.Files.delete(path);
                java.nio.file.Files.delete(dir.resolve("d" + (i + 1)));
            });
        }
    }

    @Test
    void pipeCyclesLeaveNoDescriptorBehind() throws Exception {
        assertNoLeak(i -> {
            Pipe pipe = Pipe.open();
            pipe.sender().close();
            pipe.receiver().close();
        });
    }

    @Test
    void failedConstructionsLeaveNoDescriptorBehind() throws Exception {
        try (UdpSocket taken = UdpSocket.bind(Expect.anyLocalV4());
             UnixListener listener = UnixListener.bind(dir.resolve("taken"))) {
            assertNoLeak(i -> {
                assertThrows(BindException.class, () -> UdpSocket.bind(taken.localAddress()));
                assertThrows(BindException.class, () -> UnixListener.bind(dir.resolve("taken")));
                assertThrows(BindException.class, () -> UnixDatagram.bind(dir.resolve("taken")));
                assertThrows(IOException.class, () -> UnixStream.connect(dir.resolve("missing")));
            });
        }
    }

    @Test
    void droppedSocketsAndPipesAreClosedByTheCleaner() throws Exception {
        int baseline = Descriptors.openCount();
        dropSome();
        assertTrue(Descriptors.openCount() >= baseline + 5 * 20, "they were open");
        long deadline = System.nanoTime() + Expect.BOUND.toNanos();
        while (Descriptors.openCount() > baseline) {
            if (System.nanoTime() > deadline) {
                fail("still " + (Descriptors.openCount() - baseline) + " descriptors over the baseline");
            }
            System.gc();
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
        }
    }

    private static void dropSome() throws IOException {
        for (int i = 0; i < 20; i++) {
            UdpSocket.bind(Expect.anyLocalV4());
            UnixDatagram.pair();
            Pipe.open();
        }
    }

    @Test
    void closeFromAnotherThreadEndsAReceiveLoopWithAClosedChannel() throws Exception {
        UdpSocket socket = UdpSocket.bind(Expect.anyLocalV4());
        CountDownLatch running = new CountDownLatch(1);
        CompletableFuture<Throwable> ended = CompletableFuture.supplyAsync(() -> {
            ByteBuffer buffer = ByteBuffer.allocateDirect(64);
            try {
                for (;;) {
                    socket.receive(buffer.clear());
                    running.countDown();
                }
            } catch (Throwable t) {
                return t;
            }
        });
        assertTrue(running.await(Expect.BOUND.toMillis(), TimeUnit.MILLISECONDS));
        socket.close();
        Throwable t = ended.get(Expect.BOUND.toMillis(), TimeUnit.MILLISECONDS);
        // ClosedChannelException, or its subclass AsynchronousCloseException; never an OS error.
        assertInstanceOf(ClosedChannelException.class, t);
    }
}
