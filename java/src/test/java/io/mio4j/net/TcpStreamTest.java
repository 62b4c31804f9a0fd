package io.mio4j.net;

import io.mio4j.Descriptors;
import io.mio4j.LinuxOnly;
import io.mio4j.Event;
import io.mio4j.Events;
import io.mio4j.Expect;
import io.mio4j.Interest;
import io.mio4j.Poll;
import io.mio4j.Token;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static io.mio4j.Expect.event;
import static io.mio4j.Expect.await;
import static io.mio4j.net.Loopback.bytes;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** mio's tests/tcp_stream.rs in our words, plus vectored I/O and misuse. */
class TcpStreamTest {
    private static final byte[] DATA1 = "Hello world!".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] DATA2 = "Hello mars!".getBytes(StandardCharsets.US_ASCII);

    private Poll poll;
    private final Events events = Events.withCapacity(16);

    @BeforeEach
    void openPoll() throws IOException {
        poll = Poll.open();
    }

    @AfterEach
    void closePoll() throws IOException {
        poll.close();
    }

    private static InetSocketAddress local(boolean v6) throws IOException {
        return v6 ? Loopback.v6() : Loopback.v4();
    }

    private static ByteBuffer buffer(boolean direct, int capacity) {
        return direct ? ByteBuffer.allocateDirect(capacity) : ByteBuffer.allocate(capacity);
    }

    private static byte[] drain(ByteBuffer flipped) {
        byte[] out = new byte[flipped.remaining()];
        flipped.get(out);
        return out;
    }

    /** mio's smoke test: connect, would-block, write, peek, read, vectored write and read. */
    @LinuxOnly
    @ParameterizedTest(name = "ipv6={0}")
    @ValueSource(booleans = {false, true})
    void smokeTest(boolean v6) throws Exception {
        try (TcpListener listener = TcpListener.bind(local(v6));
             TcpStream stream = TcpStream.connect(listener.localAddress())) {
            Descriptors.assertNonBlockingAndCloseOnExec(stream.fd());
            poll.registry().register(stream, Token.of(1), Interest.WRITABLE.add(Interest.READABLE));
            Expect.events(poll, events, event(1, Interest.WRITABLE));
            try (TcpStream echo = Loopback.acceptWithin(listener)) {
                ByteBuffer buf = ByteBuffer.allocate(16);
                assertEquals(0, stream.peek(buf));
                assertEquals(0, stream.read(buf));
                assertEquals(listener.localAddress(), stream.peerAddress());
                assertTrue(stream.localAddress().getAddress().isLoopbackAddress());

                assertEquals(DATA1.length, stream.write(ByteBuffer.wrap(DATA1)));
                echo.write(Loopback.readExactly(echo, DATA1.length));
                Expect.events(poll, events, event(1, Interest.READABLE));
                assertEquals(DATA1.length, stream.peek(buf.clear()));
                assertArrayEquals(DATA1, drain(buf.flip()));
                assertEquals(DATA1.length, stream.read(buf.clear()));
                assertArrayEquals(DATA1, drain(buf.flip()));
                assertNull(stream.takeError());
                assertEquals(0, stream.read(buf.clear()));

                ByteBuffer[] out = {ByteBuffer.wrap(DATA1), ByteBuffer.wrap(DATA2)};
                assertEquals(DATA1.length + DATA2.length, stream.write(out));
                echo.write(Loopback.readExactly(echo, DATA1.length + DATA2.length));
                Expect.events(poll, events, event(1, Interest.READABLE));
                byte[] one = new byte[DATA1.length];
                byte[] two = new byte[DATA2.length + 1];
                two[DATA2.length] = 2;
                ByteBuffer[] in = {ByteBuffer.wrap(one), ByteBuffer.wrap(two)};
                assertEquals(DATA1.length + DATA2.length, stream.read(in));
                assertArrayEquals(DATA1, one);
                assertEquals(ByteBuffer.wrap(DATA2), ByteBuffer.wrap(two, 0, DATA2.length));
                assertEquals(2, two[DATA2.length], "the last byte is left alone");
            }
        }
    }

    @ParameterizedTest(name = "ipv6={0}")
    @ValueSource(booleans = {false, true})
    void ttlRoundTripsOnceConnected(boolean v6) throws Exception {
        try (TcpListener listener = TcpListener.bind(local(v6));
             TcpStream stream = TcpStream.connect(listener.localAddress())) {
            poll.registry().register(stream, Token.of(1), Interest.WRITABLE);
            Expect.events(poll, events, event(1, Interest.WRITABLE));
            assertTrue(stream.ttl() > 0, "a default ttl without a previous set");
            stream.setTtl(10);
            assertEquals(10, stream.ttl());
            assertNull(stream.takeError());
        }
    }

    @Test
    void negativeTtlIsIllegal() throws Exception {
        try (TcpListener listener = TcpListener.bind(Loopback.v4());
             TcpStream stream = TcpStream.connect(listener.localAddress())) {
            assertThrows(IllegalArgumentException.class, () -> stream.setTtl(-1));
            assertThrows(IllegalArgumentException.class, () -> listener.setTtl(-1));
        }
    }

    @Test
    void noDelayRoundTrips() throws Exception {
        try (TcpListener listener = TcpListener.bind(Loopback.v4());
             TcpStream stream = TcpStream.connect(listener.localAddress())) {
            poll.registry().register(stream, Token.of(1), Interest.WRITABLE);
            Expect.events(poll, events, event(1, Interest.WRITABLE));
            assertFalse(stream.noDelay(), "off by default");
            stream.setNoDelay(true);
            assertTrue(stream.noDelay());
            assertTrue(stream.getOption(StandardSocketOptions.TCP_NODELAY));
            stream.setNoDelay(false);
            assertFalse(stream.noDelay());
            assertNull(stream.takeError());
        }
    }

    @LinuxOnly
    @Test
    void shutdownInputStillLetsLinuxReadWhatArrived() throws Exception {
        try (TcpListener listener = TcpListener.bind(Loopback.v4());
             Loopback.Pair pair = Loopback.connect(listener)) {
            poll.registry().register(pair.client(), Token.of(1), Interest.READABLE);
            pair.server().write(ByteBuffer.wrap(DATA2));
            Expect.events(poll, events, event(1, Interest.READABLE));
            pair.client().shutdownInput();
            ByteBuffer buf = ByteBuffer.allocate(32);
            int n = pair.client().read(buf);
            assertTrue(n == DATA2.length || n == -1, "read " + n);
        }
    }

    @LinuxOnly
    @Test
    void writeAfterShutdownOutputFailsAndThePeerSeesEndOfStream() throws Exception {
        try (TcpListener listener = TcpListener.bind(Loopback.v4());
             Loopback.Pair pair = Loopback.connect(listener)) {
            poll.registry().register(pair.server(), Token.of(2), Interest.READABLE);
            assertEquals(DATA1.length, pair.client().write(ByteBuffer.wrap(DATA1)));
            pair.client().shutdownOutput();
            IOException e = assertThrows(IOException.class, () -> pair.client().write(ByteBuffer.wrap(DATA2)));
            assertTrue(e.getMessage().startsWith("send: Broken pipe"), e.getMessage());
            IOException v = assertThrows(IOException.class,
                    () -> pair.client().write(new ByteBuffer[] {ByteBuffer.allocateDirect(4)}));
            assertTrue(v.getMessage().startsWith("sendmsg: Broken pipe"), v.getMessage());
            await(poll, events, 2, Event::isReadClosed);
            assertArrayEquals(DATA1, drain(Loopback.readExactly(pair.server(), DATA1.length)));
            assertEquals(-1, pair.server().read(ByteBuffer.allocate(1)));
        }
    }

    @LinuxOnly
    @Test
    void shutdownBothMakesWritesFailWithBrokenPipe() throws Exception {
        try (TcpListener listener = TcpListener.bind(Loopback.v4());
             Loopback.Pair pair = Loopback.connect(listener)) {
            pair.client().shutdownInput();
            pair.client().shutdownOutput();
            IOException e = assertThrows(IOException.class, () -> pair.client().write(ByteBuffer.wrap(DATA2)));
            assertTrue(e.getMessage().contains("Broken pipe"), e.getMessage());
        }
    }

    @LinuxOnly
    @Test
    void fdIsTheDescriptorUntilClose() throws Exception {
        try (TcpListener listener = TcpListener.bind(Loopback.v4())) {
            TcpStream stream = TcpStream.connect(listener.localAddress());
            int fd = stream.fd();
            assertTrue(fd >= 0);
            assertTrue(Descriptors.isNonBlocking(fd));
            stream.close();
            assertEquals(-1, stream.fd());
            assertFalse(stream.isOpen());
            stream.close();   // idempotent
        }
    }

    @Test
    void registeringForReadableGivesNoEventWhileNothingArrives() throws Exception {
        try (TcpListener listener = TcpListener.bind(Loopback.v4());
             TcpStream stream = TcpStream.connect(listener.localAddress())) {
            poll.registry().register(stream, Token.of(1), Interest.READABLE);
            Expect.noEvents(poll, events);
        }
    }

    @Test
    void reregisteringChangesTokenAndInterest() throws Exception {
        try (TcpListener listener = TcpListener.bind(Loopback.v4());
             TcpStream stream = TcpStream.connect(listener.localAddress())) {
            poll.registry().register(stream, Token.of(1), Interest.READABLE);
            poll.registry().reregister(stream, Token.of(2), Interest.WRITABLE);
            Expect.events(poll, events, event(2, Interest.WRITABLE));
            assertEquals(listener.localAddress(), stream.peerAddress());
        }
    }

    @Test
    void deregisteredStreamStillConnectsAndWritesWithoutEvents() throws Exception {
        try (TcpListener listener = TcpListener.bind(Loopback.v4());
             TcpStream stream = TcpStream.connect(listener.localAddress())) {
            poll.registry().register(stream, Token.of(1), Interest.WRITABLE.add(Interest.READABLE));
            poll.registry().deregister(stream);
            Expect.noEvents(poll, events);
            try (TcpStream accepted = Loopback.acceptWithin(listener)) {
                assertEquals(listener.localAddress(), stream.peerAddress());
                ByteBuffer buf = ByteBuffer.allocate(16);
                assertEquals(0, stream.peek(buf));
                assertEquals(0, stream.read(buf));
                assertEquals(DATA1.length, stream.write(ByteBuffer.wrap(DATA1)));
                Expect.noEvents(poll, events);
                assertArrayEquals(DATA1, drain(Loopback.readExactly(accepted, DATA1.length)));
            }
        }
    }

    @Test
    void ownShutdownInputIsReadClosed() throws Exception {
        try (TcpListener listener = TcpListener.bind(Loopback.v4());
             Loopback.Pair pair = Loopback.connect(listener)) {
            poll.registry().register(pair.client(), Token.of(1), Interest.READABLE.add(Interest.WRITABLE));
            Expect.events(poll, events, event(1, Interest.WRITABLE));
            pair.client().shutdownInput();
            await(poll, events, 1, Event::isReadClosed);
        }
    }

    @Test
    void peerShutdownOutputIsReadClosed() throws Exception {
        try (TcpListener listener = TcpListener.bind(Loopback.v4());
             Loopback.Pair pair = Loopback.connect(listener)) {
            poll.registry().register(pair.client(), Token.of(1), Interest.READABLE.add(Interest.WRITABLE));
            Expect.events(poll, events, event(1, Interest.WRITABLE));
            pair.server().shutdownOutput();
            await(poll, events, 1, Event::isReadClosed);
        }
    }

    @Test
    void peerCloseIsReadClosedAndThenQuiet() throws Exception {
        try (TcpListener listener = TcpListener.bind(Loopback.v4());
             TcpStream client = TcpStream.connect(listener.localAddress())) {
            poll.registry().register(client, Token.of(1), Interest.READABLE.add(Interest.WRITABLE));
            TcpStream server = Loopback.acceptWithin(listener);
            Expect.events(poll, events, event(1, Interest.WRITABLE));
            assertEquals(DATA1.length, client.write(ByteBuffer.wrap(DATA1)));
            assertEquals(0, client.read(ByteBuffer.allocate(1)));
            server.close();   // unread data: the kernel resets the connection
            await(poll, events, 1, Event::isReadClosed);
            int quietPolls = 0;
            while (poll.poll(events, Duration.ofMillis(100)) > 0) {
                assertTrue(++quietPolls < 50, "events never stop");
            }
        }
    }

    @Test
    void ownShutdownOfBothHalvesIsWriteClosed() throws Exception {
        try (TcpListener listener = TcpListener.bind(Loopback.v4());
             Loopback.Pair pair = Loopback.connect(listener)) {
            poll.registry().register(pair.client(), Token.of(1), Interest.READABLE.add(Interest.WRITABLE));
            Expect.events(poll, events, event(1, Interest.WRITABLE));
            pair.client().shutdownInput();
            pair.client().shutdownOutput();
            await(poll, events, 1, Event::isWriteClosed);
        }
    }

    @LinuxOnly
    @Test
    void peerResetGivesAReadableEvent() throws Exception {
        try (TcpListener listener = TcpListener.bind(Loopback.v4());
             TcpStream client = TcpStream.connect(listener.localAddress())) {
            poll.registry().register(listener, Token.of(0), Interest.READABLE);
            poll.registry().register(client, Token.of(1), Interest.READABLE.add(Interest.WRITABLE));
            Expect.events(poll, events, event(0, Interest.READABLE), event(1, Interest.WRITABLE));
            TcpStream server = listener.accept();
            server.setOption(StandardSocketOptions.SO_LINGER, 0);   // no graceful close
            server.close();
            Expect.events(poll, events, event(1, Interest.READABLE));
            io.mio4j.TestPoller.assumeSocketErrorsSurvivePolling();
            IOException reset = assertThrows(IOException.class, () -> client.read(ByteBuffer.allocate(1)));
            assertTrue(reset.getMessage().startsWith("recv: Connection reset"), reset.getMessage());
        }
    }

    // ---- vectored I/O, heap and direct ----

    @ParameterizedTest(name = "direct={0}")
    @ValueSource(booleans = {false, true})
    void vectoredWriteAndReadMoveEveryPosition(boolean direct) throws Exception {
        try (TcpListener listener = TcpListener.bind(Loopback.v4());
             Loopback.Pair pair = Loopback.connect(listener)) {
            ByteBuffer a = buffer(direct, 3).put(bytes(1, 2, 3)).flip();
            ByteBuffer empty = buffer(direct, 0);
            ByteBuffer b = buffer(!direct, 2).put(bytes(4, 5)).flip();   // mixed kinds
            ByteBuffer[] srcs = {a, empty, b};
            assertEquals(5, pair.client().write(srcs));
            assertEquals(3, a.position());
            assertEquals(2, b.position());
            assertEquals(0, pair.client().write(srcs), "nothing left to write");

            poll.registry().register(pair.server(), Token.of(2), Interest.READABLE);
            Expect.events(poll, events, event(2, Interest.READABLE));
            ByteBuffer x = buffer(direct, 2);
            ByteBuffer y = buffer(!direct, 2);
            ByteBuffer z = buffer(direct, 4);
            ByteBuffer[] dsts = {x, y, z};
            assertEquals(5, pair.server().read(dsts));
            assertEquals(2, x.position());
            assertEquals(2, y.position());
            assertEquals(1, z.position());
            assertEquals(bytes(1, 2), x.flip());
            assertEquals(bytes(3, 4), y.flip());
            assertEquals(bytes(5), z.flip());
            assertEquals(0, pair.server().read(new ByteBuffer[] {ByteBuffer.allocate(4)}), "nothing ready");
        }
    }

    @Test
    void vectoredCallsUseOnlyTheGivenRange() throws Exception {
        try (TcpListener listener = TcpListener.bind(Loopback.v4());
             Loopback.Pair pair = Loopback.connect(listener)) {
            ByteBuffer skipped = bytes(9, 9);
            ByteBuffer used = bytes(7);
            assertEquals(1, pair.client().write(new ByteBuffer[] {skipped, used, skipped}, 1, 1));
            assertEquals(0, skipped.position());
            ByteBuffer untouched = ByteBuffer.allocate(4);
            ByteBuffer target = ByteBuffer.allocateDirect(4);
            long deadline = System.nanoTime() + Expect.BOUND.toNanos();
            long n;
            while ((n = pair.server().read(new ByteBuffer[] {untouched, target}, 1, 1)) == 0) {
                assertTrue(System.nanoTime() < deadline);
            }
            assertEquals(1, n);
            assertEquals(0, untouched.position());
            assertEquals(bytes(7), target.flip());
        }
    }

    @Test
    void largeVectoredWritesOfHeapBuffersArriveInOrder() throws Exception {
        try (TcpListener listener = TcpListener.bind(Loopback.v4());
             Loopback.Pair pair = Loopback.connect(listener)) {
            int size = 200_000;   // two buffers of this exceed the scratch buffer: partial writes
            byte[] first = new byte[size];
            byte[] second = new byte[size];
            java.util.Arrays.fill(first, (byte) 1);
            java.util.Arrays.fill(second, (byte) 2);
            ByteBuffer[] srcs = {ByteBuffer.wrap(first), ByteBuffer.allocateDirect(3).put(bytes(3, 3, 3)).flip(),
                    ByteBuffer.wrap(second)};
            ByteBuffer received = ByteBuffer.allocate(2 * size + 3);
            ByteBuffer[] dsts = {received};
            long deadline = System.nanoTime() + Expect.BOUND.toNanos() * 2;
            while (received.hasRemaining()) {
                assertTrue(System.nanoTime() < deadline, "stalled at " + received.position());
                pair.client().write(srcs);
                assertTrue(pair.server().read(dsts) >= 0);
            }
            received.flip();
            for (int i = 0; i < size; i++) {
                assertEquals(1, received.get());
            }
            assertEquals(bytes(3, 3, 3), received.slice(received.position(), 3));
            received.position(received.position() + 3);
            while (received.hasRemaining()) {
                assertEquals(2, received.get());
            }
        }
    }

    @Test
    void endOfStreamIsMinusOneForVectoredReadsToo() throws Exception {
        try (TcpListener listener = TcpListener.bind(Loopback.v4());
             Loopback.Pair pair = Loopback.connect(listener)) {
            pair.server().shutdownOutput();
            poll.registry().register(pair.client(), Token.of(1), Interest.READABLE);
            Expect.events(poll, events, event(1, Interest.READABLE));
            assertEquals(-1, pair.client().read(new ByteBuffer[] {ByteBuffer.allocate(2), ByteBuffer.allocateDirect(2)}));
            assertEquals(-1, pair.client().read(ByteBuffer.allocateDirect(2)));
        }
    }

    // ---- misuse ----

    @Test
    void nullBuffersAreNullPointerExceptions() throws Exception {
        try (TcpListener listener = TcpListener.bind(Loopback.v4());
             Loopback.Pair pair = Loopback.connect(listener)) {
            TcpStream s = pair.client();
            assertThrows(NullPointerException.class, () -> s.read((ByteBuffer) null));
            assertThrows(NullPointerException.class, () -> s.write((ByteBuffer) null));
            assertThrows(NullPointerException.class, () -> s.peek(null));
            assertThrows(NullPointerException.class, () -> s.read((ByteBuffer[]) null));
            assertThrows(NullPointerException.class, () -> s.write((ByteBuffer[]) null));
            assertThrows(NullPointerException.class, () -> s.read(new ByteBuffer[] {ByteBuffer.allocate(1), null}));
            assertThrows(NullPointerException.class, () -> s.write(new ByteBuffer[] {null}));
            assertThrows(NullPointerException.class, () -> TcpStream.connect(null));
            assertThrows(NullPointerException.class, () -> s.setOption(null, 1));
            assertThrows(NullPointerException.class, () -> s.setOption(StandardSocketOptions.TCP_NODELAY, null));
        }
    }

    @Test
    void readOnlyBuffersCannotBeReadInto() throws Exception {
        try (TcpListener listener = TcpListener.bind(Loopback.v4());
             Loopback.Pair pair = Loopback.connect(listener)) {
            TcpStream s = pair.client();
            ByteBuffer heap = ByteBuffer.allocate(4).asReadOnlyBuffer();
            ByteBuffer direct = ByteBuffer.allocateDirect(4).asReadOnlyBuffer();
            assertThrows(IllegalArgumentException.class, () -> s.read(heap));
            assertThrows(IllegalArgumentException.class, () -> s.read(direct));
            assertThrows(IllegalArgumentException.class, () -> s.peek(direct));
            assertThrows(IllegalArgumentException.class, () -> s.read(new ByteBuffer[] {ByteBuffer.allocate(1), heap}));
            assertEquals(4, s.write(heap), "read-only buffers can be written from");
            assertEquals(4, s.write(bytes(1, 2, 3, 4).asReadOnlyBuffer()));
            assertEquals(4, s.write(new ByteBuffer[] {ByteBuffer.allocateDirect(4).asReadOnlyBuffer()}));
        }
    }

    @Test
    void rangesOutsideTheArrayAreIndexOutOfBounds() throws Exception {
        try (TcpListener listener = TcpListener.bind(Loopback.v4());
             Loopback.Pair pair = Loopback.connect(listener)) {
            TcpStream s = pair.client();
            ByteBuffer[] two = {ByteBuffer.allocate(1), ByteBuffer.allocate(1)};
            assertThrows(IndexOutOfBoundsException.class, () -> s.read(two, -1, 1));
            assertThrows(IndexOutOfBoundsException.class, () -> s.read(two, 1, 2));
            assertThrows(IndexOutOfBoundsException.class, () -> s.write(two, 0, 3));
            assertThrows(IndexOutOfBoundsException.class, () -> s.write(two, 3, 0));
            assertThrows(IndexOutOfBoundsException.class, () -> s.write(two, 1, -1));
            assertEquals(0, s.write(two, 2, 0));
        }
    }

    @Test
    void everyCallOnAClosedStreamIsClosedChannelException() throws Exception {
        try (TcpListener listener = TcpListener.bind(Loopback.v4())) {
            TcpStream s = TcpStream.connect(listener.localAddress());
            s.close();
            ByteBuffer room = ByteBuffer.allocate(4);
            assertThrows(ClosedChannelException.class, () -> s.read(room));
            assertThrows(ClosedChannelException.class, () -> s.read(ByteBuffer.allocate(0)));
            assertThrows(ClosedChannelException.class, () -> s.write(bytes(1)));
            assertThrows(ClosedChannelException.class, () -> s.write(ByteBuffer.allocate(0)));
            assertThrows(ClosedChannelException.class, () -> s.peek(room));
            assertThrows(ClosedChannelException.class, () -> s.read(new ByteBuffer[] {room}));
            assertThrows(ClosedChannelException.class, () -> s.write(new ByteBuffer[] {bytes(1)}));
            assertThrows(ClosedChannelException.class, s::peerAddress);
            assertThrows(ClosedChannelException.class, s::localAddress);
            assertThrows(ClosedChannelException.class, s::takeError);
            assertThrows(ClosedChannelException.class, s::shutdownOutput);
            assertThrows(ClosedChannelException.class, () -> s.setNoDelay(true));
            assertThrows(ClosedChannelException.class, s::ttl);
            assertThrows(ClosedChannelException.class, () -> s.getOption(StandardSocketOptions.SO_RCVBUF));
            assertThrows(ClosedChannelException.class,
                    () -> poll.registry().register(s, Token.of(1), Interest.READABLE));
        }
    }

    @Test
    void unresolvedAddressesAreRejected() {
        assertThrows(java.nio.channels.UnresolvedAddressException.class,
                () -> TcpStream.connect(InetSocketAddress.createUnresolved("localhost", 80)));
    }
}
