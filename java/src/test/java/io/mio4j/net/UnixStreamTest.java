package io.mio4j.net;

import io.mio4j.Event;
import io.mio4j.UnixOnly;
import io.mio4j.Descriptors;
import io.mio4j.Events;
import io.mio4j.Expect;
import io.mio4j.Interest;
import io.mio4j.Poll;
import io.mio4j.Token;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CyclicBarrier;

import static io.mio4j.Expect.event;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@UnixOnly
class UnixStreamTest {
    private static final byte[] DATA1 = "Hello same host!".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] DATA2 = "Why hello mio!".getBytes(StandardCharsets.US_ASCII);
    private static final Interest BOTH = Interest.READABLE.add(Interest.WRITABLE);

    private Poll poll;
    private final Events events = Events.withCapacity(16);
    private Path dir;
    private Thread peer;

    @BeforeEach
    void setUp() throws IOException {
        poll = Poll.open();
        dir = Descriptors.socketDirectory();
    }

    @AfterEach
    void tearDown() throws Exception {
        poll.close();
        if (peer != null) {
            peer.join(Expect.BOUND.toMillis());
            assertFalse(peer.isAlive(), "the peer thread did not finish");
        }
        Descriptors.deleteDirectory(dir);
    }

    private static byte[] drain(ByteBuffer buffer) {
        buffer.flip();
        byte[] out = new byte[buffer.remaining()];
        buffer.get(out);
        buffer.clear();
        return out;
    }

    /** A blocking JDK listener on another thread that echoes one connection until end of stream. */
    private Path echoListener() throws Exception {
        Path path = dir.resolve("echo");
        ServerSocketChannel listener = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        listener.bind(UnixDomainSocketAddress.of(path));
        peer = new Thread(() -> {
            try (listener; SocketChannel stream = listener.accept()) {
                InputStream in = Channels.newInputStream(stream);
                OutputStream out = Channels.newOutputStream(stream);
                byte[] buffer = new byte[64];
                int n;
                while ((n = in.read(buffer)) > 0) {
                    out.write(buffer, 0, n);
                }
            } catch (IOException ignored) {
                // the test shut its side down: a reset ends the echo as well
            }
        });
        peer.start();
        return path;
    }

    @Test
    void streamConnectedToAnEchoListenerGetsItsBytesBack() throws Exception {
        try (UnixStream stream = UnixStream.connect(echoListener())) {
            Descriptors.assertNonBlockingAndCloseOnExec(stream.fd());
            poll.registry().register(stream, Token.of(1), BOTH);
            Expect.events(poll, events, event(1, Interest.WRITABLE));
            ByteBuffer buffer = ByteBuffer.allocate(64);
            assertEquals(0, stream.read(buffer));

            assertEquals(DATA1.length, stream.write(ByteBuffer.wrap(DATA1)));
            Expect.events(poll, events, event(1, Interest.READABLE));
            assertEquals(DATA1.length, stream.read(buffer));
            assertArrayEquals(DATA1, drain(buffer));
            assertNull(stream.takeError());

            ByteBuffer[] out = {ByteBuffer.wrap(DATA1), ByteBuffer.allocateDirect(DATA2.length).put(DATA2).flip()};
            assertEquals(DATA1.length + DATA2.length, stream.write(out));
            Expect.events(poll, events, event(1, Interest.READABLE));
            ByteBuffer first = ByteBuffer.allocate(DATA1.length);
            ByteBuffer second = ByteBuffer.allocateDirect(DATA2.length + 1);
            second.put(DATA2.length, (byte) 2);
            long read = 0;
            long deadline = System.nanoTime() + Expect.BOUND.toNanos();
            while (read < DATA1.length + DATA2.length && System.nanoTime() < deadline) {
                long n = stream.read(new ByteBuffer[] {first, second});
                if (n == 0) {
                    Expect.events(poll, events, event(1, Interest.READABLE));
                }
                read += n;
            }
            assertEquals(DATA1.length + DATA2.length, read);
            assertArrayEquals(DATA1, drain(first));
            assertEquals(2, second.get(DATA2.length), "the byte past the data is untouched");
            second.limit(DATA2.length);
            assertArrayEquals(DATA2, drain(second));
        }
    }

    @Test
    void connectedStreamBecomesReadableWhenThePeerCloses() throws Exception {
        Path path = dir.resolve("s");
        CyclicBarrier barrier = new CyclicBarrier(2);
        ServerSocketChannel listener = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        listener.bind(UnixDomainSocketAddress.of(path));
        try (UnixStream stream = UnixStream.connect(path)) {
            peer = new Thread(() -> {
                try (listener; SocketChannel accepted = listener.accept()) {
                    barrier.await();
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
            });
            peer.start();
            poll.registry().register(stream, Token.of(1), BOTH);
            Expect.events(poll, events, event(1, Interest.WRITABLE));
            barrier.await();
            Expect.events(poll, events, event(1, Interest.READABLE));
            peer.join();
            assertEquals(-1, stream.read(ByteBuffer.allocate(8)));
        }
    }

    @Test
    void pairEndsTalkToEachOther() throws Exception {
        UnixStream[] pair = UnixStream.pair();
        try (UnixStream s1 = pair[0]; UnixStream s2 = pair[1]) {
            Descriptors.assertNonBlockingAndCloseOnExec(s1.fd());
            Descriptors.assertNonBlockingAndCloseOnExec(s2.fd());
            poll.registry().register(s1, Token.of(1), BOTH);
            poll.registry().register(s2, Token.of(2), BOTH);
            Expect.events(poll, events, event(1, Interest.WRITABLE));
            ByteBuffer buffer = ByteBuffer.allocateDirect(64);
            assertEquals(0, s1.read(buffer));

            assertEquals(DATA1.length, s1.write(ByteBuffer.wrap(DATA1)));
            Expect.events(poll, events, event(2, Interest.READABLE));
            assertEquals(DATA1.length, s2.read(buffer));
            assertArrayEquals(DATA1, drain(buffer));
            assertEquals(0, s2.read(buffer));

            assertEquals(DATA2.length, s2.write(ByteBuffer.wrap(DATA2)));
            Expect.events(poll, events, event(1, Interest.READABLE));
            assertEquals(DATA2.length, s1.read(buffer));
            assertArrayEquals(DATA2, drain(buffer));
            assertEquals(0, s2.read(buffer));

            assertEquals(UnixDomainSocketAddress.of(""), s1.localAddress());
            assertEquals(UnixDomainSocketAddress.of(""), s1.peerAddress());
        }
    }

    @Test
    void peerAddressIsTheListenersPathAndLocalAddressIsUnnamed() throws Exception {
        Path path = echoListener();
        try (UnixStream stream = UnixStream.connect(path)) {
            assertEquals(UnixDomainSocketAddress.of(path), stream.peerAddress());
            assertEquals(UnixDomainSocketAddress.of(""), stream.localAddress());
        }
    }

    @Test
    void shutdownInputGivesReadClosed() throws Exception {
        try (UnixStream stream = UnixStream.connect(echoListener())) {
            poll.registry().register(stream, Token.of(1), BOTH);
            Expect.events(poll, events, event(1, Interest.WRITABLE));
            assertEquals(DATA1.length, stream.write(ByteBuffer.wrap(DATA1)));
            Expect.events(poll, events, event(1, Interest.READABLE));
            stream.shutdownInput();
            Expect.await(poll, events, 1, Event::isReadClosed);
        }
    }

    @Test
    void shutdownOutputMakesWritesFailButReadsGoOn() throws Exception {
        try (UnixStream stream = UnixStream.connect(echoListener())) {
            poll.registry().register(stream, Token.of(1), BOTH);
            Expect.events(poll, events, event(1, Interest.WRITABLE));
            assertEquals(DATA1.length, stream.write(ByteBuffer.wrap(DATA1)));
            Expect.events(poll, events, event(1, Interest.READABLE));
            stream.shutdownOutput();
            IOException e = assertThrows(IOException.class, () -> stream.write(ByteBuffer.wrap(DATA2)));
            assertTrue(e.getMessage().contains("Broken pipe"), e.getMessage());
            ByteBuffer buffer = ByteBuffer.allocate(64);
            assertEquals(DATA1.length, stream.read(buffer));
            assertArrayEquals(DATA1, drain(buffer));
        }
    }

    @Test
    void shutdownBothGivesWriteClosedAndWritesFail() throws Exception {
        try (UnixStream stream = UnixStream.connect(echoListener())) {
            poll.registry().register(stream, Token.of(1), BOTH);
            Expect.events(poll, events, event(1, Interest.WRITABLE));
            assertEquals(DATA1.length, stream.write(ByteBuffer.wrap(DATA1)));
            Expect.events(poll, events, event(1, Interest.READABLE));
            stream.shutdownInput();
            stream.shutdownOutput();
            Expect.await(poll, events, 1, Event::isWriteClosed);
            IOException e = assertThrows(IOException.class, () -> stream.write(ByteBuffer.wrap(DATA2)));
            assertTrue(e.getMessage().contains("Broken pipe"), e.getMessage());
        }
    }

    @Test
    void peerShuttingDownItsOutputGivesReadClosed() throws Exception {
        Path path = dir.resolve("noop");
        CyclicBarrier barrier = new CyclicBarrier(2);
        ServerSocketChannel listener = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        listener.bind(UnixDomainSocketAddress.of(path));
        peer = new Thread(() -> {
            try (listener; SocketChannel accepted = listener.accept()) {
                barrier.await();
                accepted.shutdownOutput();
                barrier.await();
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
        peer.start();
        try (UnixStream stream = UnixStream.connect(path)) {
            poll.registry().register(stream, Token.of(1), BOTH);
            Expect.events(poll, events, event(1, Interest.WRITABLE));
            barrier.await();
            Expect.await(poll, events, 1, Event::isReadClosed);
            barrier.await();
        }
    }

    @Test
    void registeredIdleStreamHasNoEvents() throws Exception {
        try (UnixStream stream = UnixStream.connect(echoListener())) {
            poll.registry().register(stream, Token.of(1), Interest.READABLE);
            Expect.noEvents(poll, events);
        }
    }

    @Test
    void reregisteredStreamReportsItsNewInterest() throws Exception {
        try (UnixStream stream = UnixStream.connect(echoListener())) {
            poll.registry().register(stream, Token.of(1), Interest.READABLE);
            poll.registry().reregister(stream, Token.of(1), Interest.WRITABLE);
            Expect.events(poll, events, event(1, Interest.WRITABLE));
        }
    }

    @Test
    void deregisteredStreamHasNoEvents() throws Exception {
        try (UnixStream stream = UnixStream.connect(echoListener())) {
            poll.registry().register(stream, Token.of(1), Interest.WRITABLE);
            poll.registry().deregister(stream);
            Expect.noEvents(poll, events);
        }
    }

    // Beyond mio's tests: errors and bad input.

    @Test
    void connectingToAPathWithoutAListenerFails() throws Exception {
        IOException missing = assertThrows(IOException.class, () -> UnixStream.connect(dir.resolve("none")));
        assertTrue(missing.getMessage().startsWith("connect: No such file or directory"), missing.getMessage());
        // A socket file whose listener is gone: refused.
        Path path = dir.resolve("gone");
        UnixListener.bind(path).close();
        assertThrows(ConnectException.class, () -> UnixStream.connect(path));
    }

    @Test
    void pathsThatDoNotFitSunPathAreRejected() throws Exception {
        Path longest = Path.of("/tmp/" + "x".repeat(107 - "/tmp/".length()));
        Path tooLong = Path.of("/tmp/" + "x".repeat(108 - "/tmp/".length()));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> UnixStream.connect(tooLong));
        assertTrue(e.getMessage().contains("too long"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> UnixStream.connect(Path.of("")));
        assertThrows(NullPointerException.class, () -> UnixStream.connect(null));
        // 107 bytes and the NUL fit: the OS answers (there is no such file).
        assertThrows(IOException.class, () -> UnixStream.connect(longest));
    }

    @Test
    void badBuffersAreRejected() throws Exception {
        UnixStream[] pair = UnixStream.pair();
        try (UnixStream s1 = pair[0]; UnixStream s2 = pair[1]) {
            assertThrows(IllegalArgumentException.class, () -> s1.read(ByteBuffer.allocate(4).asReadOnlyBuffer()));
            assertThrows(IllegalArgumentException.class,
                    () -> s1.read(new ByteBuffer[] {ByteBuffer.allocate(4).asReadOnlyBuffer()}));
            assertThrows(NullPointerException.class, () -> s1.read((ByteBuffer) null));
            assertThrows(NullPointerException.class, () -> s1.write((ByteBuffer) null));
            assertThrows(IndexOutOfBoundsException.class, () -> s1.write(new ByteBuffer[1], 1, 1));
            assertEquals(0, s1.read(ByteBuffer.allocate(0)));
            assertEquals(0, s2.write(ByteBuffer.allocate(0)));
        }
    }

    @Test
    void closedStreamThrowsClosedChannelExceptionAndClosesItsDescriptor() throws Exception {
        UnixStream[] pair = UnixStream.pair();
        int fd = pair[0].fd();
        pair[0].close();
        pair[0].close();
        assertFalse(Descriptors.isOpen(fd), "descriptor still open after close");
        assertEquals(-1, pair[0].fd());
        assertThrows(ClosedChannelException.class, () -> pair[0].read(ByteBuffer.allocate(4)));
        assertThrows(ClosedChannelException.class, () -> pair[0].write(ByteBuffer.allocate(4)));
        assertThrows(ClosedChannelException.class, pair[0]::shutdownOutput);
        assertThrows(ClosedChannelException.class, pair[0]::localAddress);
        assertEquals(-1, pair[1].read(ByteBuffer.allocate(4)));
        pair[1].close();
    }

    @Test
    void streamOptionsApplyAndOthersAreUnsupported() throws Exception {
        UnixStream[] pair = UnixStream.pair();
        try (UnixStream s1 = pair[0]; UnixStream s2 = pair[1]) {
            s1.setOption(StandardSocketOptions.SO_SNDBUF, 32 * 1024);
            assertTrue(s1.getOption(StandardSocketOptions.SO_SNDBUF) >= 32 * 1024);
            assertThrows(UnsupportedOperationException.class,
                    () -> s1.setOption(StandardSocketOptions.TCP_NODELAY, true));
            assertThrows(UnsupportedOperationException.class,
                    () -> s1.getOption(StandardSocketOptions.IP_TOS));
        }
    }
}
