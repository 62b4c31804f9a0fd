package io.mio4j.net;

import io.mio4j.Events;
import io.mio4j.Expect;
import io.mio4j.Interest;
import io.mio4j.Poll;
import io.mio4j.Token;
import jdk.net.ExtendedSocketOptions;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.BindException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.time.Duration;

import static io.mio4j.Expect.event;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** mio's tests/tcp_socket.rs in our words, plus the consume rules. */
class TcpSocketTest {
    @Test
    void reuseAddressRoundTripsAndListens() throws Exception {
        TcpSocket socket = TcpSocket.openV4();
        socket.setReuseAddress(true);
        assertTrue(socket.reuseAddress());
        socket.bind(Loopback.v4());
        socket.listen(128).close();
    }

    @Test
    void reusePortRoundTripsAndListens() throws Exception {
        TcpSocket socket = TcpSocket.openV4();
        assertFalse(socket.reusePort());
        socket.setReusePort(true);
        assertTrue(socket.reusePort());
        socket.bind(Loopback.v4());
        socket.listen(128).close();
    }

    @Test
    void keepAliveRoundTrips() throws Exception {
        TcpSocket socket = TcpSocket.openV4();
        socket.setKeepAlive(false);
        assertFalse(socket.keepAlive());
        socket.setKeepAlive(true);
        assertTrue(socket.keepAlive());
        socket.bind(Loopback.v4());
        socket.listen(128).close();
    }

    @Test
    void keepAliveTimeIntervalAndRetriesRoundTrip() throws Exception {
        try (TcpSocket socket = TcpSocket.openV4()) {
            socket.setOption(ExtendedSocketOptions.TCP_KEEPIDLE, 4);
            assertEquals(4, socket.getOption(ExtendedSocketOptions.TCP_KEEPIDLE));
            socket.setOption(ExtendedSocketOptions.TCP_KEEPINTERVAL, 4);
            assertEquals(4, socket.getOption(ExtendedSocketOptions.TCP_KEEPINTERVAL));
            socket.setOption(ExtendedSocketOptions.TCP_KEEPCOUNT, 16);
            assertEquals(16, socket.getOption(ExtendedSocketOptions.TCP_KEEPCOUNT));
            assertThrows(IllegalArgumentException.class, () -> socket.setOption(ExtendedSocketOptions.TCP_KEEPIDLE, -1));
        }
    }

    @Test
    void localAddressIsUnspecifiedUntilBound() throws Exception {
        TcpSocket socket = TcpSocket.openV4();
        InetSocketAddress unbound = socket.localAddress();
        assertTrue(unbound.getAddress().isAnyLocalAddress());
        assertEquals(0, unbound.getPort());
        socket.bind(Loopback.v4());
        InetSocketAddress bound = socket.localAddress();
        assertEquals(InetAddress.getLoopbackAddress(), bound.getAddress());
        assertTrue(bound.getPort() > 0);
        try (TcpListener listener = socket.listen(128)) {
            assertEquals(bound, listener.localAddress());
        }
    }

    @Test
    void lingerRoundTripsAndNullTurnsItOff() throws Exception {
        try (TcpSocket socket = TcpSocket.openV4()) {
            assertNull(socket.linger(), "off by default");
            socket.setLinger(Duration.ofSeconds(1));
            assertEquals(Duration.ofSeconds(1), socket.linger());
            socket.setLinger(Duration.ZERO);
            assertEquals(Duration.ZERO, socket.linger());
            socket.setLinger(null);
            assertNull(socket.linger());
            assertThrows(IllegalArgumentException.class, () -> socket.setLinger(Duration.ofSeconds(-1)));
        }
    }

    @Test
    void bufferSizesAreAtLeastWhatWasAsked() throws Exception {
        for (int size : new int[] {256, 4096, 65536}) {
            try (TcpSocket socket = TcpSocket.openV4()) {
                socket.setSendBufferSize(size);
                assertTrue(socket.sendBufferSize() >= size, "send " + size);
                socket.setReceiveBufferSize(size);
                assertTrue(socket.receiveBufferSize() >= size, "receive " + size);
            }
        }
        try (TcpSocket socket = TcpSocket.openV4()) {
            assertThrows(IllegalArgumentException.class, () -> socket.setSendBufferSize(-1));
        }
    }

    @Test
    void ipv6SocketsConnect() throws Exception {
        try (Poll poll = Poll.open();
             TcpListener listener = TcpListener.bind(Loopback.v6())) {
            TcpSocket socket = TcpSocket.openV6();
            socket.setOption(StandardSocketOptions.TCP_NODELAY, true);
            try (TcpStream stream = socket.connect(listener.localAddress())) {
                Events events = Events.withCapacity(4);
                poll.registry().register(stream, Token.of(1), Interest.WRITABLE);
                Expect.events(poll, events, event(1, Interest.WRITABLE));
                assertEquals(listener.localAddress(), stream.peerAddress());
                assertTrue(stream.noDelay(), "options set before connect stay");
            }
        }
    }

    @Test
    void connectConsumesTheSocket() throws Exception {
        try (TcpListener listener = TcpListener.bind(Loopback.v4())) {
            TcpSocket socket = TcpSocket.openV4();
            int fd = socket.fd();
            try (TcpStream stream = socket.connect(listener.localAddress())) {
                assertEquals(fd, stream.fd(), "the stream owns the same descriptor");
                assertFalse(socket.isOpen());
                assertEquals(-1, socket.fd());
                assertConsumed(socket, listener.localAddress());
                socket.close();   // does nothing: the stream keeps working
                assertTrue(stream.isOpen());
                try (TcpStream accepted = Loopback.acceptWithin(listener)) {
                    assertEquals(stream.localAddress(), accepted.peerAddress());
                }
                assertNull(stream.takeError());
            }
        }
    }

    @Test
    void listenConsumesTheSocket() throws Exception {
        TcpSocket socket = TcpSocket.openV4();
        socket.bind(Loopback.v4());
        try (TcpListener listener = socket.listen(16)) {
            assertConsumed(socket, listener.localAddress());
            socket.close();
            try (TcpStream client = TcpStream.connect(listener.localAddress());
                 TcpStream accepted = Loopback.acceptWithin(listener)) {
                assertEquals(client.localAddress(), accepted.peerAddress());
            }
        }
    }

    @Test
    void failedConnectClosesAndConsumesTheSocket() throws Exception {
        InetSocketAddress nobody;
        try (TcpListener listener = TcpListener.bind(Loopback.v4())) {
            nobody = listener.localAddress();
        }
        TcpSocket socket = TcpSocket.openV4();
        try (TcpStream stream = socket.connect(nobody)) {
            // refused later: reported by takeError after the writable event (TcpTest)
            assertNotNull(stream);
        } catch (ConnectException refusedAtOnce) {
            // refused at once: the socket must still be gone
        }
        assertFalse(socket.isOpen());
        assertConsumed(socket, nobody);

        TcpSocket wrongFamily = TcpSocket.openV4();
        assertThrows(IOException.class, () -> wrongFamily.connect(Loopback.v6()));
        assertFalse(wrongFamily.isOpen());
        assertConsumed(wrongFamily, nobody);
    }

    @Test
    void failedBindLeavesTheSocketUsable() throws Exception {
        try (TcpListener taken = TcpListener.bind(Loopback.v4());
             TcpSocket socket = TcpSocket.openV4()) {
            assertThrows(BindException.class, () -> socket.bind(taken.localAddress()));
            socket.bind(Loopback.v4());
            assertTrue(socket.localAddress().getPort() > 0);
        }
    }

    @Test
    void closedSocketIsClosedChannelException() throws Exception {
        TcpSocket socket = TcpSocket.openV4();
        socket.close();
        socket.close();
        assertThrows(java.nio.channels.ClosedChannelException.class, socket::keepAlive);
        assertThrows(java.nio.channels.ClosedChannelException.class, () -> socket.bind(Loopback.v4()));
        assertThrows(java.nio.channels.ClosedChannelException.class, () -> socket.listen(1));
    }

    @Test
    void streamOnlyAndUdpOnlyOptionsAreSortedOut() throws Exception {
        try (TcpSocket socket = TcpSocket.openV4()) {
            socket.setOption(StandardSocketOptions.SO_LINGER, 3);
            assertEquals(Duration.ofSeconds(3), socket.linger());
            assertThrows(UnsupportedOperationException.class,
                    () -> socket.setOption(StandardSocketOptions.SO_BROADCAST, true));
            assertThrows(UnsupportedOperationException.class,
                    () -> socket.getOption(StandardSocketOptions.IP_MULTICAST_LOOP));
        }
    }

    private static void assertConsumed(TcpSocket socket, InetSocketAddress somewhere) {
        assertThrows(IllegalStateException.class, () -> socket.bind(somewhere));
        assertThrows(IllegalStateException.class, () -> socket.connect(somewhere));
        assertThrows(IllegalStateException.class, () -> socket.listen(1));
        assertThrows(IllegalStateException.class, () -> socket.setReuseAddress(true));
        assertThrows(IllegalStateException.class, socket::reuseAddress);
        assertThrows(IllegalStateException.class, () -> socket.setReusePort(true));
        assertThrows(IllegalStateException.class, socket::reusePort);
        assertThrows(IllegalStateException.class, () -> socket.setLinger(null));
        assertThrows(IllegalStateException.class, socket::linger);
        assertThrows(IllegalStateException.class, () -> socket.setReceiveBufferSize(1024));
        assertThrows(IllegalStateException.class, socket::receiveBufferSize);
        assertThrows(IllegalStateException.class, () -> socket.setSendBufferSize(1024));
        assertThrows(IllegalStateException.class, socket::sendBufferSize);
        assertThrows(IllegalStateException.class, () -> socket.setKeepAlive(true));
        assertThrows(IllegalStateException.class, socket::keepAlive);
        assertThrows(IllegalStateException.class, socket::localAddress);
        assertThrows(IllegalStateException.class, () -> socket.getOption(StandardSocketOptions.SO_RCVBUF));
    }
}
