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
import java.net.BindException;
import java.net.ConnectException;
import java.net.StandardSocketOptions;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;

import static io.mio4j.Expect.event;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@UnixOnly
class UnixDatagramTest {
    private static final byte[] DATA1 = "Hello same host!".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] DATA2 = "Why hello mio!".getBytes(StandardCharsets.US_ASCII);
    private static final Interest BOTH = Interest.READABLE.add(Interest.WRITABLE);

    private Poll poll;
    private final Events events = Events.withCapacity(16);
    private Path dir;

    @BeforeEach
    void setUp() throws IOException {
        poll = Poll.open();
        dir = Descriptors.socketDirectory();
    }

    @AfterEach
    void tearDown() throws IOException {
        poll.close();
        Descriptors.deleteDirectory(dir);
    }

    private static byte[] drain(ByteBuffer buffer) {
        buffer.flip();
        byte[] out = new byte[buffer.remaining()];
        buffer.get(out);
        buffer.clear();
        return out;
    }

    @Test
    void unconnectedSocketsExchangeDatagramsByPath() throws Exception {
        Path p1 = dir.resolve("1");
        Path p2 = dir.resolve("2");
        try (UnixDatagram d1 = UnixDatagram.bind(p1); UnixDatagram d2 = UnixDatagram.bind(p2)) {
            Descriptors.assertNonBlockingAndCloseOnExec(d1.fd());
            Descriptors.assertNonBlockingAndCloseOnExec(d2.fd());
            assertEquals(UnixDomainSocketAddress.of(p1), d1.localAddress());
            assertNull(d1.peerAddress());
            poll.registry().register(d1, Token.of(1), BOTH);
            poll.registry().register(d2, Token.of(2), BOTH);
            Expect.events(poll, events, event(1, Interest.WRITABLE), event(2, Interest.WRITABLE));

            ByteBuffer buffer = ByteBuffer.allocate(64);
            assertNull(d1.receiveFrom(buffer));
            assertNull(d2.receiveFrom(buffer));

            assertEquals(DATA1.length, d1.sendTo(ByteBuffer.wrap(DATA1), p2));
            assertEquals(DATA2.length, d2.sendTo(ByteBuffer.wrap(DATA2), p1));
            Expect.events(poll, events, event(1, Interest.READABLE), event(2, Interest.READABLE));

            assertEquals(UnixDomainSocketAddress.of(p2), d1.receiveFrom(buffer));
            assertArrayEquals(DATA2, drain(buffer));
            assertEquals(UnixDomainSocketAddress.of(p1), d2.receiveFrom(buffer));
            assertArrayEquals(DATA1, drain(buffer));
            assertNull(d1.takeError());
            assertNull(d2.takeError());
        }
    }

    @Test
    void connectedSocketsExchangeDatagrams() throws Exception {
        Path p1 = dir.resolve("1");
        Path p2 = dir.resolve("2");
        try (UnixDatagram d1 = UnixDatagram.bind(p1); UnixDatagram d2 = UnixDatagram.bind(p2)) {
            d1.connect(p2);
            d2.connect(p1);
            assertEquals(d1.localAddress(), d2.peerAddress());
            assertEquals(d2.localAddress(), d1.peerAddress());
            poll.registry().register(d1, Token.of(1), BOTH);
            poll.registry().register(d2, Token.of(2), BOTH);
            Expect.events(poll, events, event(1, Interest.WRITABLE), event(2, Interest.WRITABLE));

            ByteBuffer buffer = ByteBuffer.allocateDirect(64);
            assertEquals(-1, d1.receive(buffer));
            assertEquals(-1, d2.receive(buffer));

            assertEquals(DATA1.length, d1.send(ByteBuffer.wrap(DATA1)));
            assertEquals(DATA2.length, d2.send(ByteBuffer.wrap(DATA2)));
            Expect.events(poll, events, event(1, Interest.READABLE), event(2, Interest.READABLE));

            assertEquals(DATA2.length, d1.receive(buffer));
            assertArrayEquals(DATA2, drain(buffer));
            assertEquals(DATA1.length, d2.receive(buffer));
            assertArrayEquals(DATA1, drain(buffer));
            assertNull(d1.takeError());
            assertNull(d2.takeError());
        }
    }

    @Test
    void socketMayConnectToItself() throws Exception {
        Path p1 = dir.resolve("1");
        try (UnixDatagram d1 = UnixDatagram.bind(p1)) {
            d1.connect(p1);
            assertEquals(DATA1.length, d1.send(ByteBuffer.wrap(DATA1)));
            ByteBuffer buffer = ByteBuffer.allocate(64);
            assertEquals(DATA1.length, d1.receive(buffer));
            assertArrayEquals(DATA1, drain(buffer));
        }
    }

    @Test
    void pairEndsExchangeDatagrams() throws Exception {
        UnixDatagram[] pair = UnixDatagram.pair();
        try (UnixDatagram d1 = pair[0]; UnixDatagram d2 = pair[1]) {
            Descriptors.assertNonBlockingAndCloseOnExec(d1.fd());
            poll.registry().register(d1, Token.of(1), BOTH);
            poll.registry().register(d2, Token.of(2), BOTH);
            Expect.events(poll, events, event(1, Interest.WRITABLE), event(2, Interest.WRITABLE));
            ByteBuffer buffer = ByteBuffer.allocate(64);
            assertEquals(-1, d1.receive(buffer));
            assertEquals(-1, d2.receive(buffer));

            assertEquals(DATA1.length, d1.send(ByteBuffer.wrap(DATA1)));
            assertEquals(DATA2.length, d2.send(ByteBuffer.wrap(DATA2)));
            Expect.events(poll, events, event(1, Interest.READABLE), event(2, Interest.READABLE));
            assertEquals(DATA2.length, d1.receive(buffer));
            assertArrayEquals(DATA2, drain(buffer));
            assertEquals(UnixDomainSocketAddress.of(""), d2.receiveFrom(buffer));
            assertArrayEquals(DATA1, drain(buffer));
            assertEquals(UnixDomainSocketAddress.of(""), d1.peerAddress());
            assertNull(d1.takeError());
            assertNull(d2.takeError());
        }
    }

    @Test
    void shutdownGivesClosedEventsAndSendFails() throws Exception {
        Path p1 = dir.resolve("1");
        Path p2 = dir.resolve("2");
        try (UnixDatagram d1 = UnixDatagram.bind(p1); UnixDatagram d2 = UnixDatagram.bind(p2)) {
            poll.registry().register(d1, Token.of(1), BOTH);
            poll.registry().register(d2, Token.of(2), BOTH);
            d1.connect(p2);
            Expect.events(poll, events, event(1, Interest.WRITABLE));
            assertEquals(DATA1.length, d1.send(ByteBuffer.wrap(DATA1)));
            Expect.events(poll, events, event(2, Interest.READABLE));

            d1.shutdownInput();
            Expect.await(poll, events, 1, Event::isReadClosed);
            d1.shutdownOutput();
            Expect.await(poll, events, 1, Event::isWriteClosed);
            IOException e = assertThrows(IOException.class, () -> d1.send(ByteBuffer.wrap(DATA2)));
            assertTrue(e.getMessage().contains("Broken pipe"), e.getMessage());
            assertNull(d1.takeError());
        }
    }

    @Test
    void registeredIdleSocketHasNoEvents() throws Exception {
        try (UnixDatagram datagram = UnixDatagram.bind(dir.resolve("1"))) {
            poll.registry().register(datagram, Token.of(1), Interest.READABLE);
            Expect.noEvents(poll, events);
        }
    }

    @Test
    void reregisteredSocketReportsItsNewInterest() throws Exception {
        Path p1 = dir.resolve("1");
        try (UnixDatagram d1 = UnixDatagram.bind(p1); UnixDatagram d2 = UnixDatagram.bind(dir.resolve("2"))) {
            poll.registry().register(d1, Token.of(1), Interest.READABLE);
            d2.connect(p1);
            poll.registry().reregister(d1, Token.of(1), Interest.WRITABLE);
            Expect.events(poll, events, event(1, Interest.WRITABLE));
        }
    }

    @Test
    void deregisteredSocketHasNoEvents() throws Exception {
        Path p1 = dir.resolve("1");
        try (UnixDatagram d1 = UnixDatagram.bind(p1); UnixDatagram d2 = UnixDatagram.bind(dir.resolve("2"))) {
            poll.registry().register(d1, Token.of(1), Interest.WRITABLE);
            d2.connect(p1);
            poll.registry().deregister(d1);
            Expect.noEvents(poll, events);
        }
    }

    // Beyond mio's tests: truncation, unnamed senders, errors and bad input.

    @Test
    void longDatagramIsTruncatedAndItsLengthIsReported() throws Exception {
        UnixDatagram[] pair = UnixDatagram.pair();
        try (UnixDatagram d1 = pair[0]; UnixDatagram d2 = pair[1]) {
            assertEquals(DATA1.length, d1.send(ByteBuffer.wrap(DATA1)));
            assertEquals(DATA2.length, d1.send(ByteBuffer.wrap(DATA2)));
            ByteBuffer small = ByteBuffer.allocate(4);
            assertEquals(4, d2.receive(small));
            assertEquals(DATA1.length, d2.lastDatagramLength());
            assertArrayEquals(Arrays.copyOf(DATA1, 4), drain(small));
            assertEquals(UnixDomainSocketAddress.of(""), d2.receiveFrom(small));
            assertEquals(DATA2.length, d2.lastDatagramLength());
            assertArrayEquals(Arrays.copyOf(DATA2, 4), drain(small));
            assertEquals(-1, d2.receive(small));
        }
    }

    @Test
    void sendToAFullQueueReturnsMinusOneAndSendsNothing() throws Exception {
        UnixDatagram[] pair = UnixDatagram.pair();
        try (UnixDatagram d1 = pair[0]; UnixDatagram d2 = pair[1]) {
            poll.registry().register(d1, Token.of(1), Interest.WRITABLE);
            Expect.events(poll, events, event(1, Interest.WRITABLE));
            ByteBuffer src = ByteBuffer.allocateDirect(1024);
            int sent = 0;
            int n;
            while ((n = d1.send(src.clear())) > 0) {
                sent++;
            }
            assertEquals(-1, n);
            assertEquals(0, src.position(), "nothing was taken from src");
            ByteBuffer in = ByteBuffer.allocateDirect(2048);
            for (int i = 0; i < sent; i++) {
                assertEquals(1024, d2.receive(in.clear()));
            }
            assertEquals(-1, d2.receive(in.clear()));
            Expect.events(poll, events, event(1, Interest.WRITABLE));
            assertEquals(1024, d1.send(src.clear()));
        }
    }

    @Test
    void emptyDatagramIsADatagram() throws Exception {
        UnixDatagram[] pair = UnixDatagram.pair();
        try (UnixDatagram d1 = pair[0]; UnixDatagram d2 = pair[1]) {
            assertEquals(0, d1.send(ByteBuffer.allocate(0)));
            assertEquals(0, d2.receive(ByteBuffer.allocate(8)));
            assertEquals(-1, d2.receive(ByteBuffer.allocate(8)));
        }
    }

    @Test
    void sendingToAPathWithoutASocketFails() throws Exception {
        try (UnixDatagram datagram = UnixDatagram.unbound()) {
            IOException missing = assertThrows(IOException.class,
                    () -> datagram.sendTo(ByteBuffer.wrap(DATA1), dir.resolve("none")));
            assertTrue(missing.getMessage().startsWith("sendto: No such file or directory"), missing.getMessage());
            Path gone = dir.resolve("gone");
            UnixDatagram.bind(gone).close();
            assertThrows(ConnectException.class, () -> datagram.sendTo(ByteBuffer.wrap(DATA1), gone));
            assertThrows(ConnectException.class, () -> datagram.connect(gone));
        }
    }

    @Test
    void unconnectedSendReportsTheOsError() throws Exception {
        try (UnixDatagram datagram = UnixDatagram.unbound()) {
            IOException e = assertThrows(IOException.class, () -> datagram.send(ByteBuffer.wrap(DATA1)));
            assertTrue(e.getMessage().startsWith("send: Transport endpoint is not connected"), e.getMessage());
            assertEquals(-1, datagram.receive(ByteBuffer.allocate(8)));
            assertEquals(UnixDomainSocketAddress.of(""), datagram.localAddress());
        }
    }

    @Test
    void badPathsAndBuffersAreRejected() throws Exception {
        Path tooLong = Path.of("/tmp/" + "z".repeat(103));
        try (UnixDatagram datagram = UnixDatagram.unbound()) {
            assertThrows(IllegalArgumentException.class, () -> UnixDatagram.bind(tooLong));
            assertThrows(IllegalArgumentException.class, () -> datagram.connect(tooLong));
            assertThrows(IllegalArgumentException.class, () -> datagram.sendTo(ByteBuffer.allocate(1), tooLong));
            assertThrows(IllegalArgumentException.class, () -> datagram.sendTo(ByteBuffer.allocate(1), Path.of("")));
            assertThrows(NullPointerException.class, () -> datagram.sendTo(ByteBuffer.allocate(1), null));
            assertThrows(NullPointerException.class, () -> datagram.sendTo(null, dir.resolve("x")));
            assertThrows(IllegalArgumentException.class, () -> datagram.receive(ByteBuffer.allocate(4).asReadOnlyBuffer()));
            assertThrows(IllegalArgumentException.class,
                    () -> datagram.receiveFrom(ByteBuffer.allocate(4).asReadOnlyBuffer()));
            assertThrows(NullPointerException.class, () -> datagram.receive(null));
        }
        Path p = dir.resolve("1");
        try (UnixDatagram bound = UnixDatagram.bind(p)) {
            assertThrows(BindException.class, () -> UnixDatagram.bind(p));
        }
    }

    @Test
    void closedSocketThrowsClosedChannelException() throws Exception {
        UnixDatagram datagram = UnixDatagram.unbound();
        datagram.close();
        datagram.close();
        assertEquals(-1, datagram.fd());
        assertThrows(ClosedChannelException.class, () -> datagram.send(ByteBuffer.allocate(1)));
        assertThrows(ClosedChannelException.class, () -> datagram.receive(ByteBuffer.allocate(1)));
        assertThrows(ClosedChannelException.class, () -> datagram.receiveFrom(ByteBuffer.allocate(1)));
        assertThrows(ClosedChannelException.class, () -> datagram.connect(dir.resolve("x")));
    }

    @Test
    void datagramOptionsApplyAndOthersAreUnsupported() throws Exception {
        try (UnixDatagram datagram = UnixDatagram.unbound()) {
            datagram.setOption(StandardSocketOptions.SO_SNDBUF, 32 * 1024);
            assertTrue(datagram.getOption(StandardSocketOptions.SO_SNDBUF) >= 32 * 1024);
            assertThrows(UnsupportedOperationException.class,
                    () -> datagram.getOption(StandardSocketOptions.SO_BROADCAST));
        }
    }
}
